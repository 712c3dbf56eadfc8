/** Comparison tables as rows (yuan to the fen) for CSV and workbook writers. */
import { fenToYuanString } from '../model/money.ts';
import type { InequalitySummary } from '../model/measures/inequality.ts';
import { COMPARE_FIELDS, type Comparison, type Diff, type FieldDiffs } from './comparison.ts';
import type { Row } from './countyTable.ts';

const yuan = fenToYuanString;

/** Column stem for each compared field (matches counties.csv names). */
export const FIELD_COLUMNS: Readonly<Record<(typeof COMPARE_FIELDS)[number], string>> = {
  standardCostFen: 'standard_cost',
  centralFen: 'central',
  provincialFen: 'provincial',
  prefectureFen: 'prefecture_level',
  countyFen: 'county',
  specialFen: 'special_transfers',
  retainedFen: 'retained_by_prefecture',
  ownBurdenFen: 'own_burden',
  ownRevenueFen: 'own_revenue',
  equalizationFen: 'equalization_transfer',
  guaranteeFen: 'guarantee_transfer',
  generalFen: 'general_transfer',
  rebatesFen: 'tax_rebates',
  resourcesFen: 'resources',
  needsFen: 'needs',
  gapFen: 'gap',
};

export const DIFF_COLUMNS = COMPARE_FIELDS.flatMap((f) => [`${FIELD_COLUMNS[f]}_base`, `${FIELD_COLUMNS[f]}_scenario`, `${FIELD_COLUMNS[f]}_change`]);

function diffCells(fields: FieldDiffs): Row {
  const row: Row = {};
  for (const f of COMPARE_FIELDS) {
    const d = fields[f];
    row[`${FIELD_COLUMNS[f]}_base`] = yuan(d.base);
    row[`${FIELD_COLUMNS[f]}_scenario`] = yuan(d.scenario);
    row[`${FIELD_COLUMNS[f]}_change`] = yuan(d.delta);
  }
  return row;
}

export const COMPARE_COUNTY_COLUMNS = ['code', 'name', 'province', 'prefecture', 'year', 'population', ...DIFF_COLUMNS, 'gap_change_per_capita'];
export const COMPARE_GROUP_COLUMNS = ['code', 'name', 'year', 'counties', 'population', ...DIFF_COLUMNS];
export const COMPARE_LEVEL_COLUMNS = ['year', 'level', 'cost_base', 'cost_scenario', 'cost_change', 'change_share_of_total_change'];
export const COMPARE_ITEM_COLUMNS = ['year', 'item', 'item_name_zh', 'item_name_en', ...['cost', 'central', 'provincial', 'prefecture_level', 'county'].flatMap((k) => [`${k}_base`, `${k}_scenario`, `${k}_change`])];
export const COMPARE_BAND_COLUMNS = ['year', 'band', 'counties', 'population', 'gap_change'];
export const COMPARE_MEASURE_COLUMNS = ['year', 'stage', 'measure', 'base', 'scenario', 'change'];

export function countyComparisonRows(c: Comparison): Row[] {
  return c.counties.map((r) => ({
    code: r.county.code,
    name: r.county.name,
    province: r.county.province,
    prefecture: r.county.prefecture,
    year: r.year,
    population: Math.round(r.population),
    ...diffCells(r.fields),
    gap_change_per_capita: r.population > 0 ? (r.fields.gapFen.delta / 100 / r.population).toFixed(2) : '',
  }));
}

export function groupComparisonRows(groups: Comparison['provinces']): Row[] {
  return groups.map((g) => ({ code: g.key, name: g.name, year: g.year, counties: g.counties, population: Math.round(g.population), ...diffCells(g.fields) }));
}

export function levelComparisonRows(c: Comparison): Row[] {
  return c.levels.map((l) => {
    const total = c.levels.filter((x) => x.year === l.year).reduce((a, x) => a + x.cost.delta, 0);
    return { year: l.year, level: l.level, cost_base: yuan(l.cost.base), cost_scenario: yuan(l.cost.scenario), cost_change: yuan(l.cost.delta), change_share_of_total_change: total !== 0 ? (l.cost.delta / total).toFixed(6) : '' };
  });
}

export function itemComparisonRows(c: Comparison): Row[] {
  const cells = (k: string, d: Diff): Row => ({ [`${k}_base`]: yuan(d.base), [`${k}_scenario`]: yuan(d.scenario), [`${k}_change`]: yuan(d.delta) });
  return c.items.map((i) => ({
    year: i.year,
    item: i.item,
    item_name_zh: i.nameZh,
    item_name_en: i.nameEn,
    ...cells('cost', i.cost),
    ...cells('central', i.central),
    ...cells('provincial', i.provincial),
    ...cells('prefecture_level', i.prefecture),
    ...cells('county', i.county),
  }));
}

export function bandRows(c: Comparison): Row[] {
  return c.bands.map((b) => ({ year: b.year, band: b.band.label, counties: b.counties, population: Math.round(b.population), gap_change: yuan(b.gapDeltaFen) }));
}

export function measureRows(c: Comparison): Row[] {
  const rows: Row[] = [];
  const pick: Array<[string, (m: InequalitySummary) => number]> = [
    ['gini', (m) => m.gini],
    ['theil', (m) => m.theil.total],
    ['theil_between_provinces', (m) => m.theil.between],
    ['theil_within_provinces', (m) => m.theil.within],
    ['cv', (m) => m.cv],
    ['max_min', (m) => m.maxMin],
    ['decile_ratio', (m) => m.decileRatio],
    ['mean_per_capita', (m) => m.mean],
  ];
  const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(6) : '');
  for (const m of c.measures) {
    for (const stage of ['beforeTransfers', 'afterGeneral', 'afterGeneralMof', 'afterAll'] as const) {
      for (const [name, f] of pick) {
        const b = f(m.base[stage]);
        const s = f(m.scenario[stage]);
        rows.push({ year: m.year, stage, measure: name, base: fmt(b), scenario: fmt(s), change: fmt(s - b) });
      }
    }
  }
  return rows;
}

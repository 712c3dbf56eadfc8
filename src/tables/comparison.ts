/**
 * Comparison of two runs (a base and a scenario) over the same counties: difference tables
 * by county, prefecture, province, level of government, item and year; winners and losers
 * in bands of gap change per resident; and the change in equalization measures.
 * Money in integer fen; every aggregate is a sum of the county figures.
 */
import type { County } from '../model/county.ts';
import { equalizationMeasures } from '../model/measures/equalizationMeasures.ts';
import type { CountyResult, EqualizationMeasures } from '../model/results.ts';
import type { YearRun } from '../simulation/runSimulation.ts';

export const COMPARE_FIELDS = [
  'standardCostFen', 'centralFen', 'provincialFen', 'prefectureFen', 'countyFen', 'specialFen', 'retainedFen',
  'ownBurdenFen', 'ownRevenueFen', 'rebatesFen', 'equalizationFen', 'guaranteeFen', 'generalFen', 'resourcesFen', 'needsFen', 'gapFen',
] as const;
export type CompareField = (typeof COMPARE_FIELDS)[number];

export interface Diff {
  readonly base: number;
  readonly scenario: number;
  readonly delta: number;
}

export type FieldDiffs = Readonly<Record<CompareField, Diff>>;

export interface CountyComparison {
  readonly countyIndex: number;
  readonly county: County;
  readonly year: number;
  readonly population: number;
  readonly fields: FieldDiffs;
}

export interface GroupComparison {
  readonly key: string;
  readonly name: string;
  readonly year: number;
  readonly counties: number;
  readonly population: number;
  readonly fields: FieldDiffs;
}

export interface LevelComparison {
  readonly year: number;
  readonly level: 'central' | 'provincial' | 'prefecture' | 'county';
  readonly cost: Diff;
}

export interface ItemComparison {
  readonly year: number;
  readonly item: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly cost: Diff;
  readonly central: Diff;
  readonly provincial: Diff;
  readonly prefecture: Diff;
  readonly county: Diff;
}

/** A band of change in the gap per resident (yuan); `upper` is exclusive, null = unbounded. */
export interface Band {
  /** English label, with its unit */
  readonly label: string;
  readonly labelZh: string;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** Bands of gap change per resident: negative = the gap shrinks (the county gains). */
export const GAP_CHANGE_BANDS: readonly Band[] = [
  { label: 'gap falls by 100+ yuan/resident', labelZh: '缺口每人减少 100 元以上', lower: null, upper: -100 },
  { label: 'gap falls by 10–100 yuan/resident', labelZh: '缺口每人减少 10–100 元', lower: -100, upper: -10 },
  { label: 'gap falls by 0.01–10 yuan/resident', labelZh: '缺口每人减少 0.01–10 元', lower: -10, upper: -0.005 },
  { label: 'unchanged (within ±0.005 yuan/resident)', labelZh: '不变（每人 ±0.005 元以内）', lower: -0.005, upper: 0.005 },
  { label: 'gap rises by 0.01–10 yuan/resident', labelZh: '缺口每人增加 0.01–10 元', lower: 0.005, upper: 10 },
  { label: 'gap rises by 10–100 yuan/resident', labelZh: '缺口每人增加 10–100 元', lower: 10, upper: 100 },
  { label: 'gap rises by 100+ yuan/resident', labelZh: '缺口每人增加 100 元以上', lower: 100, upper: null },
];

export interface BandCount {
  readonly year: number;
  readonly band: Band;
  readonly counties: number;
  readonly population: number;
  readonly gapDeltaFen: number;
}

export interface MeasureComparison {
  readonly year: number;
  readonly base: EqualizationMeasures;
  readonly scenario: EqualizationMeasures;
}

export interface Comparison {
  readonly years: readonly number[];
  readonly counties: readonly CountyComparison[];
  readonly prefectures: readonly GroupComparison[];
  readonly provinces: readonly GroupComparison[];
  readonly totals: readonly GroupComparison[];
  readonly levels: readonly LevelComparison[];
  readonly items: readonly ItemComparison[];
  readonly bands: readonly BandCount[];
  readonly measures: readonly MeasureComparison[];
  /** years in which nothing differs: every amount, population and measure of every county and item is the same */
  readonly unchangedYears: readonly number[];
  /** true when nothing differs in any year compared (the comparison is all zero) */
  readonly unchanged: boolean;
}

const diff = (base: number, scenario: number): Diff => ({ base, scenario, delta: scenario - base });

function fieldDiffs(base: CountyResult, scen: CountyResult): FieldDiffs {
  const out = {} as Record<CompareField, Diff>;
  for (const f of COMPARE_FIELDS) out[f] = diff(base[f], scen[f]);
  return out;
}

function sumDiffs(rows: readonly FieldDiffs[]): FieldDiffs {
  const out = {} as Record<CompareField, Diff>;
  for (const f of COMPARE_FIELDS) {
    let b = 0, s = 0;
    for (const r of rows) {
      b += r[f].base;
      s += r[f].scenario;
    }
    out[f] = diff(b, s);
  }
  return out;
}

function group(rows: readonly CountyComparison[], key: (c: County) => [string, string]): GroupComparison[] {
  const groups = new Map<string, { name: string; year: number; rows: CountyComparison[] }>();
  for (const r of rows) {
    const [k, name] = key(r.county);
    const id = `${r.year}|${k}`;
    const g = groups.get(id) ?? groups.set(id, { name, year: r.year, rows: [] }).get(id)!;
    g.rows.push(r);
  }
  return [...groups.entries()].map(([id, g]) => ({
    key: id.split('|')[1]!,
    name: g.name,
    year: g.year,
    counties: g.rows.length,
    population: g.rows.reduce((a, r) => a + r.population, 0),
    fields: sumDiffs(g.rows.map((r) => r.fields)),
  }));
}

function bandOf(perCapita: number): Band {
  return GAP_CHANGE_BANDS.find((b) => (b.lower === null || perCapita >= b.lower) && (b.upper === null || perCapita < b.upper))!;
}

/**
 * Compare a scenario's runs with a base's over the focus counties. Both must cover the same
 * counties in the same order and the same years.
 */
export function compareRuns(base: readonly YearRun[], scenario: readonly YearRun[], focus: readonly number[]): Comparison {
  const years = base.map((r) => r.year);
  if (scenario.length !== base.length || scenario.some((r, i) => r.year !== years[i])) {
    throw new RangeError(`the runs cover different years: ${years.join(',')} vs ${scenario.map((r) => r.year).join(',')}`);
  }
  const counties: CountyComparison[] = [];
  const levels: LevelComparison[] = [];
  const items: ItemComparison[] = [];
  const bands: BandCount[] = [];
  const measures: MeasureComparison[] = [];
  const focusSet = new Set(focus);
  const unchangedYears: number[] = [];
  base.forEach((b, y) => {
    const s = scenario[y]!;
    if (b.counties.length !== s.counties.length) throw new RangeError('the runs cover different counties');
    const yearRows: CountyComparison[] = [];
    for (const i of focus) {
      const row: CountyComparison = {
        countyIndex: i,
        county: s.counties[i]!,
        year: b.year,
        population: b.result.counties[i]!.population,
        fields: fieldDiffs(b.result.counties[i]!, s.result.counties[i]!),
      };
      yearRows.push(row);
      counties.push(row);
    }
    const total = sumDiffs(yearRows.map((r) => r.fields));
    levels.push(
      { year: b.year, level: 'central', cost: total.centralFen },
      { year: b.year, level: 'provincial', cost: total.provincialFen },
      { year: b.year, level: 'prefecture', cost: total.prefectureFen },
      { year: b.year, level: 'county', cost: total.countyFen },
    );
    // items: union of ids in base and scenario (an item may be active in only one)
    const acc = new Map<string, { nameZh: string; nameEn: string; v: number[] }>();
    const add = (run: YearRun, offset: number): void => {
      for (const it of run.result.items) {
        if (!focusSet.has(it.countyIndex)) continue;
        const p = run.params.items[it.itemIndex]!;
        const a = acc.get(p.id) ?? acc.set(p.id, { nameZh: p.nameZh, nameEn: p.nameEn, v: new Array<number>(10).fill(0) }).get(p.id)!;
        a.v[offset] = a.v[offset]! + it.costFen;
        a.v[offset + 1] = a.v[offset + 1]! + it.centralFen;
        a.v[offset + 2] = a.v[offset + 2]! + it.provincialFen;
        a.v[offset + 3] = a.v[offset + 3]! + it.prefectureFen;
        a.v[offset + 4] = a.v[offset + 4]! + it.countyFen;
      }
    };
    add(b, 0);
    add(s, 5);
    for (const [id, a] of acc) {
      const v = a.v;
      items.push({ year: b.year, item: id, nameZh: a.nameZh, nameEn: a.nameEn, cost: diff(v[0]!, v[5]!), central: diff(v[1]!, v[6]!), provincial: diff(v[2]!, v[7]!), prefecture: diff(v[3]!, v[8]!), county: diff(v[4]!, v[9]!) });
    }
    for (const band of GAP_CHANGE_BANDS) {
      const inBand = yearRows.filter((r) => bandOf(r.population > 0 ? r.fields.gapFen.delta / 100 / r.population : 0) === band);
      bands.push({ year: b.year, band, counties: inBand.length, population: inBand.reduce((a, r) => a + r.population, 0), gapDeltaFen: inBand.reduce((a, r) => a + r.fields.gapFen.delta, 0) });
    }
    const focusRows = (run: YearRun) => focus.map((i) => run.result.counties[i]!);
    const measure: MeasureComparison = {
      year: b.year,
      base: equalizationMeasures(b.counties, focusRows(b), 'population'),
      scenario: equalizationMeasures(s.counties, focusRows(s), 'population'),
    };
    measures.push(measure);
    const same =
      yearRows.every((r) => COMPARE_FIELDS.every((f) => r.fields[f].delta === 0) && r.population === s.result.counties[r.countyIndex]!.population) &&
      items.every((it) => it.year !== b.year || [it.cost, it.central, it.provincial, it.prefecture, it.county].every((d) => d.delta === 0)) &&
      JSON.stringify(measure.base) === JSON.stringify(measure.scenario);
    if (same) unchangedYears.push(b.year);
  });
  return {
    years,
    counties,
    prefectures: group(counties, (c) => [c.prefectureCode, c.prefecture]),
    provinces: group(counties, (c) => [c.provinceCode, c.province]),
    totals: group(counties, () => ['all', 'all counties']),
    levels,
    items,
    bands,
    measures,
    unchangedYears,
    unchanged: unchangedYears.length === years.length,
  };
}

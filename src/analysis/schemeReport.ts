/** Tables, chart and terminal table of a scheme comparison. */
import type { County } from '../model/county.ts';
import { fenToYuanString } from '../model/money.ts';
import type { Row } from '../tables/countyTable.ts';
import { schemeBars, type BarDatum } from './charts.ts';
import type { Comparison, SchemeOutcome } from './schemeComparison.ts';

export const SCHEME_SUMMARY_COLUMNS = [
  'scheme', 'title', 'year', 'central_pool', 'county_pool', 'equalization', 'guarantee',
  'gini', 'theil', 'theil_between', 'theil_within', 'cv', 'max_min', 'decile_ratio',
  'gini_before_transfers', 'gini_after_general', 'gini_after_general_mof',
  'mean_resources_pc', 'counties_in_gap', 'residents_in_gap', 'total_gap', 'net_gap', 'plan_gap',
  'central_pays', 'provincial_pays', 'prefecture_pays', 'county_pays', 'unfunded',
  'mean_abs_change_pc', 'counties_gaining', 'counties_losing', 'mean_rank_shift_pct',
] as const;

const f = (x: number, d: number): string => (Number.isFinite(x) ? x.toFixed(d) : '');
const yuanFloat = (fen: number): string => (fen / 100).toFixed(2);
const total = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

export function summaryRows(c: Comparison): Row[] {
  return c.outcomes.map((o) => ({
    scheme: o.name,
    title: o.title,
    year: c.year,
    central_pool: fenToYuanString(o.centralPoolFen),
    county_pool: fenToYuanString(o.countyPoolFen),
    equalization: fenToYuanString(total(o.equalizationFen)),
    guarantee: fenToYuanString(total(o.guaranteeFen)),
    gini: f(o.measures.gini, 6),
    theil: f(o.measures.theil.total, 6),
    theil_between: f(o.measures.theil.between, 6),
    theil_within: f(o.measures.theil.within, 6),
    cv: f(o.measures.cv, 6),
    max_min: f(o.measures.maxMin, 4),
    decile_ratio: f(o.measures.decileRatio, 4),
    gini_before_transfers: f(o.giniBefore, 6),
    gini_after_general: f(o.giniAfterGeneral, 6),
    gini_after_general_mof: f(o.giniAfterGeneralMof, 6),
    mean_resources_pc: f(o.measures.mean, 2),
    counties_in_gap: o.countiesInGap,
    residents_in_gap: Math.round(o.residentsInGap),
    total_gap: fenToYuanString(o.shortfallFen),
    net_gap: fenToYuanString(o.netGapFen),
    plan_gap: fenToYuanString(o.planShortfallFen),
    central_pays: yuanFloat(o.payments.centralFen),
    provincial_pays: yuanFloat(o.payments.provincialFen),
    prefecture_pays: yuanFloat(o.payments.prefectureFen),
    county_pays: yuanFloat(o.payments.countyFen),
    unfunded: yuanFloat(o.payments.unfundedFen),
    mean_abs_change_pc: f(o.meanAbsChangePerCapita, 2),
    counties_gaining: o.countiesGaining,
    counties_losing: o.countiesLosing,
    mean_rank_shift_pct: f(o.meanRankShift, 2),
  }));
}

export const SCHEME_COUNTY_COLUMNS = [
  'code', 'name', 'province', 'year', 'scheme', 'population', 'equalization', 'equalization_pc', 'status_quo_equalization', 'change_vs_status_quo', 'change_pc',
  'guarantee', 'general', 'resources_pc', 'gap', 'plan_gap', 'rank_before', 'rank_after',
] as const;

export function countyRows(c: Comparison, counties: readonly County[], population: readonly number[]): Row[] {
  const statusQuo = c.outcomes.find((o) => o.name === 'status_quo')!;
  const rows: Row[] = [];
  c.focus.forEach((i, k) => {
    const county = counties[i]!;
    const pop = population[k]!;
    for (const o of c.outcomes) {
      const t = o.equalizationFen[k]!;
      const delta = t - statusQuo.equalizationFen[k]!;
      rows.push({
        code: county.code,
        name: county.name,
        province: county.province,
        year: c.year,
        scheme: o.name,
        population: Math.round(pop),
        equalization: fenToYuanString(t),
        equalization_pc: pop > 0 ? f(t / 100 / pop, 2) : '',
        status_quo_equalization: fenToYuanString(statusQuo.equalizationFen[k]!),
        change_vs_status_quo: fenToYuanString(delta),
        change_pc: pop > 0 ? f(delta / 100 / pop, 2) : '',
        guarantee: fenToYuanString(o.guaranteeFen[k]!),
        general: fenToYuanString(o.generalFen[k]!),
        resources_pc: pop > 0 ? f(o.resourcesFen[k]! / 100 / pop, 2) : '',
        gap: fenToYuanString(o.gapsFen[k]!),
        plan_gap: fenToYuanString(o.planGapsFen[k]!),
        rank_before: o.rankBefore[k]!,
        rank_after: o.rankAfter[k]!,
      });
    }
  });
  return rows;
}

export function comparisonChart(c: Comparison, title: string): string {
  const data: BarDatum[] = [];
  for (const o of c.outcomes) {
    data.push({ scheme: o.name, measure: 'Gini', value: o.measures.gini });
    data.push({ scheme: o.name, measure: 'Theil', value: o.measures.theil.total });
    data.push({ scheme: o.name, measure: 'CV', value: o.measures.cv });
    data.push({ scheme: o.name, measure: 'counties in gap', value: o.countiesInGap });
    data.push({ scheme: o.name, measure: 'gap (亿元)', value: o.shortfallFen / 1e10 });
    data.push({ scheme: o.name, measure: 'mean |Δ| per resident', value: o.meanAbsChangePerCapita });
  }
  return schemeBars(data, title);
}

function pad(s: string, n: number, right = true): string {
  const width = [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const fill = ' '.repeat(Math.max(0, n - width));
  return right ? fill + s : s + fill;
}

export function formatComparison(c: Comparison, label: string): string {
  const lines: string[] = [];
  lines.push(`${label} — ${c.year}: ${c.focus.length} counties; central equalization pool ${(c.centralPoolFen / 1e10).toFixed(2)} 亿元, county-stage pools of their provinces ${(c.countyPoolFen / 1e10).toFixed(2)} 亿元 (the same for every scheme)`);
  lines.push('Per-capita resources after all transfers, population-weighted; gap = needs − resources; money in 亿元');
  const head = ['Gini', 'Theil', 'between', 'within', 'CV', 'max/min', 'D10/D1', 'equaliz.', 'guarant.', 'in gap', 'residents', 'gap', 'central', 'province', 'county', 'unfunded', '|Δ|/res'];
  const widths = [7, 7, 8, 7, 7, 8, 7, 9, 9, 7, 13, 9, 9, 9, 8, 9, 8];
  lines.push(`${pad('scheme', 22, false)}${head.map((h, i) => pad(h, widths[i]!)).join('')}`);
  const yi = (fen: number): string => (fen / 1e10).toFixed(1);
  const row = (o: SchemeOutcome): string => {
    const m = o.measures;
    const cells = [
      f(m.gini, 4), f(m.theil.total, 4), f(m.theil.between, 4), f(m.theil.within, 4), f(m.cv, 3), f(m.maxMin, 1), f(m.decileRatio, 2),
      yi(total(o.equalizationFen)), yi(total(o.guaranteeFen)), String(o.countiesInGap), Math.round(o.residentsInGap).toLocaleString('en-US'), yi(o.shortfallFen),
      yi(o.payments.centralFen), yi(o.payments.provincialFen), yi(o.payments.countyFen), yi(o.payments.unfundedFen), f(o.meanAbsChangePerCapita, 0),
    ];
    return `${pad(o.name, 22, false)}${cells.map((x, i) => pad(x, widths[i]!)).join('')}`;
  };
  for (const o of c.outcomes) lines.push(row(o));
  return lines.join('\n');
}

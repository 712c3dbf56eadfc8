/**
 * Tables, metadata and chart of a Monte Carlo run. Everything here depends only on the inputs
 * and the seed (no timing, no worker count), so that the files are byte-identical however the
 * run was split.
 */
import type { County } from '../../model/county.ts';
import { fenToYuanString } from '../../model/money.ts';
import type { Row } from '../../tables/countyTable.ts';
import type { UncertaintySection } from '../../scenarios/uncertaintySchema.ts';
import { describeSource } from '../../input/sourceSchema.ts';
import { fanPanels, type BandDatum } from '../charts.ts';
import type { Lang } from '../../i18n/lang.ts';
import { YEAR_MEASURES, IX, type YearMeasure } from '../evaluate.ts';
import type { LinearModel } from '../linearModel.ts';
import type { MonteCarloResult } from './runMonteCarlo.ts';

/** The year measures a Monte Carlo reports (the draws leave out the extra Ginis). */
export const MC_MEASURES: readonly YearMeasure[] = YEAR_MEASURES.filter((m) => m !== 'gini_before_transfers' && m !== 'gini_after_general' && m !== 'gini_after_general_mof');

export function quantileLabel(q: number): string {
  return `q${String(Math.round(q * 1000) / 10).replace('.', '_').padStart(2, '0')}`;
}

function num(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '';
}

export function countyColumns(quantiles: readonly number[]): string[] {
  return ['code', 'name', 'province', 'year', 'gap_scenario_exact', 'gap_mean', ...quantiles.map((q) => `gap_${quantileLabel(q)}`), 'p_gap'];
}

export function countyRows(result: MonteCarloResult, model: LinearModel, counties: readonly County[]): Row[] {
  const { plan } = result;
  const Q = plan.quantiles.length;
  const F = plan.focus.length;
  const rows: Row[] = [];
  for (let f = 0; f < F; f++) {
    const c = plan.focus[f]!;
    const county = counties[model.countyIndex[c]!]!;
    model.years.forEach((year, y) => {
      const o = (y * F + f) * (Q + 2);
      const s = result.countyStats;
      const row: Row = {
        code: county.code,
        name: county.name,
        province: county.province,
        year,
        gap_scenario_exact: fenToYuanString(model.exactGapFen[y * model.n + c]!),
        gap_mean: num(s[o + Q]!, 0),
        p_gap: num(s[o + Q + 1]!, 4),
      };
      plan.quantiles.forEach((q, k) => (row[`gap_${quantileLabel(q)}`] = num(s[o + k]!, 0)));
      rows.push(row);
    });
  }
  return rows;
}

export function measureColumns(quantiles: readonly number[]): string[] {
  return ['year', 'measure', 'scenario_value', 'mean', ...quantiles.map(quantileLabel), 'p_positive'];
}

/** `scenario` holds the analytic evaluation at the scenario's own values (per year, YEAR_MEASURES order). */
export function measureRows(result: MonteCarloResult, model: LinearModel, scenario: readonly Float64Array[]): Row[] {
  const { plan } = result;
  const Q = plan.quantiles.length;
  const rows: Row[] = [];
  model.years.forEach((year, y) => {
    for (const m of MC_MEASURES) {
      const k = IX[m];
      const o = (y * plan.measures + k) * (Q + 2);
      const s = result.measureStats;
      const digits = m === 'counties_in_gap' ? 1 : /pays|gap|shortfall|unfunded|residents/.test(m) ? 0 : 6;
      const row: Row = { year, measure: m, scenario_value: num(scenario[y]![k]!, digits), mean: num(s[o + Q]!, digits), p_positive: num(s[o + Q + 1]!, 4) };
      plan.quantiles.forEach((q, j) => (row[quantileLabel(q)] = num(s[o + j]!, digits)));
      rows.push(row);
    }
  });
  return rows;
}

export function variablesMetadata(spec: UncertaintySection): unknown[] {
  return spec.variables.map((v) => ({
    parameter: v.parameter,
    ...(v.domain ? { domain: v.domain } : {}),
    scope: v.scope,
    distribution: v.distribution,
    ...(v.description ? { description: v.description } : {}),
    ...(v.source ? { source: describeSource(v.source) } : {}),
  }));
}

/** Fan chart data for Gini, Theil, counties in gap and shortfall (outer band = first and last quantile). */
export function fanData(result: MonteCarloResult, model: LinearModel, t: (typeof CHART_TEXT)[Lang]): BandDatum[] | undefined {
  const { plan } = result;
  const qs = plan.quantiles;
  const Q = qs.length;
  const at = (q: number): number => qs.indexOf(q);
  if (Q < 2) return undefined;
  const q25 = at(0.25) >= 0 ? at(0.25) : 0;
  const q75 = at(0.75) >= 0 ? at(0.75) : Q - 1;
  const med = at(0.5) >= 0 ? at(0.5) : Math.floor(Q / 2);
  const panels: Array<[YearMeasure, string]> = [['gini', t.gini], ['theil', t.theil], ['counties_in_gap', t.countiesInGap], ['shortfall', t.shortfall]];
  const out: BandDatum[] = [];
  for (const [m, label] of panels) {
    model.years.forEach((year, y) => {
      const o = (y * plan.measures + IX[m]) * (Q + 2);
      const s = result.measureStats;
      const k = m === 'shortfall' ? 1e-8 : 1;
      out.push({ year, low: s[o]! * k, q25: s[o + q25]! * k, median: s[o + med]! * k, q75: s[o + q75]! * k, high: s[o + Q - 1]! * k, panel: label });
    });
  }
  return out;
}

/** The chart's words in each language. */
const CHART_TEXT = {
  zh: { gini: '基尼系数', theil: '泰尔指数', countiesInGap: '有缺口县数', shortfall: '缺口合计（亿元）', year: '年', y: (panel: string, outer: string) => `${panel}（${outer} 区间、四分位、中位数）` },
  en: { gini: 'Gini', theil: 'Theil', countiesInGap: 'counties in a gap', shortfall: 'shortfall (亿元)', year: 'year', y: (panel: string, outer: string) => `${panel} (${outer} band, quartiles, median)` },
} as const;

export function monteCarloChart(result: MonteCarloResult, model: LinearModel, title: string, lang: Lang = 'en'): string | undefined {
  const t = CHART_TEXT[lang];
  const data = fanData(result, model, t);
  if (!data) return undefined;
  const qs = result.plan.quantiles;
  return fanPanels(data, title, `${quantileLabel(qs[0]!)}–${quantileLabel(qs[qs.length - 1]!)}`, t);
}

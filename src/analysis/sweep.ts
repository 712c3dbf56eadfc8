/**
 * Parameter sweeps: vary one or two parameters over a grid and evaluate the measures at every
 * grid point with the analytic path (floating point; the scenario's own point reproduces the
 * exact engine to rounding).
 *
 * A grid axis is written `name=from:to:steps` (steps values, ends included) or
 * `name=v1,v2,…`. Names:
 *   equalization_pool, guarantee_award_pool (yuan, accept 亿/万); central_share,
 *   equalization_pass_down, provincial_top_up_rate, standard_revenue_rate, guarantee_close_rate,
 *   prefecture_retention_rate (shares 0–1); revenue_growth, population_growth (rates a year,
 *   every projected year); own_revenue, unit_cost[.domain], coverage[.domain] (multipliers);
 *   scheme.<setting> (a setting of the scheme in force, e.g. scheme.difficulty_weight).
 */
import { say } from '../i18n/messageLang.ts';
import { formatLimit, MAX_AMOUNT_YUAN, MAX_MULTIPLIER } from '../input/fileLimits.ts';
import { SCHEMES, type SchemeConfig } from '../model/transfers/schemes/registry.ts';
import { SETTING_SPECS } from '../scenarios/schemeSchema.ts';
import { parseYuan } from './amounts.ts';
import { EvaluationScratch, evaluatePoint, M } from './evaluate.ts';
import type { LinearModel } from './linearModel.ts';
import { SWEEP_PARAMETERS, type Kind } from './sweepParameters.ts';

export { SWEEP_PARAMETERS };

export class SweepError extends Error {}

export interface Axis {
  /** as written: equalization_pool, unit_cost.health, scheme.difficulty_weight */
  readonly name: string;
  readonly values: readonly number[];
}

function parseValue(name: string, kind: Kind, text: string): number {
  const v = kind === 'money' ? parseYuan(text) : Number(text.trim());
  if (v === undefined || !Number.isFinite(v) || text.trim() === '') throw new SweepError(say({ zh: `${name}：“${text}”不是数字`, en: `${name}: "${text}" is not a number` }));
  return v;
}

function kindOf(name: string): Kind {
  if (name.startsWith('scheme.')) return 'setting';
  const base = name.split('.')[0]!;
  const spec = SWEEP_PARAMETERS[base];
  if (!spec) throw new SweepError(say({ zh: `未知参数“${name}”（可用参数：${Object.keys(SWEEP_PARAMETERS).join('、')}、scheme.<设置>）`, en: `unknown parameter ${name} (parameters: ${Object.keys(SWEEP_PARAMETERS).join(', ')}, scheme.<setting>)` }));
  if (name.includes('.') && base !== 'unit_cost' && base !== 'coverage') throw new SweepError(say({ zh: `${name}：只有 unit_cost 和 coverage 可以带领域`, en: `${name}: only unit_cost and coverage take a domain` }));
  return spec.kind;
}

/** Parse `name=from:to:steps` or `name=v1,v2,…`. */
export function parseAxis(text: string): Axis {
  const eq = text.indexOf('=');
  if (eq < 0) throw new SweepError(say({ zh: `“${text}”：请写成 名称=起:止:步数 或 名称=v1,v2,…`, en: `"${text}": write name=from:to:steps or name=v1,v2,…` }));
  const name = text.slice(0, eq).trim();
  const spec = text.slice(eq + 1).trim();
  const kind = kindOf(name);
  let values: number[];
  const range = spec.split(':');
  if (range.length === 3) {
    const from = parseValue(name, kind, range[0]!);
    const to = parseValue(name, kind, range[1]!);
    const steps = Number(range[2]);
    if (!Number.isInteger(steps) || steps < 1 || steps > 1000) throw new SweepError(say({ zh: `${name}：步数须为 1 至 1000 的整数`, en: `${name}: steps must be a whole number from 1 to 1000` }));
    values = steps === 1 ? [from] : Array.from({ length: steps }, (_, i) => from + ((to - from) * i) / (steps - 1));
  } else if (range.length === 1) {
    values = spec.split(',').map((v) => parseValue(name, kind, v));
  } else throw new SweepError(say({ zh: `${name}：请写成 起:止:步数 或列表 v1,v2,…`, en: `${name}: write from:to:steps or a list v1,v2,…` }));
  if (values.length === 0) throw new SweepError(say({ zh: `${name}：没有取值`, en: `${name}: no values` }));
  for (const v of values) {
    if (kind === 'share' && !(v >= 0 && v <= 1)) throw new SweepError(say({ zh: `${name}：${v} 不是 0 至 1 之间的比例`, en: `${name}: ${v} is not a share from 0 to 1` }));
    if ((kind === 'money' || kind === 'multiplier') && !(v >= 0)) throw new SweepError(say({ zh: `${name}：${v} 是负数`, en: `${name}: ${v} is negative` }));
    if (kind === 'rate' && !(v > -1)) throw new SweepError(say({ zh: `${name}：增长率 ${v} 低于 −100%`, en: `${name}: a rate of ${v} is below −100%` }));
    if (kind === 'rate' && v > 1) throw new SweepError(say({ zh: `${name}：增长率 ${v} 超过每年 100% 的上限`, en: `${name}: a rate of ${v} is above 100% a year, the largest accepted` }));
    if (kind === 'money' && v > MAX_AMOUNT_YUAN) throw new SweepError(say({ zh: `${name}：${v} 过大，金额上限为 ${formatLimit(MAX_AMOUNT_YUAN)} 元`, en: `${name}: ${v} is too large: the largest amount accepted is ${formatLimit(MAX_AMOUNT_YUAN)} yuan` }));
    if (kind === 'multiplier' && v > MAX_MULTIPLIER) throw new SweepError(say({ zh: `${name}：${v} 过大，倍数上限为 ${MAX_MULTIPLIER}`, en: `${name}: ${v} is too large: the largest multiplier accepted is ${MAX_MULTIPLIER}` }));
  }
  return { name, values };
}

/** Domains the axes name (each needs its own parameter group in the model). */
export function axisDomains(axes: readonly Axis[]): string[] {
  return [...new Set(axes.flatMap((a) => (a.name.includes('.') && !a.name.startsWith('scheme.') ? [a.name.split('.')[1]!] : [])))].sort();
}

/** Check the scheme.* axes against the scheme in force. */
export function checkSchemeAxes(axes: readonly Axis[], scheme: SchemeConfig | null): void {
  for (const a of axes) {
    if (!a.name.startsWith('scheme.')) continue;
    const setting = a.name.slice('scheme.'.length);
    if (!scheme) throw new SweepError(say({ zh: `${a.name}：没有生效的方案（请给出 --scheme 或含方案的情景）`, en: `${a.name}: no scheme is in force (give --scheme or a scenario with a scheme)` }));
    if (!SCHEMES[scheme.id].settings.includes(setting)) throw new SweepError(say({ zh: `${a.name}：方案 ${scheme.id} 没有设置 ${setting}（其设置为：${SCHEMES[scheme.id].settings.join('、') || '无'}）`, en: `${a.name}: ${scheme.id} has no setting ${setting} (it has ${SCHEMES[scheme.id].settings.join(', ') || 'none'})` }));
    const spec = SETTING_SPECS[setting]!;
    for (const v of a.values) if (!(v >= spec.min && v <= spec.max)) throw new SweepError(say({ zh: `${a.name}：${v} 超出 ${spec.min}–${spec.max} 的范围`, en: `${a.name}: ${v} is outside ${spec.min}–${spec.max}` }));
  }
}

function applyAxis(point: Record<string, unknown>, model: LinearModel, axis: Axis, v: number, multipliers: Map<string, Float64Array>): void {
  const [base, domain] = axis.name.split('.') as [string, string | undefined];
  switch (base) {
    case 'equalization_pool':
      point['equalizationPoolFen'] = Math.round(v * 100);
      return;
    case 'guarantee_award_pool':
      point['awardPoolFen'] = Math.round(v * 100);
      return;
    case 'central_share':
      point['centralShare'] = v;
      return;
    case 'equalization_pass_down':
      point['passDown'] = v;
      return;
    case 'provincial_top_up_rate':
      point['topUpRate'] = v;
      return;
    case 'standard_revenue_rate':
      point['standardRevenueRate'] = v;
      return;
    case 'guarantee_close_rate':
      point['closeRate'] = v;
      return;
    case 'prefecture_retention_rate':
      point['retentionRate'] = v;
      return;
    case 'revenue_growth':
      point['revenueGrowth'] = v;
      return;
    case 'population_growth':
      point['populationGrowth'] = v;
      return;
    case 'own_revenue':
      point['revenueLevel'] = v;
      return;
    case 'unit_cost':
    case 'coverage': {
      const key = base === 'unit_cost' ? 'unitCost' : 'coverage';
      const G = model.groups.length;
      let a = multipliers.get(key);
      if (!a) multipliers.set(key, (a = new Float64Array(model.n * G).fill(1)));
      const g = domain === undefined ? -1 : model.groups.indexOf(domain);
      for (let c = 0; c < model.n; c++) for (let k = 0; k < G; k++) if (g < 0 || k === g) a[c * G + k]! *= v;
      point[key] = a;
      return;
    }
    case 'scheme': {
      const scheme = (point['scheme'] ?? model.scheme) as SchemeConfig;
      point['scheme'] = { id: scheme.id, settings: { ...scheme.settings, [domain!]: v } };
      return;
    }
  }
}

export interface SweepPoint {
  /** the axis values of the point */
  readonly values: readonly number[];
  /** per year, the YEAR_MEASURES */
  readonly measures: readonly Float64Array[];
}

/** Evaluate every grid point (the first axis varies slowest). */
export function runSweep(model: LinearModel, axes: readonly Axis[], onPoint?: (done: number, total: number) => void): SweepPoint[] {
  const grid: number[][] = [[]];
  for (const axis of axes) {
    const next: number[][] = [];
    for (const g of grid) for (const v of axis.values) next.push([...g, v]);
    grid.splice(0, grid.length, ...next);
  }
  const scratch = new EvaluationScratch(model);
  return grid.map((values, k) => {
    const point: Record<string, unknown> = {};
    const multipliers = new Map<string, Float64Array>();
    axes.forEach((axis, i) => applyAxis(point, model, axis, values[i]!, multipliers));
    evaluatePoint(model, point, scratch);
    onPoint?.(k + 1, grid.length);
    return { values, measures: scratch.measures.map((m) => Float64Array.from(m.subarray(0, M))) };
  });
}

/**
 * Every parameter a scenario can change, by path, with its unit, kind of value, current
 * dated values and source. Scenario validation checks paths and values against this
 * registry before anything is applied, and `fiscal-sim params` lists it.
 *
 * Paths:
 *   standards.<item>.standard | .coverage | .eligibility.<factor> | .eligibility.<factor>.otherwise
 *   rules.<rule>.central_share | .central_amount
 *   local_split.default.<through_prefecture|directly_managed>
 *   local_split.provinces.<code>.<through_prefecture|directly_managed>
 *   transfers.<setting>            growth.<setting>
 */
import type { Dated } from '../input/datedValues.ts';
import type { PolicyData } from '../input/policyData.ts';
import type { Source } from '../input/sourceSchema.ts';

export type ValueKind = 'yuan_standard' | 'share' | 'grouped_share' | 'grouped_yuan' | 'split' | 'yuan' | 'rate' | 'number';

/** What a path points at in the policy data. */
export type ParameterTarget =
  | { readonly area: 'item'; readonly itemId: string; readonly field: 'standard' | 'coverage' }
  | { readonly area: 'eligibility'; readonly itemId: string; readonly factorId: string; readonly otherwise: boolean }
  | { readonly area: 'rule'; readonly ruleId: string; readonly field: 'central_share' | 'central_amount' }
  | { readonly area: 'local_split'; readonly province: string; readonly variant: 'through_prefecture' | 'directly_managed' }
  | { readonly area: 'transfers' | 'growth'; readonly name: string };

export interface ParameterInfo {
  readonly path: string;
  readonly target: ParameterTarget;
  readonly kind: ValueKind;
  readonly unit: string;
  readonly description: string;
  /** the description in Chinese (`params --lang zh`, the template's 参数 sheet) */
  readonly description_zh: string;
  readonly values: Dated<unknown>;
  readonly source: Source;
  /** whether a formula over county columns may be given instead of a number */
  readonly formulaAllowed: boolean;
}

/** School days a year as text: one number, or the dated values (e.g. "2011: 100, 2012: 200"). */
function daysText(days: number | Dated<number> | undefined): string {
  if (days === undefined || typeof days === 'number') return String(days);
  return days.map((d) => `${d.from}: ${d.value}`).join(', ');
}

/** Which counties a conditional eligibility factor applies in, in Chinese, by county flag. */
const WHEN_ZH: Readonly<Record<string, string>> = { nutrition_pilot: '营养改善计划试点县', difficult: '困难地区的县', directly_managed: '省直管县' };

/** The growth settings of data/projection/growth.yaml in Chinese (the file has no Chinese description). */
const GROWTH_ZH: Readonly<Record<string, string>> = {
  population_growth: '普查年份之后各项人口基数的年增长率',
  revenue_growth: '县级数据最后一年之后本级收入的年增长率',
};

/** All parameters of the policy data, in a stable order. */
export function listParameters(policy: PolicyData): ParameterInfo[] {
  const out: ParameterInfo[] = [];
  for (const item of policy.items) {
    const base = `standards.${item.id}`;
    if (item.standard) {
      out.push({ path: `${base}.standard`, target: { area: 'item', itemId: item.id, field: 'standard' }, kind: 'yuan_standard', unit: item.standard.unit, description: `${item.name_en} (${item.name_zh}): unit standard${item.standard.period === 'day' ? ` × ${daysText(item.standard.days_per_year)} days a year` : ''}`, description_zh: `${item.name_zh}：单位标准${item.standard.period === 'day' ? ` × 每年天数 ${daysText(item.standard.days_per_year)}` : ''}`, values: item.standard.values, source: item.standard.source, formulaAllowed: true });
    }
    out.push({ path: `${base}.coverage`, target: { area: 'item', itemId: item.id, field: 'coverage' }, kind: 'share', unit: 'share', description: `${item.name_en}: coverage of ${item.driver}`, description_zh: `${item.name_zh}：覆盖率（受益对象：${item.target_zh}）`, values: item.coverage.values, source: item.coverage.source, formulaAllowed: true });
    for (const e of item.eligibility) {
      out.push({ path: `${base}.eligibility.${e.id}`, target: { area: 'eligibility', itemId: item.id, factorId: e.id, otherwise: false }, kind: 'share', unit: 'share', description: `${item.name_en}: ${e.description}${e.when ? ` (counties with ${e.when})` : ''}`, description_zh: `${item.name_zh}：${e.description_zh}${e.when ? `（${WHEN_ZH[e.when] ?? e.when}）` : ''}`, values: e.values, source: e.source, formulaAllowed: true });
      if (e.when && e.otherwise) {
        out.push({ path: `${base}.eligibility.${e.id}.otherwise`, target: { area: 'eligibility', itemId: item.id, factorId: e.id, otherwise: true }, kind: 'share', unit: 'share', description: `${item.name_en}: ${e.description} (counties without ${e.when})`, description_zh: `${item.name_zh}：${e.description_zh}（${WHEN_ZH[e.when] ?? e.when}以外的县）`, values: e.otherwise, source: e.source, formulaAllowed: true });
      }
    }
  }
  for (const rule of policy.rules.values()) {
    if (rule.central_share) out.push({ path: `rules.${rule.id}.central_share`, target: { area: 'rule', ruleId: rule.id, field: 'central_share' }, kind: 'grouped_share', unit: 'share', description: `${rule.description}: central share (${rule.kind})`, description_zh: `${rule.description_zh.replace(/。$/, "")}：中央分担比例（${rule.wording_zh}）`, values: rule.central_share.values, source: rule.central_share.source, formulaAllowed: false });
    if (rule.central_amount) out.push({ path: `rules.${rule.id}.central_amount`, target: { area: 'rule', ruleId: rule.id, field: 'central_amount' }, kind: 'grouped_yuan', unit: 'yuan/beneficiary/year', description: `${rule.description}: central amount per beneficiary`, description_zh: `${rule.description_zh.replace(/。$/, "")}：中央按每个受益人定额补助`, values: rule.central_amount.values, source: rule.central_amount.source, formulaAllowed: false });
  }
  const split = policy.sharing.local_split;
  const splitEntries: Array<[string, string, typeof split.default]> = [['default', 'default', split.default], ...Object.entries(split.provinces).map(([code, e]): [string, string, typeof split.default] => [`provinces.${code}`, code, e])];
  for (const [key, province, entry] of splitEntries) {
    for (const variant of ['through_prefecture', 'directly_managed'] as const) {
      out.push({ path: `local_split.${key}.${variant}`, target: { area: 'local_split', province, variant }, kind: 'split', unit: 'shares of the local part', description: `split of the local share between province, prefecture and county (${variant.replace('_', ' ')})`, description_zh: `地方负担部分在省、地市、县之间的分担（${variant === 'through_prefecture' ? '经地市' : '省直管县'}）`, values: entry[variant].values, source: entry[variant].source, formulaAllowed: false });
    }
  }
  for (const [name, p] of Object.entries(policy.transfers)) {
    const kind: ValueKind = p.unit === 'yuan' ? 'yuan' : p.unit === 'share' ? 'share' : p.unit === 'rate/year' ? 'rate' : 'number';
    out.push({ path: `transfers.${name}`, target: { area: 'transfers', name }, kind, unit: p.unit, description: p.description, description_zh: p.description_zh ?? p.description, values: p.values, source: p.source, formulaAllowed: false });
  }
  for (const [name, p] of Object.entries(policy.growth)) {
    out.push({ path: `growth.${name}`, target: { area: 'growth', name }, kind: 'rate', unit: p.unit, description: p.description, description_zh: GROWTH_ZH[name] ?? p.description, values: p.values, source: p.source, formulaAllowed: false });
  }
  return out;
}

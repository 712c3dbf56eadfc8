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

/** All parameters of the policy data, in a stable order. */
export function listParameters(policy: PolicyData): ParameterInfo[] {
  const out: ParameterInfo[] = [];
  for (const item of policy.items) {
    const base = `standards.${item.id}`;
    if (item.standard) {
      out.push({ path: `${base}.standard`, target: { area: 'item', itemId: item.id, field: 'standard' }, kind: 'yuan_standard', unit: item.standard.unit, description: `${item.name_en} (${item.name_zh}): unit standard${item.standard.period === 'day' ? ` × ${daysText(item.standard.days_per_year)} days a year` : ''}`, values: item.standard.values, source: item.standard.source, formulaAllowed: true });
    }
    out.push({ path: `${base}.coverage`, target: { area: 'item', itemId: item.id, field: 'coverage' }, kind: 'share', unit: 'share', description: `${item.name_en}: coverage of ${item.driver}`, values: item.coverage.values, source: item.coverage.source, formulaAllowed: true });
    for (const e of item.eligibility) {
      out.push({ path: `${base}.eligibility.${e.id}`, target: { area: 'eligibility', itemId: item.id, factorId: e.id, otherwise: false }, kind: 'share', unit: 'share', description: `${item.name_en}: ${e.description}${e.when ? ` (counties with ${e.when})` : ''}`, values: e.values, source: e.source, formulaAllowed: true });
      if (e.when && e.otherwise) {
        out.push({ path: `${base}.eligibility.${e.id}.otherwise`, target: { area: 'eligibility', itemId: item.id, factorId: e.id, otherwise: true }, kind: 'share', unit: 'share', description: `${item.name_en}: ${e.description} (counties without ${e.when})`, values: e.otherwise, source: e.source, formulaAllowed: true });
      }
    }
  }
  for (const rule of policy.rules.values()) {
    if (rule.central_share) out.push({ path: `rules.${rule.id}.central_share`, target: { area: 'rule', ruleId: rule.id, field: 'central_share' }, kind: 'grouped_share', unit: 'share', description: `${rule.description}: central share (${rule.kind})`, values: rule.central_share.values, source: rule.central_share.source, formulaAllowed: false });
    if (rule.central_amount) out.push({ path: `rules.${rule.id}.central_amount`, target: { area: 'rule', ruleId: rule.id, field: 'central_amount' }, kind: 'grouped_yuan', unit: 'yuan/beneficiary/year', description: `${rule.description}: central amount per beneficiary`, values: rule.central_amount.values, source: rule.central_amount.source, formulaAllowed: false });
  }
  const split = policy.sharing.local_split;
  const splitEntries: Array<[string, string, typeof split.default]> = [['default', 'default', split.default], ...Object.entries(split.provinces).map(([code, e]): [string, string, typeof split.default] => [`provinces.${code}`, code, e])];
  for (const [key, province, entry] of splitEntries) {
    for (const variant of ['through_prefecture', 'directly_managed'] as const) {
      out.push({ path: `local_split.${key}.${variant}`, target: { area: 'local_split', province, variant }, kind: 'split', unit: 'shares of the local part', description: `split of the local share between province, prefecture and county (${variant.replace('_', ' ')})`, values: entry[variant].values, source: entry[variant].source, formulaAllowed: false });
    }
  }
  for (const [name, p] of Object.entries(policy.transfers)) {
    const kind: ValueKind = p.unit === 'yuan' ? 'yuan' : p.unit === 'share' ? 'share' : p.unit === 'rate/year' ? 'rate' : 'number';
    out.push({ path: `transfers.${name}`, target: { area: 'transfers', name }, kind, unit: p.unit, description: p.description, values: p.values, source: p.source, formulaAllowed: false });
  }
  for (const [name, p] of Object.entries(policy.growth)) {
    out.push({ path: `growth.${name}`, target: { area: 'growth', name }, kind: 'rate', unit: p.unit, description: p.description, values: p.values, source: p.source, formulaAllowed: false });
  }
  return out;
}

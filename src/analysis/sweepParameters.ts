/**
 * The parameters a sweep can vary, with their kind and description. Kept apart from sweep.ts,
 * which loads the evaluation, so that the command's help can list them at once.
 */
export type Kind = 'money' | 'share' | 'rate' | 'multiplier' | 'setting';

export interface ParameterSpec {
  readonly kind: Kind;
  readonly description: string;
}

export const SWEEP_PARAMETERS: Readonly<Record<string, ParameterSpec>> = {
  equalization_pool: { kind: 'money', description: 'central equalization pool, yuan (every year)' },
  guarantee_award_pool: { kind: 'money', description: 'central award pool of the basic financial guarantee, yuan (every year)' },
  central_share: { kind: 'share', description: 'central share of every item shared by a central share (ratio, subsidy, pilot outside pilots, …)' },
  equalization_pass_down: { kind: 'share', description: "share of a province's central equalization allocation it passes down to counties" },
  provincial_top_up_rate: { kind: 'share', description: "provincial top-up of the county equalization pool, as a share of the province's and prefectures' own revenue (within their capacity)" },
  standard_revenue_rate: { kind: 'share', description: 'standard revenue = tax base × this rate' },
  guarantee_close_rate: { kind: 'share', description: 'share of each guarantee gap provinces set out to close' },
  prefecture_retention_rate: { kind: 'share', description: 'share of upper-level earmarked money prefectures keep from counties they manage' },
  revenue_growth: { kind: 'rate', description: 'growth of own revenue and the tax base in every projected year' },
  population_growth: { kind: 'rate', description: 'population growth in every year after the census' },
  own_revenue: { kind: 'multiplier', description: 'multiplier of own revenue and the tax base' },
  unit_cost: { kind: 'multiplier', description: 'multiplier of the unit standards (unit_cost.<domain> for one domain)' },
  coverage: { kind: 'multiplier', description: 'multiplier of coverage (coverage.<domain> for one domain)' },
};

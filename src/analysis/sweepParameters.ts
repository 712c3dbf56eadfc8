/**
 * The parameters a sweep can vary, with their kind and description. Kept apart from sweep.ts,
 * which loads the evaluation, so that the command's help can list them at once.
 */
export type Kind = 'money' | 'share' | 'rate' | 'multiplier' | 'setting';

export interface ParameterSpec {
  readonly kind: Kind;
  readonly description: string;
  /** the description in Chinese (sweep.json gives both) */
  readonly description_zh: string;
}

export const SWEEP_PARAMETERS: Readonly<Record<string, ParameterSpec>> = {
  equalization_pool: { kind: 'money', description: 'central equalization pool, yuan (every year)', description_zh: '中央均衡性转移支付资金池，元（每年）' },
  guarantee_award_pool: { kind: 'money', description: 'central award pool of the basic financial guarantee, yuan (every year)', description_zh: '县级基本财力保障机制的中央奖补资金池，元（每年）' },
  central_share: { kind: 'share', description: 'central share of every item shared by a central share (ratio, subsidy, pilot outside pilots, …)', description_zh: '按中央分担比例分担的各项目的中央分担比例（比例、补助、试点以外的试点项目等）' },
  equalization_pass_down: { kind: 'share', description: "share of a province's central equalization allocation it passes down to counties", description_zh: '省份将所得中央均衡性转移支付下拨给县的比例' },
  provincial_top_up_rate: { kind: 'share', description: "provincial top-up of the county equalization pool, as a share of the province's and prefectures' own revenue (within their capacity)", description_zh: '省级对县级均衡性资金的配套，占省和地市本级收入的比例（在其财力范围内）' },
  standard_revenue_rate: { kind: 'share', description: 'standard revenue = tax base × this rate', description_zh: '标准财政收入 = 税基 × 该比率' },
  guarantee_close_rate: { kind: 'share', description: 'share of each guarantee gap provinces set out to close', description_zh: '各省计划弥补的保障缺口比例' },
  prefecture_retention_rate: { kind: 'share', description: 'share of upper-level earmarked money prefectures keep from counties they manage', description_zh: '地市从所辖县截留的上级专项资金比例' },
  revenue_growth: { kind: 'rate', description: 'growth of own revenue and the tax base in every projected year', description_zh: '每个推算年度本级收入和税基的增长率' },
  population_growth: { kind: 'rate', description: 'population growth in every year after the census', description_zh: '普查之后每年的人口增长率' },
  own_revenue: { kind: 'multiplier', description: 'multiplier of own revenue and the tax base', description_zh: '本级收入和税基的乘数' },
  unit_cost: { kind: 'multiplier', description: 'multiplier of the unit standards (unit_cost.<domain> for one domain)', description_zh: '单位标准的乘数（unit_cost.<领域> 只作用于一个领域）' },
  coverage: { kind: 'multiplier', description: 'multiplier of coverage (coverage.<domain> for one domain)', description_zh: '覆盖率的乘数（coverage.<领域> 只作用于一个领域）' },
};

/**
 * The method notes of the JSON metadata files (summary.json, compare's metadata.json,
 * schemes.json, sweep.json, montecarlo.json, report's tidy metadata), each in Chinese and English.
 *
 * The JSON keys stay English ids (as CSV headers do); a note's value is the object
 * `{ "zh": "…", "en": "…" }` (docs/outputs.md), whatever `--lang` is, so one file serves readers of
 * either language and its bytes do not depend on the locale.
 */
import type { Bilingual } from './text.ts';

/** A note as written in a JSON file: `{ zh, en }`. */
export type JsonNote = Bilingual<string>;

/** A note built from figures, in both languages. */
function note<A extends unknown[]>(zh: (...a: A) => string, en: (...a: A) => string): (...a: A) => JsonNote {
  return (...a: A) => ({ zh: zh(...a), en: en(...a) });
}

const MEASURES_EN = 'population-weighted, of per-capita resources after all transfers (own revenue + rebates + system subsidy − remittance + general + earmarked)';
const MEASURES_ZH = '人口加权，按各项转移支付后的人均可用财力（本级收入 + 税收返还 + 体制补助 − 上解 + 一般性转移支付 + 专项转移支付）计算';

export const METHOD_NOTES = {
  /** summary.json */
  runRounding: {
    zh: '每个县 × 项目的成本四舍五入到分一次（半数远离零）；各级分担和资金分配按最大余数法分配',
    en: 'each county × item cost rounded once to the fen, half away from zero; splits and allocations by largest remainder',
  },
  displayColumns: note(
    (suffix: string, unitZh: string, _unitEn: string) => `每个金额列之后另有一列（后缀 ${suffix}），单位为${unitZh}，保留两位小数（四舍五入，半数远离零）；以元为单位的列保持精确到分`,
    (suffix: string, unitZh: string, unitEn: string) => `each money column again with the suffix ${suffix}, in units of ${unitEn} (${unitZh}) to two decimals, rounded half away from zero; the yuan columns stay exact to the fen`,
  ),

  /** compare's metadata.json */
  compareUnits: {
    money: { zh: '元，精确到分；*_change = 情景 − 基准（正数为增加）', en: 'yuan (元), to the fen; *_change = scenario − base (positive: an increase)' },
    population: { zh: '人', en: 'persons (人)' },
    gap_change_per_capita: { zh: '元/人（按常住人口）', en: 'yuan per resident (元/人)' },
    measures: { zh: '无量纲指数；mean_per_capita 为元/人', en: 'dimensionless indexes; mean_per_capita in yuan per resident' },
  },

  /** schemes.json */
  schemesStage: {
    zh: '每种方案在引擎的完整计算中替换均衡性转移支付（财预〔2011〕392号）的省对县环节：中央对省环节、各省的县级资金（下拨 + 省级配套）、各专项资金池转移支付和专项转移支付对所有方案相同；保障机制奖补和缺口随各方案的转移支付而定。status_quo 为情景原样；no_equalization 没有中央资金池和省级配套；simple_gap 为 2011 年公式之前按缺口比例分配的办法',
    en: "each scheme replaces the province → county stage of the equalization transfer (财预〔2011〕392号) in a full run of the engine: the centre → province stage, each province's county pool (pass-down + top-up), the pool transfers and the earmarked transfers are the same for every scheme; the guarantee and the gap follow from each scheme's transfers. status_quo is the scenario as it is; no_equalization has no central pool and no provincial top-up; simple_gap is the gap-proportional rule used before the 2011 formula",
  },
  schemesGrowthControl: note(
    (first: number) => `每种结果自 ${first} 年起逐年计算，使增幅控制读取其自身上一年的转移支付`,
    (first: number) => `every outcome runs in sequence from ${first}, so that growth control reads its own transfers of the year before`,
  ),
  schemesNoGrowthControl: { zh: '不适用（上一年没有均衡性转移支付资金池）', en: 'not applied (no previous year with an equalization pool)' },
  schemesMoney: {
    zh: '转移支付、缺口和资金池为精确值（整数分；各方案的数额按最大余数法分配到分）；不均等指标和负担归属为浮点计算',
    en: "transfers, gaps and pools are exact (integer fen; each scheme's amounts are spent to the fen by largest remainder). Inequality measures and the who-pays attribution are floating point",
  },
  schemesMeasures: {
    zh: `${MEASURES_ZH}；gini_after_general 按经济口径（与项目挂钩的转移支付计为专项），gini_after_general_mof 将财政部列为一般性转移支付的与项目挂钩转移支付中的中央资金计为一般性；gini_before_transfers 按本级收入`,
    en: `${MEASURES_EN}; gini_after_general in the economic convention (item-tied transfers counted as earmarked), gini_after_general_mof with the central money of the item-tied transfers the MoF classes as general; gini_before_transfers of own revenue`,
  },
  schemesWhoPays: {
    zh: '专项资金按层级计（扣除地市截留）；目录中县级自身负担在其财力可承担的部分先由一般性转移支付支付（中央：各专项资金池转移支付、均衡性转移支付中的下拨部分、保障机制奖补中的奖补部分；其余为省级），再由县以自有财力支付；余下部分为无资金来源',
    en: "earmarked money by level, net of what prefectures keep; the catalog's own burden that the county's capacity can fund is paid first from general transfers (central: pool transfers, the pass-down share of equalization, the award share of the guarantee; the rest provincial), then by the county from its own resources; the rest is unfunded",
  },
  scenarioSetting: note(
    (name: string) => `情景 ${name}`,
    (name: string) => `scenario ${name}`,
  ),

  /** sweep.json and montecarlo.json */
  engineDefaultScheme: { zh: '引擎默认：省对县环节采用 2011 年公式', en: 'engine default: the 2011 formula in the province → county stage' },
  schemeSetting: note(
    (id: string) => `${id} 方案的设定`,
    (id: string) => `setting of ${id}`,
  ),
  sweepArithmetic: {
    zh: '浮点计算（解析路径）：目录的线性部分、收入、税基、税收返还和各专项资金池转移支付取自精确引擎；每个网格点以双精度重新计算按标准收支缺口分配的资金池转移支付（其他资金池保持精确计算的分配）、均衡性转移支付（两个环节）、保障机制奖补和预算账户。情景行是在情景自身取值下的同一计算',
    en: "floating point (analytic path): the catalog's linear pieces, revenue, tax base, rebates and the pool transfers from the exact engine; each grid point re-runs in double precision the pool transfers weighted by the standard gap (the others are held at the exact run's allocations), equalization (both stages), the guarantee and the budget account. The scenario row is the same evaluation at the scenario's own values",
  },
  sweepMeasures: {
    zh: `${MEASURES_ZH}，范围为所报告的县；gini_before_transfers 按本级收入；gini_after_general 按经济口径（与项目挂钩的转移支付计为专项），gini_after_general_mof 按财政部口径（其中央资金计为一般性）；缺口 = 支出需求 − 可用财力，plan_shortfall = Σ 正的 min(缺口, 本级负担)；金额单位为元`,
    en: `${MEASURES_EN}, over the reported counties; gini_before_transfers of own revenue; gini_after_general in the economic convention (item-tied transfers counted as earmarked) and gini_after_general_mof in the MoF's (their central money counted as general); gap = needs − resources, plan_shortfall = Σ positive min(gap, own burden); money in yuan`,
  },
  montecarloArithmetic: {
    zh: '浮点计算（解析路径）：目录的线性部分、收入、税基、税收返还和各专项资金池转移支付的分配用精确引擎计算一次；每次抽样以双精度重新计算按标准收支缺口分配的资金池转移支付、均衡性转移支付（2011 年公式的两个环节，或省对县环节所用的方案；增幅控制对照该次抽样自身的上一年）、保障机制奖补、预算账户和各项指标。按基数或平均分配的资金池转移支付保持精确计算的分配。为计算分位数，缺口以 24 位浮点数保存（约 5 位有效数字，相对误差小于 1.6e-5）。gap_scenario_exact 为精确引擎的数值（分）',
    en: "floating point (analytic path): the catalog's linear pieces, revenue, tax base, rebates and the pool transfers' allocations are computed once with the exact engine; each draw re-runs in double precision the pool transfers weighted by the standard gap, the equalization transfer (both stages of the 2011 formula, or the scheme in the province → county stage; growth control against the draw's own previous year), the guarantee, the budget account and the measures. The pool transfers weighted by drivers or equally are held at the exact run's allocations. Gaps are stored as 24-bit floats (about 5 significant digits, relative error under 1.6e-5) for the quantiles. gap_scenario_exact is the exact engine figure (fen).",
  },
  montecarloReproducibility: {
    zh: 'xoroshiro128+（pure-rand），以 seed 为种子；第 d 次抽样使用跳跃 d 次后的生成器（相距 2^64 个值的独立序列），因此结果与工作进程数及抽样的划分方式无关',
    en: 'xoroshiro128+ (pure-rand) seeded with `seed`; draw d uses the generator jumped d times (independent streams 2^64 values apart), so the numbers do not depend on the number of workers or how the draws are split.',
  },
  montecarloSemantics: {
    zh: '增长率在每个推算年度替换情景的增长率（revenue_growth：本级收入和税基；population_growth：各项人口基数，从而影响目录成本、供养人员、工资、运转经费、其他法定支出和标准财政支出）；own_revenue 乘以本级收入和税基；coverage 和 unit_cost 乘以目录成本；范围 national 对所有县抽样一次，province 每省一次，county 每县一次。分位数为第 7 类（线性插值）',
    en: 'growth rates replace the scenario rate in every projected year (revenue_growth: own revenue and the tax base; population_growth: every population driver, hence the catalog cost, staff, salaries, running costs, other mandated spending and standard expenditure); own_revenue multiplies own revenue and the tax base; coverage and unit_cost multiply the catalog cost; scope national draws once for all counties, province once per province, county once per county. Quantiles are type 7 (linear interpolation).',
  },
  montecarloMeasures: {
    zh: `${MEASURES_ZH}，范围为所报告的县；缺口 = 支出需求 − 可用财力；金额单位为元`,
    en: `${MEASURES_EN}, over the reported counties; gap = needs − resources; money in yuan`,
  },

  /** report's tidy metadata */
  tidyParquet: {
    zh: '与 CSV 的行和列相同；amount_yuan 为 DECIMAL(18,2)（精确到分），year 为 INT32，其他列为 UTF-8 字符串；由 hyparquet-writer 写出，Snappy 压缩',
    en: 'the same rows and columns as the CSV; amount_yuan is DECIMAL(18,2) (exact fen), year INT32, every other column a UTF-8 string; written by hyparquet-writer, Snappy-compressed',
  },
  tidyNoParquet: { zh: '未写出：用 --format parquet 生成', en: 'not written: ask for it with --format parquet' },
  tidyRow: { zh: '每行为一个县 × 项目 × 年度 × 政府层级', en: 'one row per county × item × year × level of government' },
  tidyRounding: {
    zh: '每个县 × 项目的成本四舍五入到分一次（半数远离零）；各级分担按最大余数法精确分配，因此一个县 × 项目的四级数额之和恰好等于其成本',
    en: 'each county × item cost is rounded once to the fen (half away from zero); the split between levels is exact (largest remainder), so the four levels of a county × item sum to its cost exactly',
  },
  tidyReproducibility: {
    zh: '不写入时间戳或与机器有关的路径：相同的输入和版本生成逐字节相同的文件（校验和见上）',
    en: 'no timestamp or machine-specific path is written: the same inputs and version give byte-identical files (checksums above)',
  },
} as const;

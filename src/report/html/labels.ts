/**
 * Every user-visible label of the reports (HTML, workbook, tidy metadata), in Chinese and
 * English. `t(lang, key, vars)` fills `{name}` placeholders. Item and domain names come
 * from the catalog (name_zh / name_en); county names are as the county file gives them.
 */
import { POPULATION_COLUMNS } from '../../input/countyColumns.ts';

import type { Lang } from '../../i18n/lang.ts';
export { type Lang, LANGS } from '../../i18n/lang.ts';

const LABELS = {
  // titles and page furniture
  app: ['fiscal-sim 县级基本公共服务财政模拟', "fiscal-sim: who pays for basic public services in China's counties"],
  provinceTitle: ['{province}：县级基本公共服务成本、转移支付与财力缺口（{year}年）', '{province}: county basic-service costs, transfers and financing gaps ({year})'],
  countyTitle: ['{county}（{code}）：基本公共服务成本与财力缺口（{year}年）', '{county} ({code}): basic-service costs and financing gap ({year})'],
  comparisonTitle: ['情景比较：{scenario} 相对于 {base}', 'Scenario comparison: {scenario} against {base}'],
  indexTitle: ['县级基本公共服务财力缺口报告（{year}年）', 'County financing-gap reports ({year})'],
  scenario: ['情景', 'Scenario'],
  base: ['基准', 'Base'],
  year: ['年度', 'Year'],
  years: ['年份', 'Years'],
  basis: ['人口口径', 'Population basis'],
  basis_resident: ['常住人口', 'resident population'],
  basis_registered: ['户籍人口', 'registered (hukou) population'],
  dataFiles: ['县级数据', 'County data'],
  version: ['fiscal-sim 版本', 'fiscal-sim version'],
  backToProvince: ['返回省级报告', 'Back to the province report'],
  provinceReports: ['省级报告', 'Province reports'],
  countyReports: ['县级报告', 'County reports'],
  comparisonReport: ['情景比较报告', 'Scenario comparison'],
  printHint: ['可直接打印；所有图表和数据均内嵌在本文件中，无需联网。', 'Prints as is; every chart and figure is inside this file and it opens offline.'],
  estimatesNote: [
    '县级财政收入与其他标准支出为根据省级数据和人口普查推算的估计值（除非用户提供了实际数据）；标准成本按国家基本标准计算，不是实际支出。',
    'County revenue and other standard expenditure are estimates from provincial totals and census proxies unless the county file holds real data; standard costs follow the national basic standards and are not actual spending.',
  ],
  gapDefinition: [
    '财力缺口 = 支出需求（规划基本公共服务标准成本 + 按标准计算的人员工资、公用经费和其他法定支出）− 可用财力（本级收入 + 税收返还 + 体制补助 − 上解 + 一般性转移支付 + 专项转移支付）。正数为缺口，负数为结余。规划缺口为先保工资、运转和其他法定支出后，规划服务的缺口；保障缺口为县级基本财力保障机制口径（财预〔2010〕443号）的缺口。',
    'Financing gap = needs (the plan\'s standard cost of basic services + salaries, running costs and other mandated spending at standards) − resources (own revenue + tax rebates + system subsidy − remittance + general transfers + earmarked transfers). Positive is a shortfall, negative is room to spare. The plan gap is the shortfall on the plan\'s services once salaries, running costs and other mandated spending are paid; the guarantee gap is measured on the narrower scope of the county basic financial guarantee (财预〔2010〕443号).',
  ],
  sortHint: ['点击表头排序', 'Click a column heading to sort'],

  // units
  yuan: ['元', 'yuan'],
  yuanPerCapita: ['元/人', 'yuan/person'],
  unitYi: ['亿元', 'bn yuan'],
  unitWan: ['万元', 'm yuan'],
  persons: ['人', 'people'],
  wanPersons: ['万人', 'm people'],
  ofTotal: ['占比', 'share'],

  // levels of government
  level_central: ['中央', 'Central'],
  level_provincial: ['省级', 'Provincial'],
  level_prefecture: ['地市级', 'Prefecture'],
  level_county: ['县级', 'County'],
  level: ['政府层级', 'Level of government'],

  // headline figures
  headlines: ['主要数字', 'Headline figures'],
  standardCost: ['基本公共服务标准成本', 'Standard cost of basic services'],
  whoPays: ['各级政府支出责任', 'Who pays it, by level of government'],
  transfers: ['转移支付', 'Transfers'],
  earmarked: ['专项转移支付（到县）', 'Earmarked transfers received'],
  generalTransfers: ['一般性转移支付', 'General transfers'],
  equalization: ['均衡性转移支付', 'Equalization transfer'],
  guarantee: ['县级基本财力保障机制', 'Basic financial guarantee'],
  netGap: ['财力缺口合计（净额）', 'Total financing gap (net)'],
  netSurplus: ['财力结余合计（净额）', 'Total room to spare (net)'],
  gapOrSurplus: ['财力缺口（负数为结余）', 'Financing gap (negative: room to spare)'],
  perCapitaOrSurplus: ['人均缺口（负数为结余）', 'Gap per resident (negative: room to spare)'],
  guaranteeSurplus: ['保障结余（保障前）', 'Guarantee room to spare (before the guarantee)'],
  shortfall: ['缺口县缺口合计', 'Shortfall (sum of positive gaps)'],
  countiesInGap: ['存在缺口的县', 'Counties in a gap'],
  residentsInGap: ['缺口县常住人口', 'Residents of counties in a gap'],
  ofCounties: ['共 {n} 个县', 'of {n} counties'],
  ofResidents: ['占 {share}', '{share} of residents'],
  countiesAndResidents: ['{n} 个县，常住人口 {pop} 人', '{n} counties, {pop} residents'],

  // county table columns
  allCounties: ['全部县（市、区）', 'All counties'],
  code: ['代码', 'Code'],
  county: ['县（市、区）', 'County'],
  prefecture: ['地市', 'Prefecture'],
  province: ['省份', 'Province'],
  population: ['常住人口', 'Residents'],
  basisPopulation: ['口径人口', 'Basis population'],
  central: ['中央', 'Central'],
  provincial: ['省级', 'Provincial'],
  prefectureLevel: ['地市级', 'Prefecture'],
  countyLevel: ['县级', 'County'],
  ownBurden: ['自身负担', 'Own burden'],
  ownRevenue: ['本级收入', 'Own revenue'],
  standardRevenue: ['标准收入', 'Standard revenue'],
  otherSpending: ['人员、运转和其他法定支出', 'Salaries, running and other mandated spending'],
  salaries: ['保工资（标准）', 'Salaries at state standards'],
  runningCosts: ['保运转（标准）', 'Running costs at standard'],
  otherMandated: ['其他法定支出', 'Other mandated spending'],
  needs: ['支出需求', 'Needs'],
  resources: ['可用财力', 'Resources'],
  capacity: ['可用财力', 'Resources'],
  taxRebates: ['税收返还', 'Tax rebates'],
  systemSubsidy: ['体制补助', 'System subsidy'],
  remittance: ['上解', 'Remittance'],
  itemTiedGeneral: ['按财政部口径列入一般性转移支付的专项（中央）', 'Item-tied money the MoF classes as general (central)'],
  standardExpenditure: ['标准财政支出', 'Standard expenditure'],
  guaranteeNeeds: ['保障需求（443号口径）', 'Guarantee needs (2010 scope)'],
  guaranteeGap: ['保障缺口（保障前）', 'Guarantee gap (before the guarantee)'],
  guaranteeGapAfter: ['保障后剩余缺口', 'Guarantee gap left'],
  planGap: ['规划服务缺口', 'Plan gap'],
  gap: ['财力缺口', 'Financing gap'],
  surplus: ['财力结余', 'Room to spare'],
  gapPerCapita: ['人均缺口', 'Gap per resident'],
  surplusPerCapita: ['人均结余', 'Room to spare per resident'],
  planSurplus: ['规划服务结余', 'Plan room to spare'],
  gapShare: ['缺口占成本', 'Gap / cost'],
  total: ['合计', 'Total'],

  // charts
  chartGapRanked: ['各县人均财力缺口（排序）', 'Gap per resident by county, ranked'],
  chartGapRankedNote: ['红色为缺口，蓝色为结余（元/人）。', 'Red: shortfall; blue: room to spare (yuan per resident).'],
  chartGapRankedTopNote: ['红色为缺口，蓝色为结余（元/人）；图中为人均缺口最大和结余最大的各 {n} 个县，全部县见下表。', 'Red: shortfall; blue: room to spare (yuan per resident). The {n} counties with the largest gap and the {n} with the most room to spare; every county is in the table below.'],
  otherCounties: ['⋯ 其余 {n} 个县 ⋯', '… {n} other counties …'],
  chartDistribution: ['人均财力分布：转移支付前后', 'Per-capita resources before and after transfers'],
  chartDistributionNote: ['每个点为一个县（元/人，对数刻度）；竖线为人口加权均值。', 'Each dot is a county (yuan per person, log scale); the tick is the population-weighted mean.'],
  chartLorenz: ['洛伦兹曲线（人口加权）', 'Lorenz curves (population-weighted)'],
  lorenzX: ['人口累计占比', 'Cumulative share of residents'],
  lorenzY: ['人均财力累计占比', 'Cumulative share of resources'],
  equality: ['完全平等', 'Equality'],
  chartDomainLevel: ['按服务领域和政府层级的标准成本', 'Standard cost by service domain and level of government'],
  chartTransfers: ['按类型的转移支付', 'Transfers by type'],
  chartItemsLevel: ['各项目标准成本及各级负担', 'Cost of each item by level of government'],
  chartPeers: ['与同类县比较的人均缺口', 'Gap per resident against similar counties'],
  chartPeersNote: ['灰点为同类县；方框为第25至75百分位，细线为第10至90百分位，竖线为中位数；红点为本县。', 'Grey dots: similar counties; box: 25th to 75th percentile, whiskers: 10th to 90th, bar: median; red: this county.'],
  perCapitaResources: ['人均财力（元/人）', 'Resources per person (yuan)'],
  amountYuan: ['金额（元）', 'Amount (yuan)'],
  amountYi: ['金额（亿元）', 'Amount (bn yuan)'],

  // stages and measures
  stage_before: ['转移支付前', 'Before transfers'],
  stage_afterGeneral: ['一般性转移支付后（经济口径）', 'After general transfers (economic convention)'],
  stage_afterGeneralMof: ['一般性转移支付后（财政部口径）', 'After general transfers (MoF convention)'],
  stage_afterAll: ['全部转移支付后', 'After all transfers'],
  measures: ['均等化指标', 'Equalization measures'],
  measuresNote: ['泰尔指数按{group}分解为组间和组内两部分。', 'Theil index decomposed by {group}: between and within groups.'],
  weighted: ['人口加权', 'population-weighted'],
  unweighted: ['不加权', 'unweighted'],
  gini: ['基尼系数', 'Gini'],
  theil: ['泰尔指数', 'Theil'],
  theilBetween: ['组间', 'between'],
  theilWithin: ['组内', 'within'],
  cv: ['变异系数', 'CV'],
  maxMin: ['最高/最低', 'max/min'],
  decileRatio: ['最高/最低十分位', 'top/bottom decile'],
  mean: ['均值（元/人）', 'mean (yuan per person)'],

  // transfer types
  transfer_tax_rebates: ['税收返还', 'Tax rebates'],
  transfer_system_net: ['体制补助减上解', 'System subsidy less remittance'],
  transfer_ethnic_area: ['民族地区转移支付', 'Ethnic-area transfer'],
  transfer_old_revolutionary: ['革命老区转移支付', 'Old-revolutionary-area transfer'],
  transfer_border_area: ['边境地区转移支付', 'Border-area transfer'],
  transfer_salary_adjustment: ['调整工资转移支付', 'Salary-adjustment transfer'],
  transfer_rural_tax_reform: ['农村税费改革转移支付', 'Rural tax-reform transfer'],
  transfer_eco_zone: ['重点生态功能区转移支付', 'Key ecological function zone transfer'],
  transfer_resource_exhausted: ['资源枯竭城市转移支付', 'Resource-exhausted city transfer'],
  transfer_grain_county: ['产粮大县奖励资金', 'Grain-county reward'],
  transfer_equalization: ['均衡性转移支付', 'Equalization transfer'],
  transfer_guarantee: ['县级基本财力保障机制奖补', 'County basic financial guarantee'],
  transfer_earmarked_upper: ['中央和省级专项', 'Earmarked: central and provincial'],
  transfer_earmarked_prefecture: ['地市专项', 'Earmarked: prefecture'],
  transfer_retained: ['地市截留的上级专项', 'Upper-level earmarked kept by the prefecture'],
  transferType: ['类型', 'Type'],

  // county report
  countyFacts: ['基本情况', 'About the county'],
  regionGroup: ['地区组', 'Region group'],
  region_east: ['东部', 'east'],
  region_central: ['中部', 'central'],
  region_west: ['西部', 'west'],
  tier2018: ['2018年分档', '2018 tier'],
  directlyManaged: ['省直管县', 'Directly managed by the province'],
  difficult: ['困难地区', 'Difficult area'],
  nutritionPilot: ['营养改善计划国家试点', 'National nutrition pilot'],
  costIndex: ['成本系数', 'Cost index'],
  yes: ['是', 'yes'],
  no: ['否', 'no'],
  items: ['服务项目', 'Service items'],
  item: ['项目', 'Item'],
  domain: ['领域', 'Domain'],
  driver: ['服务对象（指标）', 'Driver'],
  beneficiaries: ['受益人数', 'Beneficiaries'],
  unitStandard: ['标准（元/受益对象·年）', 'Standard (yuan per beneficiary a year)'],
  cost: ['成本', 'Cost'],
  earmarkedReceived: ['专项到位', 'Earmarked received'],
  rule: ['分担规则', 'Sharing rule'],
  countyTransfers: ['转移支付与财力缺口', 'Transfers and the gap'],
  gapChain: ['从成本到缺口', 'From cost to gap'],
  peers: ['与同类县比较', 'Against similar counties'],
  peersSamePrefecture: ['同一地市', 'Same prefecture'],
  peersSameRegion: ['同一地区组（{region}）', 'Same region group ({region})'],
  peerN: ['县数', 'Counties'],
  peerMedian: ['人均缺口中位数', 'Median gap per resident'],
  peerRange: ['范围', 'Range'],
  peerRank: ['本县位置（0=最低，100=最高）', "This county's percentile (0 = lowest gap)"],
  peerInGap: ['其中有缺口', 'Of which in a gap'],
  thisCounty: ['本县', 'This county'],
  sources: ['参数来源', 'Sources of its parameters'],
  sourcesAppendix: ['附录：参数来源（{n} 项参数，{m} 条来源，点击展开）', 'Appendix: sources of its parameters ({n} parameters, {m} sources; click to open)'],
  sourcesNote: ['“规划原文”为《国家基本公共服务体系“十二五”规划》表格所载；“政策文件”为引用的其他文件；“假设”为标注理由的估计。', '"Plan text" is stated in the 12th Five-Year Plan\'s tables; "policy" cites another document; "assumption" is a labelled estimate with its reasoning.'],
  parameter: ['参数', 'Parameter'],
  value: ['取值', 'Value'],
  unit: ['单位', 'Unit'],
  source: ['来源', 'Source'],
  sourceKind: ['来源类型', 'Kind of source'],
  source_seed: ['规划原文', 'Plan text'],
  source_policy: ['政策文件', 'Policy'],
  source_assumption: ['假设', 'Assumption'],
  description: ['说明', 'Description'],

  // comparison
  changes: ['情景改变的参数', 'What the scenario changes'],
  noChanges: ['（无参数改变）', '(no parameter changes)'],
  comparisonUnchanged: ['情景与基准在 {years} 年的结果完全相同：所比较的年份中，情景的改动尚未生效或不影响任何数值。', 'The scenario and the base give the same results in {years}: in the years compared, the scenario’s changes do not apply yet or change no figure.'],
  comparisonUnchangedYear: ['情景与基准在 {years} 年的结果相同。', 'The scenario and the base give the same results in {years}.'],
  change: ['变化', 'Change'],
  baseValue: ['基准', 'Base'],
  scenarioValue: ['情景', 'Scenario'],
  winnersLosers: ['各县缺口变化（赢家与输家）', 'Change in gap per resident by county: winners and losers'],
  noGapChange: ['本情景下没有一个县的财力缺口发生变化。', 'No county\'s financing gap changes in this scenario.'],
  winnersLosersNote: ['负值（绿色）为缺口缩小，正值（红色）为缺口扩大。', 'Negative (green): the gap narrows; positive (red): it widens.'],
  byLevel: ['按政府层级', 'By level of government'],
  byItem: ['按项目', 'By item'],
  byYear: ['按年度', 'By year'],
  byCounty: ['按县', 'By county'],
  byProvince: ['按省', 'By province'],
  bands: ['变化分档', 'Bands of change'],
  band: ['档', 'Band'],
  band_fallsOver: ['人均缺口减少 {x} 元以上', 'gap falls by {x}+ yuan/resident'],
  band_risesOver: ['人均缺口增加 {x} 元以上', 'gap rises by {x}+ yuan/resident'],
  band_falls: ['人均缺口减少 {a}–{b} 元', 'gap falls by {a}–{b} yuan/resident'],
  band_rises: ['人均缺口增加 {a}–{b} 元', 'gap rises by {a}–{b} yuan/resident'],
  band_unchanged: ['基本不变（±{x} 元/人以内）', 'unchanged (within ±{x} yuan/resident)'],
  counties: ['县数', 'Counties'],
  residents: ['常住人口', 'Residents'],
  measureChanges: ['均等化指标变化', 'Change in equalization measures'],
  winners: ['缺口缩小的县', 'Counties whose gap narrows'],
  losers: ['缺口扩大的县', 'Counties whose gap widens'],
  unchanged: ['不变', 'Unchanged'],

  // workbook sheets
  sheet_summary: ['汇总', 'summary'],
  sheet_counties: ['县', 'counties'],
  sheet_items: ['项目', 'items'],
  sheet_transfers: ['转移支付', 'transfers'],
  sheet_comparison: ['情景比较', 'comparison'],
  sheet_parameters: ['参数与来源', 'parameters'],
  sheet_provinces: ['省', 'provinces'],
  figure: ['指标', 'Figure'],
  amount: ['金额', 'Amount'],
  count: ['数量', 'Count'],
} as const satisfies Record<string, readonly [string, string]>;

export type LabelKey = keyof typeof LABELS;

export function t(lang: Lang, key: LabelKey, vars: Readonly<Record<string, string | number>> = {}): string {
  const text: string = LABELS[key][lang === 'zh' ? 0 : 1];
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (vars[k] !== undefined ? String(vars[k]) : m));
}

export function hasLabel(key: string): key is LabelKey {
  return Object.hasOwn(LABELS, key);
}

/** All label keys (for tests: every key has both languages). */
export function labelKeys(): LabelKey[] {
  return Object.keys(LABELS) as LabelKey[];
}

/** English province names by code (Chinese names are in src/input/provinces.ts). */
const PROVINCE_EN: Readonly<Record<string, string>> = {
  '110000': 'Beijing', '120000': 'Tianjin', '130000': 'Hebei', '140000': 'Shanxi', '150000': 'Inner Mongolia',
  '210000': 'Liaoning', '220000': 'Jilin', '230000': 'Heilongjiang', '310000': 'Shanghai', '320000': 'Jiangsu',
  '330000': 'Zhejiang', '340000': 'Anhui', '350000': 'Fujian', '360000': 'Jiangxi', '370000': 'Shandong',
  '410000': 'Henan', '420000': 'Hubei', '430000': 'Hunan', '440000': 'Guangdong', '450000': 'Guangxi',
  '460000': 'Hainan', '500000': 'Chongqing', '510000': 'Sichuan', '520000': 'Guizhou', '530000': 'Yunnan',
  '540000': 'Tibet', '610000': 'Shaanxi', '620000': 'Gansu', '630000': 'Qinghai', '640000': 'Ningxia',
  '650000': 'Xinjiang',
};

export function provinceName(lang: Lang, code: string, zhName: string): string {
  return lang === 'en' ? (PROVINCE_EN[code] ?? zhName) : zhName;
}

const DRIVER_ZH = new Map(POPULATION_COLUMNS.map((c) => [c.name, c.aliases[0] ?? c.name]));
const DRIVER_EN = new Map(POPULATION_COLUMNS.map((c) => [c.name, c.description]));

/** A driver column's label: its Chinese header, or its English description. */
export function driverName(lang: Lang, driver: string): string {
  return (lang === 'zh' ? DRIVER_ZH : DRIVER_EN).get(driver) ?? driver;
}

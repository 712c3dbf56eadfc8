/** The words of `fiscal-sim explain` (src/report/explainCounty.ts), in Chinese and English. */
import type { Messages } from '../i18n/text.ts';

type S = string;

export const EXPLAIN_TEXT = {
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  region: { zh: { east: '东部', central: '中部', west: '西部' }, en: { east: 'east', central: 'central', west: 'west' } },
  grouping: { zh: { national: '全国统一', region_group: '按东中西部', tier_2018: '按2018年档次' }, en: { national: 'national', region_group: 'region_group', tier_2018: 'tier_2018' } },
  heading: {
    zh: (name: S, code: S, prefecture: S, province: S, year: number) => `${name}（${code}），${prefecture}，${province} — ${year}年`,
    en: (name: S, code: S, prefecture: S, province: S, year: number) => `${name} (${code}), ${prefecture}, ${province} — ${year}`,
  },
  flags: {
    zh: (region: S, tier: number, direct: S, difficult: S, pilot: S, costIndex: number) => `  地区：${region}，2018年档次 ${tier}；省直管县：${direct}；困难地区：${difficult}；营养改善计划试点：${pilot}；成本指数 ${costIndex}`,
    en: (region: S, tier: number, direct: S, difficult: S, pilot: S, costIndex: number) => `  region group ${region}, 2018 tier ${tier}; directly managed: ${direct}; difficult area: ${difficult}; nutrition pilot: ${pilot}; cost index ${costIndex}`,
  },
  basisResident: { zh: '常住人口', en: 'resident' },
  basisRegistered: { zh: '户籍人口', en: 'registered' },
  basis: {
    zh: (basis: S, factor: S | undefined, residents: S) => `  人口口径：${basis}${factor !== undefined ? `（基数 × ${factor}）` : ''}；常住人口 ${residents} 人`,
    en: (basis: S, factor: S | undefined, residents: S) => `  population basis: ${basis}${factor !== undefined ? ` (drivers × ${factor})` : ''}; resident population ${residents}`,
  },
  basisWord: { zh: '户籍/常住', en: 'basis' },
  section1: { zh: '1. 各项目成本 = 受益人数 × 单位标准 × 成本指数，以及由谁负担（金额单位：元）', en: '1. Cost of each item = beneficiaries × unit standard × cost index, and who pays it' },
  formula: { zh: '（公式）', en: '(formula)' },
  beneficiaries: { zh: '受益人数', en: 'beneficiaries' },
  coverage: { zh: '覆盖率', en: 'coverage' },
  standard: { zh: (value: S, unit: S) => `年标准 ${value} ${unit}`, en: (value: S, _unit: S) => `standard ${value} yuan per beneficiary per year` },
  cost: { zh: (cost: S) => `成本 = ${cost} 元`, en: (cost: S) => `cost = ${cost} yuan` },
  rule: { zh: '分担规则', en: 'rule' },
  centralShare: { zh: (share: number, by: S) => `：中央分担比例 ${share}（${by}）`, en: (share: number, by: S) => `: central share ${share} by ${by}` },
  centralAmount: { zh: (amount: number, by: S) => `：中央按每人 ${amount} 元补助（${by}）`, en: (amount: number, by: S) => `: central ${amount} yuan per beneficiary by ${by}` },
  pilotYes: { zh: ' — 试点县：中央全额负担', en: ' — pilot county: central pays all' },
  pilotNo: { zh: ' — 非试点县', en: ' — not a pilot county' },
  difficultYes: { zh: ' — 困难地区：中央给予补助', en: ' — difficult area: subsidy applies' },
  difficultNo: { zh: ' — 非困难地区：中央不补助', en: ' — not a difficult area: no central subsidy' },
  splitLine: {
    zh: (central: S, provincial: S, prefecture: S, county: S, split: S) => `中央 ${central} | 省级 ${provincial} | 地市级 ${prefecture} | 县级 ${county}   （地方负担部分省:市:县 = ${split}）`,
    en: (central: S, provincial: S, prefecture: S, county: S, split: S) => `central ${central} | provincial ${provincial} | prefecture ${prefecture} | county ${county}   (local split ${split})`,
  },
  earmarked: {
    zh: (received: S, kept: S | undefined) => `县收到专项转移支付 ${received}${kept !== undefined ? `，地市截留 ${kept}` : ''}`,
    en: (received: S, kept: S | undefined) => `earmarked transfer received ${received}${kept !== undefined ? `, kept by the prefecture ${kept}` : ''}`,
  },
  section2: { zh: '2. 支出需求（元）', en: '2. Needs 支出需求 (yuan)' },
  planCost: {
    zh: (cost: S, central: S, provincial: S, prefecture: S, county: S) => `规划基本公共服务标准成本 ${cost} = 中央 ${central} + 省级 ${provincial} + 地市级 ${prefecture} + 县级 ${county}（第1部分）`,
    en: (cost: S, central: S, provincial: S, prefecture: S, county: S) => `plan standard cost ${cost} = central ${central} + provincial ${provincial} + prefecture ${prefecture} + county ${county} (section 1)`,
  },
  salaries: { zh: '保工资', en: 'salaries 保工资' },
  staff: { zh: '财政供养人员', en: 'staff on establishment' },
  running: { zh: '保运转', en: 'running costs 保运转' },
  otherMandated: { zh: '其他法定支出', en: 'other mandated spending' },
  residents: { zh: '常住人口', en: 'residents' },
  needs: { zh: '支出需求', en: 'needs' },
  section3: { zh: '3. 可用财力（元；除非县级数据文件提供实际数，财政收支各列为估计值）', en: '3. Resources 可用财力 (yuan; the fiscal columns are estimates unless the county file holds real data)' },
  ownRevenue: { zh: '本级收入', en: 'own revenue 本级收入' },
  rebates: {
    zh: (total: S, twoTax: S, incomeTax: S, oil: S) => `税收返还 ${total} = 两税返还 ${twoTax} + 所得税基数返还 ${incomeTax} + 成品油税费改革税收返还 ${oil}`,
    en: (total: S, twoTax: S, incomeTax: S, oil: S) => `tax rebates 税收返还 ${total} = two-tax ${twoTax} + income-tax base ${incomeTax} + refined-oil ${oil}`,
  },
  subsidyRemittance: { zh: (subsidy: S, remittance: S) => `体制补助 ${subsidy}；上解 −${remittance}`, en: (subsidy: S, remittance: S) => `system subsidy 体制补助 ${subsidy}; remittance 上解 −${remittance}` },
  everyCounty: { zh: '所有县', en: 'every county' },
  regions: { zh: (list: S) => `，地区 ${list}`, en: (list: S) => `, regions ${list}` },
  byDriver: { zh: (driver: S) => `按${driver}分配`, en: (driver: S) => `by ${driver}` },
  byStandardGap: { zh: '按标准收支缺口分配', en: 'by standard gap' },
  equalShares: { zh: '平均分配', en: 'equal shares' },
  pool: {
    zh: (pool: S, poolSource: S, eligible: S, regions: S, weight: S, share: number, source: S, received: S) => `：资金总额 ${pool} ${poolSource}，适用：${eligible}${regions}，${weight}，到县比例 ${share} ${source} → ${received}`,
    en: (pool: S, poolSource: S, eligible: S, regions: S, weight: S, share: number, source: S, received: S) => `: pool ${pool} ${poolSource}, eligible: ${eligible}${regions}, ${weight}, county share ${share} ${source} → ${received}`,
  },
  standardExpenditure: {
    zh: (functions: S, coefficient: S, total: S) => `标准财政支出 = (${functions}) × 成本差异系数 ${coefficient} = ${total}`,
    en: (functions: S, coefficient: S, total: S) => `standard expenditure = (${functions}) × cost-difference coefficient ${coefficient} = ${total}`,
  },
  standardRevenue: {
    zh: (rate: number, source: S, own: S, total: S) => `标准财政收入 = 税基 × ${rate} ${source}（${own}）+ 税收返还、体制补助 − 上解 + 上述转移支付 = ${total}`,
    en: (rate: number, source: S, own: S, total: S) => `standard revenue = tax base × ${rate} ${source} (${own}) + rebates, subsidy − remittance + the transfers above = ${total}`,
  },
  provinceLine: {
    zh: (code: S, expenditure: S, revenue: S, gap: S, difficulty: S, allocation: S, coefficient: S) => `省 ${code}：放大后的标准财政支出 ${expenditure}，标准财政收入 ${revenue}，缺口 ${gap} × 困难程度系数 ${difficulty}；中央分配 ${allocation}（全国转移支付系数 ${coefficient}）`,
    en: (code: S, expenditure: S, revenue: S, gap: S, difficulty: S, allocation: S, coefficient: S) => `province ${code}: grossed-up standard expenditure ${expenditure}, revenue ${revenue}, gap ${gap} × difficulty ${difficulty}; central allocation ${allocation} (national coefficient ${coefficient})`,
  },
  countyPool: {
    zh: (pool: S, passed: S, passRate: S, topUp: S, topUpSource: S, coefficient: S) => `县级资金 ${pool} = 下拨 ${passed}（${passRate}）+ 省级配套 ${topUp} ${topUpSource}；县级转移支付系数 ${coefficient}`,
    en: (pool: S, passed: S, passRate: S, topUp: S, topUpSource: S, coefficient: S) => `county pool ${pool} = passed down ${passed} (${passRate}) + provincial top-up ${topUp} ${topUpSource}; county coefficient ${coefficient}`,
  },
  countyGap: {
    zh: (expenditure: S, revenue: S, transfer: S, kept: S | undefined) => `县标准收支缺口 max(0, ${expenditure} − ${revenue}) → 转移支付 ${transfer}${kept !== undefined ? `（地市截留 ${kept}）` : ''}`,
    en: (expenditure: S, revenue: S, transfer: S, kept: S | undefined) => `county gap max(0, ${expenditure} − ${revenue}) → transfer ${transfer}${kept !== undefined ? ` (the prefecture kept ${kept})` : ''}`,
  },
  guaranteeNeeds: {
    zh: (domains: S, total: S) => `保障需求 = 保工资 + 保运转 + 县级负担的${domains}项目 = ${total}`,
    en: (domains: S, total: S) => `guarantee needs = salaries + running + county share of ${domains} items = ${total}`,
  },
  guaranteeGap: {
    zh: (gap: S, closeRate: S, closed: S, target: S, award: S, pool: S) => `保障前缺口 = ${gap}；弥补比例 ${closeRate}；全省已弥补 ${closed}，应弥补 ${target}（中央奖补 ${award}，奖补资金总额 ${pool}）`,
    en: (gap: S, closeRate: S, closed: S, target: S, award: S, pool: S) => `guarantee gap before = ${gap}; close rate ${closeRate}; province closed ${closed} of ${target} (central award ${award} from a pool of ${pool})`,
  },
  guaranteeTransfer: { zh: (transfer: S, left: S) => `保障转移支付 ${transfer}；剩余缺口 ${left}`, en: (transfer: S, left: S) => `guarantee transfer ${transfer}; gap left ${left}` },
  general: {
    zh: (total: S, kept: S | undefined, source: S) => `一般性转移支付 ${total}${kept !== undefined ? `（已扣除地市截留 ${kept} ${source}）` : ''}`,
    en: (total: S, kept: S | undefined, source: S) => `general transfers 一般性转移支付 ${total}${kept !== undefined ? ` (after ${kept} kept by the prefecture ${source})` : ''}`,
  },
  special: {
    zh: (total: S, mof: S) => `专项转移支付 ${total}（其中财政部列为一般性转移支付的中央资金 ${mof}）`,
    en: (total: S, mof: S) => `earmarked received 专项转移支付 ${total} (of which central money the MoF classes as general: ${mof})`,
  },
  resources: { zh: '可用财力', en: 'resources' },
  section4: { zh: '4. 财力缺口或结余', en: '4. The gap 财力缺口' },
  gap: {
    zh: (needs: S, resources: S, gap: S, compact: S, perResident: S) => `财力缺口 = 支出需求 − 可用财力 = ${needs} − ${resources} = ${gap} 元（${compact}）；人均缺口 ${perResident} 元`,
    en: (needs: S, resources: S, gap: S, _compact: S, perResident: S) => `financing gap = needs − resources = ${needs} − ${resources} = ${gap} (shortfall 缺口); per resident ${perResident} yuan`,
  },
  surplus: {
    zh: (needs: S, resources: S, _gap: S, surplus: S, compact: S, perResident: S) => `结余 = 可用财力 − 支出需求 = ${resources} − ${needs} = ${surplus} 元（${compact}）；人均结余 ${perResident} 元`,
    en: (needs: S, resources: S, gap: S, surplus: S, _compact: S, perResident: S) => `surplus 结余 = resources − needs = ${resources} − ${needs} = ${surplus} (financing gap = needs − resources = ${gap}); per resident ${perResident} yuan`,
  },
  planGap: { zh: (burden: S, gap: S) => `规划服务缺口 = min(财力缺口, 本级负担 ${burden}) = ${gap}`, en: (burden: S, gap: S) => `plan gap 规划服务缺口 = min(gap, own burden ${burden}) = ${gap}` },
  guaranteeGapLine: { zh: (before: S, left: S) => `保障缺口（2010年口径）保障前 ${before}，保障后剩余 ${left}`, en: (before: S, left: S) => `guarantee gap 保障缺口 (2010 scope) before ${before}, left ${left}` },
  overriddenHeading: { zh: '覆盖的数值（你的文件替换了内置数据）：', en: 'Overridden values (your files replace the bundled data):' },
  overriddenValue: {
    zh: (column: S, value: S, bundled: S, from: S) => `  * ${column} = ${value}（内置 ${bundled}）来自 ${from}`,
    en: (column: S, value: S, bundled: S, from: S) => `  * ${column} = ${value} (bundled ${bundled}) from ${from}`,
  },
  givenTransferUsed: {
    zh: (column: S, amount: S, year: number, modelled: S, from: S) => `  * ${column} = ${amount} 元：${year}年采用此数（你的文件给出），代替模型分配的 ${modelled} 元（按不含你的数据的内置数据），来自 ${from}`,
    en: (column: S, amount: S, year: number, modelled: S, from: S) => `  * ${column} = ${amount} yuan: used for ${year} (given by your file) in place of the model's allocation of ${modelled} yuan (on the bundled data without your figures), from ${from}`,
  },
  givenTransferOtherYear: {
    zh: (column: S, amount: S, givenYear: number, year: number, from: S) => `  * ${column} = ${amount} 元：用于 ${givenYear}年（你的文件给出）；这里说明的是 ${year}年，该年采用模型分配数（见第3部分），来自 ${from}`,
    en: (column: S, amount: S, givenYear: number, year: number, from: S) => `  * ${column} = ${amount} yuan: used for ${givenYear} (given by your file); ${year}, explained here, uses the model's allocation (section 3), from ${from}`,
  },
  receivedGiven: {
    zh: (from: S, modelled: S) => `（实收数，你的文件给出：${from}；模型分配 ${modelled}）`,
    en: (from: S, modelled: S) => ` (amount received as your file gives it: ${from}; the model's allocation ${modelled})`,
  },
  receivedModelled: {
    zh: (years: S) => `（模型分配；你的文件只给出 ${years}年的实收数）`,
    en: (years: S) => ` (the model's allocation; your files give the amount received for ${years} only)`,
  },
  eqHeader: { zh: (name: S, source: S) => `${name}（财预〔2011〕392号）${source}：`, en: (name: S, source: S) => `${name} (财预〔2011〕392号) ${source}:` },
  mechHeader: { zh: (name: S, source: S) => `${name} ${source}：`, en: (name: S, source: S) => `${name} ${source}:` },
} satisfies Messages;

/**
 * Every text the command line shows — help, progress lines, messages — in Chinese and English.
 * A command takes the language chosen in main.ts and reads `inLang(CLI_TEXT, lang)`; a key
 * missing either language does not compile.
 */
import type { Messages } from '../i18n/text.ts';

const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** A quantile label of the Monte Carlo output (q05, q95) in Chinese: 5% 分位数. */
const quantileZh = (q: string): string => q.replace(/^q0*(\d+)(?:_(\d+))?$/, (_m, whole: string, part: string | undefined) => `${whole}${part ? `.${part}` : ''}% 分位数`);

export const CLI_TEXT = {
  // the program and its help
  program: {
    zh: '县级基本公共服务由谁来付：成本分担、转移支付与各县财力缺口。',
    en: "Who pays for basic public services in China's counties: cost sharing, transfers and each county's financing gap.",
  },
  debugHint: {
    zh: '\n任何命令加 --debug 可显示内部错误的调用栈；加 --lang en 显示英文（也可设环境变量 FISCAL_SIM_LANG=en）。',
    en: '\nAdd --debug to any command to print the stack trace of an unexpected error; --lang zh for Chinese (or set FISCAL_SIM_LANG=zh).',
  },
  optLang: { zh: '显示语言：zh（中文，默认）或 en（英文）；默认取 FISCAL_SIM_LANG，再取系统语言', en: 'language: zh (Chinese, the default) or en (English); default FISCAL_SIM_LANG, else the locale' },
  optHelp: { zh: '显示帮助', en: 'display help for command' },
  helpCommand: { zh: '显示某个命令的帮助', en: 'display help for command' },
  titleUsage: { zh: '用法：', en: 'Usage:' },
  titleOptions: { zh: '选项：', en: 'Options:' },
  titleCommands: { zh: '命令：', en: 'Commands:' },
  titleArguments: { zh: '参数：', en: 'Arguments:' },
  titleGlobalOptions: { zh: '全局选项：', en: 'Global Options:' },
  defaultValue: { zh: '默认', en: 'default' },
  choicesValue: { zh: '可选值', en: 'choices' },
  envValue: { zh: '环境变量', en: 'env' },

  // commander's errors (commanderText.ts; English keeps commander's own text)
  cmdError: { zh: '错误：', en: 'error: ' },
  cmdUnknownOption: { zh: (flag: string) => `错误：没有选项“${flag}”`, en: (flag: string) => `error: unknown option '${flag}'` },
  cmdUnknownCommand: { zh: (name: string) => `错误：没有命令“${name}”`, en: (name: string) => `error: unknown command '${name}'` },
  cmdMissingArgument: { zh: (name: string) => `错误：缺少参数 <${name}>`, en: (name: string) => `error: missing required argument '${name}'` },
  cmdOptionMissingValue: { zh: (flags: string) => `错误：选项 ${flags} 缺少取值`, en: (flags: string) => `error: option '${flags}' argument missing` },
  cmdRequiredOption: { zh: (flags: string) => `错误：必须给出选项 ${flags}`, en: (flags: string) => `error: required option '${flags}' not specified` },
  cmdInvalidOptionValue: { zh: (flags: string, value: string) => `错误：选项 ${flags} 的取值“${value}”无效：`, en: (flags: string, value: string) => `error: option '${flags}' argument '${value}' is invalid. ` },
  cmdInvalidEnvValue: {
    zh: (flags: string, value: string, env: string) => `错误：环境变量 ${env} 给选项 ${flags} 的取值“${value}”无效：`,
    en: (flags: string, value: string, env: string) => `error: option '${flags}' value '${value}' from env '${env}' is invalid. `,
  },
  cmdInvalidArgument: { zh: (name: string, value: string) => `错误：参数 <${name}> 的取值“${value}”无效：`, en: (name: string, value: string) => `error: command-argument value '${value}' is invalid for argument '${name}'. ` },
  cmdTooManyArguments: {
    zh: (command: string, expected: number, got: number) => `错误：${command ? `命令 ${command} 的` : ''}参数过多：应为 ${expected} 个，给了 ${got} 个。`,
    en: (command: string, expected: number, got: number) => `error: too many arguments${command ? ` for '${command}'` : ''}. Expected ${expected} argument${expected === 1 ? '' : 's'} but got ${got}.`,
  },
  cmdConflict: { zh: (a: string, b: string) => `错误：${a} 不能与 ${b} 同时使用`, en: (a: string, b: string) => `error: ${a} cannot be used with ${b}` },
  cmdDidYouMean: { zh: (what: string) => `（是否要用 ${what}？）`, en: (what: string) => `(Did you mean ${what}?)` },

  // failures
  nothingWritten: { zh: '未写出任何文件。', en: 'Nothing was written.' },
  tooLarge: {
    zh: (detail: string) => `金额过大，无法精确计算：\n  ${detail}\n  请检查所给的标准、金额、人口和年份（见 README 的 "Limits" 一节）。`,
    en: (detail: string) => `an amount is too large to compute exactly:\n  ${detail}\n  Check the standards, amounts, populations and years given (see "Limits" in the README).`,
  },
  unexpected: {
    zh: (what: string, debug: boolean) => `程序内部错误（${what}）。这是 fiscal-sim 的缺陷，请连同所运行的命令一起报告${debug ? '' : '，并加 --debug 再运行一次以获得详细信息'}。`,
    en: (what: string, debug: boolean) => `unexpected error (${what}). This is a bug in fiscal-sim: please report it with the command you ran${debug ? '' : ', and run it again with --debug for the details'}.`,
  },
  note: { zh: (text: string) => `注意：${text}`, en: (text: string) => `note: ${text}` },

  // options shared by the commands that run the model
  optScenario: { zh: '情景文件（YAML 或 JSON），或 scenarios/ 中情景的名称（如 raise_basic_pension），在内置政策数据之上修改', en: 'scenario file (YAML or JSON), or the name of one in scenarios/ (raise_basic_pension), applied on top of the bundled policy data' },
  optCounties: { zh: '县级数据 CSV（默认：内置广东数据 data/counties/guangdong_2012.csv）', en: 'county data CSV (default: the bundled Guangdong file data/counties/guangdong_2012.csv)' },
  optReference: { zh: "补足你的文件所缺省份的全国县级数据，或 'none'（默认：data/counties/china_2012.csv）", en: "national county file for the provinces your file lacks, or 'none' (default: data/counties/china_2012.csv)" },
  optProvince: { zh: '只报告该省：代码（440000、44）、名称（广东省、广东）或拼音（Guangdong）', en: 'report only this province: a code (440000, 44), a name (广东省, 广东) or its pinyin (Guangdong)' },
  optData: { zh: '政策数据目录，内含 standards/、sharing/、transfers/、projection/', en: 'policy data folder with standards/, sharing/, transfers/, projection/' },
  optBasis: { zh: '人口口径：resident（常住）或 registered（户籍）（默认：情景所定，否则常住）', en: "population basis for drivers: resident or registered (default: the scenario's, else resident)" },
  runOptUnit: {
    zh: '金额显示单位：yuan|wan|yi（元|万元|亿元）；wan、yi 在精确到分的元列旁另加万元或亿元列（如 gap_wan）',
    en: 'display unit: yuan|wan|yi (元|万元|亿元); wan and yi add columns such as gap_wan beside the exact yuan columns',
  },
  reportOptUnit: {
    zh: '工作簿金额显示单位：yuan|wan|yi（元|万元|亿元）；wan、yi 在每个精确的元列旁另加该单位的列',
    en: 'workbook display unit: yuan|wan|yi (元|万元|亿元); wan and yi add a column in that unit beside each exact yuan column',
  },
  badUnit: { zh: '可选 yuan、wan、yi（元、万元、亿元）', en: 'use yuan, wan or yi (元, 万元 or 亿元)' },
  runOptItems: {
    zh: '项目明细：full = items.csv，逐县逐项逐年一行（各项目的来源说明按项目逐年写在 item_sources.csv）；summary = items_summary.csv，所报告各县按项目逐年汇总一行；none = 不写项目表',
    en: 'item detail: full = items.csv, one row per county × item × year (each item\'s source once per item and year in item_sources.csv); summary = items_summary.csv, one row per item × year over the counties reported; none = no item file',
  },
  badItemDetail: { zh: '可选 full（逐县逐项）、summary（按项目汇总）、none（不写项目表）', en: 'use full, summary, none' },
  optVersion: { zh: '显示版本号', en: 'print the version' },
  optOverride: {
    zh: '用自有数据覆盖部分县（地市、省）的数值：CSV 或 xlsx，含 code 及任意县级数据列；可重复，后给的文件优先',
    en: 'your own figures for some counties, prefectures or provinces: a CSV or xlsx with code and any county columns; repeatable, later files win',
  },
  optReallocate: {
    zh: '让 --override 的数据参与一般性转移支付的分配公式、重新分配资金池（默认：分配保持，按内置数据分配，只改变所涉县自身的账户）',
    en: 'let the --override figures enter the general transfers\' allocation formulas and re-share the pools (default: allocations held at the bundled data, so only the overridden counties\' own accounts change)',
  },
  badBasis: { zh: '只能是 resident（常住）或 registered（户籍）', en: 'use resident or registered' },
  optOut: { zh: '输出目录', en: 'output folder' },
  optYear: { zh: '年度', en: 'year' },
  computingYear: { zh: (year: number) => `正在计算 ${year} 年…`, en: (year: number) => `computing ${year}…` },

  // run
  runDescription: {
    zh: '计算每个县的基本公共服务标准成本、各级政府分担、转移支付和财力缺口；写出 counties.csv、items.csv、item_sources.csv、provinces.csv 和 summary.json',
    en: "compute every county's standard cost, who pays it, transfers and financing gap; write counties.csv, items.csv, item_sources.csv, provinces.csv and summary.json",
  },
  runOptYear: { zh: '年度、区间或列表（2012、2011-2015、2011,2013）；默认 2012，给了 --scenario 时为情景的年份', en: "year, range or list (2012, 2011-2015, 2011,2013); default 2012, or the scenario's years with --scenario" },
  runOptQuiet: { zh: '不显示汇总', en: 'do not print the summary' },
  runLabel: {
    zh: (scenario: string | undefined, where: string) => `${scenario === undefined ? '基准' : `情景 ${scenario}`}，${where}`,
    en: (scenario: string | undefined, where: string) => `${scenario === undefined ? 'Baseline' : `Scenario ${scenario}`}, ${where}`,
  },
  runWhereProvince: { zh: (province: string) => province, en: (province: string) => `province ${province}` },
  runWhereFile: { zh: (file: string) => `${file} 中的县`, en: (file: string) => `counties in ${file}` },
  runDone: {
    zh: (counties: number, years: number, seconds: string, countyRows: number, itemFile: string | undefined, itemRows: number, out: string, alsoFiles: readonly string[] = []) =>
      `已计算 ${counties} 个县 × ${years} 年，用时 ${seconds} 秒；已写出 counties.csv（${countyRows} 行）、${itemFile ? `${itemFile}（${itemRows} 行）、` : ''}${alsoFiles.map((f) => `${f}、`).join('')}provinces.csv、summary.json 到 ${out}`,
    en: (counties: number, years: number, seconds: string, countyRows: number, itemFile: string | undefined, itemRows: number, out: string, alsoFiles: readonly string[] = []) =>
      `computed ${counties} counties × ${years} year(s) in ${seconds} s; wrote counties.csv (${countyRows} rows), ${itemFile ? `${itemFile} (${itemRows} rows), ` : ''}${alsoFiles.map((f) => `${f}, `).join('')}provinces.csv, summary.json to ${out}`,
  },

  // explain
  explainDescription: {
    zh: '解释一个县的财力缺口：每个项目的基数、覆盖率、标准、分担比例及其来源，再到转移支付和缺口',
    en: "explain one county's gap: each item's driver, coverage, standard, shares and sources, then transfers and the gap",
  },
  explainArgCounty: { zh: '县的代码（440103）、全称（荔湾区）、简称（荔湾）或拼音（Liwan）；多个县同名时须给代码', en: 'county code (440103), name (荔湾区), short name (荔湾) or pinyin (Liwan); a name shared by several counties needs the code' },
  countyArgument: { zh: '县（命令参数）', en: 'COUNTY argument' },
  noSuchCounty: { zh: (query: string, file: string) => `${file} 中没有代码或名称为“${query}”的县`, en: (query: string, file: string) => `no county with code or name "${query}" in ${file}` },
  ambiguousCounty: {
    zh: (query: string, count: number, list: string) => `“${query}”对应 ${count} 个县：${list}；请给出代码`,
    en: (query: string, count: number, list: string) => `"${query}" matches ${count} counties: ${list}; give the code`,
  },
  scenarioLine: { zh: (name: string, title: string) => `情景 ${name}：${title}`, en: (name: string, title: string) => `Scenario ${name}: ${title}` },

  // compare
  compareDescription: {
    zh: '把情景与基准比较：按县、地市、省、政府层级、项目和年份列出差额；受益与受损的县；均等化指标。只给一个情景时，与其所扩展的情景（上级）比较，年份为其改动生效的年份',
    en: 'compare scenarios with a base: differences by county, prefecture, province, level of government, item and year; winners and losers; equalization measures. Given one scenario only, the base is what it extends (its parent) and the years are those its own changes apply to',
  },
  compareArgBase: { zh: "基准（'baseline'、情景文件或 scenarios/ 中的名称）；只给一个时，为与其上级比较的情景", en: "the base ('baseline', a scenario file or a name in scenarios/); alone, the scenario to compare with its parent" },
  compareArgScenarios: { zh: '与基准比较的情景文件或名称', en: 'scenario files or names to compare with the base' },
  compareOptYear: { zh: '年份（默认：基准为其上级时，为情景自身改动生效的年份；否则为情景的年份）', en: "years (default: the years the scenario's own changes apply to when the base is its parent, else the scenario's years)" },
  compareOptOut: { zh: '输出目录；每个情景一个子目录 compare-<基准>-vs-<情景>', en: 'output folder; each scenario gets a sub-folder compare-<base>-vs-<scenario>' },
  compareOptUnit: { zh: '汇总的金额单位：yuan|wan|yi（元|万元|亿元）；默认为精确到分的元', en: 'unit of the summary amounts: yuan|wan|yi (元|万元|亿元); default exact yuan to the fen' },
  compareOptQuiet: { zh: '不显示汇总', en: 'do not print the summaries' },
  computingBase: { zh: (name: string) => `正在计算基准 ${name}…`, en: (name: string) => `computing base ${name}…` },
  computingScenario: { zh: (k: number, count: number, name: string) => `正在计算情景 ${k}/${count} ${name}…`, en: (k: number, count: number, name: string) => `computing scenario ${k}/${count} ${name}…` },
  wroteFiles: { zh: (count: number, out: string) => `已写出 ${count} 个文件到 ${out}`, en: (count: number, out: string) => `wrote ${n(count, 'file', 'files')} under ${out}` },
  wroteList: { zh: (list: string, out: string) => `已写出 ${list} 到 ${out}`, en: (list: string, out: string) => `wrote ${list} to ${out}` },

  // params
  paramsDescription: { zh: '列出情景可以修改的参数：路径、单位、各年取值（每个值一直有效到下一个）、来源', en: 'list the parameters a scenario can change: path, unit, values by year (each holds until the next), source' },
  paramsArgPath: { zh: '只显示路径以此开头的参数（如 standards.si.ncms_subsidy、rules、transfers）', en: 'show only parameters whose path starts with this (e.g. standards.si.ncms_subsidy, rules, transfers)' },
  paramsOptData: { zh: '政策数据目录', en: 'policy data folder' },
  paramsOptJson: { zh: '输出 JSON 而不是文本', en: 'print JSON instead of text' },
  paramsNone: { zh: (prefix: string) => `没有路径以“${prefix}”开头的参数`, en: (prefix: string) => `no parameter path starts with "${prefix}"` },
  paramsFormula: { zh: '（数值或 =公式）', en: '(number or =formula)' },
  paramsValues: { zh: '取值：', en: 'values: ' },
  paramsSource: { zh: '来源：', en: 'source: ' },

  // schemes
  schemesDescription: {
    zh: '比较均衡性转移支付省对县阶段的各种分配方案，每个方案分配同样的省级资金：基尼系数、泰尔指数（省间/省内）、变异系数、最大最小比、十分位比；有缺口的县数和人口；缺口；由谁负担；每个方案使各县变化多少',
    en: 'compare transfer schemes in the province → county stage of the equalization transfer, every scheme spending the same provincial pools: Gini, Theil (between/within province), CV, max/min, decile ratio; counties and residents in a gap; the gap; who pays; how far each scheme moves each county',
  },
  schemesArgScenario: { zh: "'baseline' 或情景文件（其方案设置用于该方案）", en: "'baseline' or a scenario file (its scheme settings apply to that scheme)" },
  schemesOptPool: { zh: "中央均衡性转移支付总额（元），各年各方案相同（686000000000、6860亿、500万；默认：情景所定）", en: "central equalization pool in yuan, every year and every scheme (686000000000, 6860亿, 500万; default: the scenario's)" },
  schemesOptSchemes: { zh: (ids: string) => `要比较的方案，逗号分隔，或 all（${ids}）`, en: (ids: string) => `schemes to compare, comma-separated, or all (${ids})` },
  schemesWhereProvince: { zh: (province: string) => province, en: (province: string) => `Province ${province}` },
  schemesWhereFile: { zh: (file: string) => `${file} 中的县`, en: (file: string) => `Counties in ${file}` },
  optQuietTable: { zh: '不显示表格', en: 'do not print the table' },
  poolTooLarge: { zh: (value: string, limit: string) => `${value} 过大：资金总额上限为 ${limit} 元`, en: (value: string, limit: string) => `${value} is too large: the largest pool accepted is ${limit} yuan` },
  notAnAmount: { zh: (value: string) => `“${value}”不是以元计的金额（如 686000000000、6860亿、500万）`, en: (value: string) => `"${value}" is not an amount in yuan (e.g. 686000000000, 6860亿, 500万)` },

  // sweep and montecarlo
  sweepDescription: {
    zh: (names: string) => `在一个或两个参数的网格上计算各点的均等化指标（解析路径）：--vary 名称=起:止:步数 或 名称=v1,v2,…；名称：${names}、unit_cost.<领域>、coverage.<领域>、scheme.<设置>`,
    en: (names: string) => `vary one or two parameters over a grid and compute the measures at each point (analytic path): --vary name=from:to:steps or name=v1,v2,…; names: ${names}, unit_cost.<domain>, coverage.<domain>, scheme.<setting>`,
  },
  argScenario: { zh: "'baseline' 或情景文件", en: "'baseline' or a scenario file" },
  sweepOptVary: { zh: '网格的一个轴（给一次或两次），如 equalization_pool=3000亿:9000亿:7 或 central_share=0.2,0.5,0.8', en: 'a grid axis (give once or twice), e.g. equalization_pool=3000亿:9000亿:7 or central_share=0.2,0.5,0.8' },
  sweepOptYear: { zh: '年份（2012、2011-2015）', en: 'years (2012, 2011-2015)' },
  optScheme: { zh: '均衡性转移支付省对县阶段的方案（默认：情景所定，否则 2011 年公式）', en: "scheme for the province → county equalization stage (default: the scenario's, else the 2011 formula)" },
  sweepDone: {
    zh: (points: number, years: number, counties: number, seconds: string, out: string) => `${points} 个网格点 × ${years} 年，${counties} 个县，用时 ${seconds} 秒；已写出 sweep.csv、sweep.json、sweep.svg 到 ${out}`,
    en: (points: number, years: number, counties: number, seconds: string, out: string) => `${points} grid points × ${years} year(s) over ${counties} counties in ${seconds} s; wrote sweep.csv, sweep.json, sweep.svg to ${out}`,
  },
  sweepPanels: {
    zh: { gini: '基尼系数', theil: '泰尔指数', counties_in_gap: '有缺口县数', shortfall: '缺口合计（亿元）', central_pays: '中央负担（亿元）', unfunded: '无资金来源（亿元）' },
    en: { gini: 'Gini', theil: 'Theil', counties_in_gap: 'counties in gap', shortfall: 'shortfall (亿元)', central_pays: 'central pays (亿元)', unfunded: 'unfunded (亿元)' },
  },
  sweepColumns: {
    zh: { gini: '基尼系数', theil: '泰尔指数', theil_between: '泰尔（省间）', theil_within: '泰尔（省内）', counties_in_gap: '有缺口县数', shortfall: '缺口合计（元）' },
    en: { gini: 'gini', theil: 'theil', theil_between: 'theil_between', theil_within: 'theil_within', counties_in_gap: 'counties_in_gap', shortfall: 'shortfall' },
  },
  sweepYear: { zh: '年', en: 'year' },
  sweepAxisYi: { zh: (name: string) => `${name}（亿元）`, en: (name: string) => `${name} (亿元)` },
  sweepChartTitle: {
    zh: (axes: string, scenario: string, year: number) => `${axes} 的网格（${scenario}，${year} 年）`,
    en: (axes: string, scenario: string, year: number) => `Sweep of ${axes} (${scenario}, ${year})`,
  },
  montecarloDescription: {
    zh: '情景不确定性的蒙特卡洛模拟（情景的 uncertainty: 部分，否则 data/uncertainty/default.yaml）：每县缺口的分位数和出现缺口的概率，每年均等化指标的分位数；给定种子可复现，与线程数无关',
    en: "Monte Carlo of the scenario's uncertainty (its `uncertainty:` section, else data/uncertainty/default.yaml): per county the quantiles of the gap and the probability of a gap, per year the quantiles of the equalization measures; seeded and reproducible whatever the number of workers",
  },
  mcOptYear: { zh: '年份（默认：情景的年份）', en: "years (default: the scenario's years)" },
  mcOptDraws: { zh: '抽样次数（默认：uncertainty 部分所定）', en: "number of draws (default: the uncertainty section's)" },
  mcOptSeed: { zh: '随机种子，0 至 4294967295（默认：uncertainty 部分所定）', en: "seed, 0 to 4294967295 (default: the uncertainty section's)" },
  mcOptWorkers: { zh: '工作线程数（0：在本线程计算）', en: 'worker threads (0: compute in this thread)' },
  mcOptQuiet: { zh: '不显示汇总', en: 'do not print the summary' },
  mcOptNoProgress: { zh: '不显示进度条', en: 'no progress bar' },
  mcPrecomputing: {
    zh: (counties: number, years: number) => `正在用精确引擎预先计算线性部分：${counties} 个县 × ${years} 年…`,
    en: (counties: number, years: number) => `precomputing the linear pieces with the exact engine: ${counties} counties × ${years} years…`,
  },
  mcRetired: {
    zh: (parameter: string, file: string) => `${file} 中的 ${parameter} 已不再作用于模型（其他支出即按标准计算的工资、运转和法定支出，随人口变化），不参与抽样`,
    en: (parameter: string, file: string) => `${parameter} in ${file} no longer acts on the model (other spending is salaries, running costs and mandated spending at standards, which follow population); it is left out of the draws`,
  },
  mcDone: {
    zh: (precompute: string, draws: number, years: number, counties: number, seconds: string, workers: number, list: string, out: string) =>
      `预先计算 ${precompute} 秒，${draws} 次抽样 × ${years} 年 × ${counties} 个县用时 ${seconds} 秒，${workers} 个线程；已写出 ${list} 到 ${out}`,
    en: (precompute: string, draws: number, years: number, counties: number, seconds: string, workers: number, list: string, out: string) =>
      `precompute ${precompute} s, ${draws} draws × ${years} years × ${counties} counties in ${seconds} s with ${workers} worker(s); wrote ${list} to ${out}`,
  },
  mcProgressFormat: { zh: ' {phase} [{bar}] {percentage}% | {value}/{total} | 剩余 {eta_formatted}', en: ' {phase} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted}' },
  mcPhaseDraws: { zh: '抽样', en: 'draws' },
  mcChartTitle: {
    zh: (scenario: string, draws: number, seed: number) => `蒙特卡洛模拟：${scenario}，${draws} 次抽样，种子 ${seed}`,
    en: (scenario: string, draws: number, seed: number) => `Monte Carlo: ${scenario}, ${draws} draws, seed ${seed}`,
  },
  mcHeading: {
    zh: (draws: number, seed: number, lo: string, hi: string) => `蒙特卡洛模拟：${draws} 次抽样，种子 ${seed}；中位数 [${quantileZh(lo)}，${quantileZh(hi)}]`,
    en: (draws: number, seed: number, lo: string, hi: string) => `Monte Carlo: ${draws} draws, seed ${seed}; median [${lo}, ${hi}]`,
  },
  mcColumns: {
    zh: { gini: '基尼系数', theil: '泰尔指数', counties_in_gap: '有缺口县数', shortfall: '缺口合计（亿元）' },
    en: { gini: 'Gini', theil: 'Theil', counties_in_gap: 'counties in gap', shortfall: 'shortfall (100 m yuan)' },
  },
  mcMostLikely: {
    zh: (year: number) => `${year} 年最可能出现缺口的县：出现缺口的概率，平均缺口（万元）`,
    en: (year: number) => `Counties most likely to be in a gap in ${year}: P(gap), mean gap (10,000 yuan)`,
  },
  mcInFiles: {
    zh: (measures: number, counties: number, years: number) => `（CSV 文件中有 ${measures} 项指标和 ${counties} 个县 × ${years} 年）`,
    en: (measures: number, counties: number, years: number) => `(${measures} measures and ${counties} counties × ${years} years in the CSV files)`,
  },
  mcSummarizing: { zh: ' 正在汇总…', en: ' summarizing…' },
  wholeNumber: { zh: (what: string, max: number) => `${what} 须为 0 至 ${max} 的整数`, en: (what: string, max: number) => `${what} must be a whole number from 0 to ${max}` },

  // report
  reportDescription: {
    zh: '可阅读的报告：带图表的 HTML 页面（省、县、情景比较）、Excel 工作簿，以及供研究用的整洁 CSV/JSON',
    en: 'readable reports: HTML pages (province, county, scenario comparison) with charts, an Excel workbook, and tidy CSV/JSON for researchers',
  },
  reportOptCompare: { zh: "将情景与基准（'baseline'、情景文件或 scenarios/ 中的名称）比较；给了 --scenario 时默认与该情景所扩展的情景（其上级）比较", en: "compare the scenario with BASE ('baseline', a scenario file or a name in scenarios/); with --scenario the default base is what the scenario extends (its parent)" },
  reportOptCounty: { zh: "只出县级报告：代码（440103）或名称，多个用逗号分隔，或 'all'", en: "county report(s) only: a code (440103) or name, several separated by commas, or 'all'" },
  reportOptYear: { zh: '省级、县级报告和工作簿的年度', en: 'year of the province, county and workbook reports' },
  reportOptYears: { zh: '整洁文件和分年比较的年份（默认：报告年度；比较时为情景的年份）', en: "years of the tidy files and of the comparison by year (default: the report year; the scenario's years for a comparison)" },
  reportOptFormat: { zh: (list: string) => `要写出的格式：${list}`, en: (list: string) => `formats to write: ${list}` },
  reportOptNoCountyPages: { zh: 'HTML：只出省级页面，不出每个县的页面', en: 'HTML: province pages only, no page per county' },
  reportOptQuiet: { zh: '不显示进度', en: 'no progress output' },
  badFormats: {
    zh: (list: string, bad: string) => `请用 ${list} 中的一个或几个，以逗号分隔${bad ? `（不能是 ${bad}）` : ''}`,
    en: (list: string, bad: string) => `use one or more of ${list} separated by commas${bad ? ` (not ${bad})` : ''}`,
  },
  countyOrProvince: { zh: '--county 与 --province 只能给一个', en: 'give either --county or --province, not both' },
  computingNamed: { zh: (name: string, year: number) => `正在计算 ${name} ${year} 年…`, en: (name: string, year: number) => `computing ${name} ${year}…` },
  reportDone: {
    zh: (count: number, out: string, seconds: string, list: string) => `已写出 ${count} 个文件到 ${out}，用时 ${seconds} 秒${list ? `：${list}` : ''}`,
    en: (count: number, out: string, seconds: string, list: string) => `wrote ${count} file(s) to ${out} in ${seconds} s${list ? `: ${list}` : ''}`,
  },

  // template
  templateDescription: {
    zh: '生成可编辑的 Excel 情景模板：每个参数逐年一行，另有一张县级数据表；编辑后用 --scenario 文件.xlsx 运行',
    en: 'write an Excel workbook to edit as a scenario: every parameter by year, and a sheet for county figures; run it with --scenario FILE.xlsx',
  },
  templateOptOut: { zh: '要写出的工作簿', en: 'the workbook to write' },
  templateOptCounties: { zh: '县级数据表列出其中各县的县级数据文件（默认：内置广东数据）', en: 'county file whose counties the county sheet lists (default: the bundled Guangdong file)' },
  templateOptProvince: { zh: '县级数据表只列出该省', en: 'list only this province in the county sheet' },
  templateUnknownProvince: { zh: (province: string) => `未知省份“${province}”`, en: (province: string) => `unknown province "${province}" / 未知省份` },
  templateDone: {
    zh: (out: string, given: string) => `已写出 ${out}：编辑“参数”和“县级数据”两张表，然后运行 \`fiscal-sim run --scenario ${given}\``,
    en: (out: string, given: string) => `wrote ${out}: edit the 参数 and 县级数据 sheets, then run \`fiscal-sim run --scenario ${given}\``,
  },

  // validate
  validateDescription: {
    zh: '将模型的全国和分省汇总数（转移支付总额、税收返还、项目支出和受益人数）与公开数据对照；任何一项超出容差时返回 1',
    en: 'compare national and provincial aggregates of a run with published figures (transfer pools, tax rebates, programme spending and beneficiaries); exit 1 when any lies outside its band',
  },
  validateOptYear: { zh: '要检查的年份（默认：2011–2015 年中有公开数据的每一年）', en: 'years to check (default: every year with a published figure, 2011–2015)' },
  validateOptFigures: { zh: '公开数据目录', en: 'folder of published figures' },
  validateOptOut: { zh: '同时把 validation.csv 写到此目录', en: 'also write validation.csv to this folder' },
  validateOptVerbose: { zh: '显示每项数据的来源和容差理由', en: "print each figure's source and band reason" },
  validateTitle: { zh: (scenario: string, counties: number, years: string) => `fiscal-sim validate — ${scenario}，${counties} 个县，${years} 年`, en: (scenario: string, counties: number, years: string) => `fiscal-sim validate — ${scenario}, ${counties} counties, ${years}` },
  validateHeader: { zh: '状态 | 年 | 指标 | 公开数 | 模型数 | 差异 | 容差', en: 'status | year | figure | published | model | difference | band' },
  statusPass: { zh: '✓ 通过', en: '✓ pass' },
  statusOutside: { zh: '✗ 超出', en: '✗ outside' },
  statusReference: { zh: '· 参考', en: '· reference' },
  statusError: { zh: '! 错误', en: '! error' },
  validateSource: { zh: '来源：', en: 'source: ' },
  validateBand: { zh: '容差理由：', en: 'band: ' },
  validateReference: { zh: '仅作参考：', en: 'reference: ' },
  validateCounts: {
    zh: (pass: number, outside: number, error: number, reference: number) => `${pass} 项在容差内，${outside} 项超出容差，${error} 项无法计算，${reference} 项仅作参考`,
    en: (pass: number, outside: number, error: number, reference: number) => `${pass} within band, ${outside} outside band, ${error} not computable, ${reference} reference only`,
  },
  validateResult: { zh: (pass: number, failed: number) => `validate：${pass} 项通过，${failed} 项未通过`, en: (pass: number, failed: number) => `validate: ${pass} passed, ${failed} failed` },
} satisfies Messages;

/**
 * The readable summary `fiscal-sim run` prints: totals by level, counties in gap, equalization.
 * In Chinese the amounts are in 万元 as a finance office tabulates them; in English in exact yuan.
 * A negative net gap is shown as a surplus (结余), never as a negative 财力缺口.
 */
import type { Lang } from '../i18n/lang.ts';
import { group, moneyIn } from '../i18n/money.ts';
import { inLang, type Messages } from '../i18n/text.ts';
import { formatYuan } from '../model/money.ts';
import { apportionToUnit, fenToSteps, MONEY_UNIT_INFO, stepsText, type MoneyUnit } from './moneyUnits.ts';
import type { InequalitySummary } from '../model/measures/inequality.ts';
import type { YearSummary } from '../tables/summary.ts';

const SUMMARY_TEXT = {
  heading: {
    zh: (title: string, year: number, counties: number, residents: string) => `${title} — ${year}年：${counties} 个县，常住人口 ${residents} 人`,
    en: (title: string, year: number, counties: number, residents: string) => `${title} — ${year}: ${counties} counties, ${residents} residents`,
  },
  byLevel: { zh: (unit: string) => `基本公共服务标准成本，按负担的政府层级（${unit}）`, en: (unit: string) => `Standard cost of the basic-service bundle, by who pays (${unit})` },
  central: { zh: '中央', en: 'central 中央' },
  provincial: { zh: '省级', en: 'provincial 省' },
  prefecture: { zh: '地市级', en: 'prefecture 市' },
  county: { zh: '县级', en: 'county 县' },
  totalCost: { zh: '标准成本合计', en: 'total standard cost' },
  flows: { zh: (unit: string) => `县级收支（${unit}）`, en: (unit: string) => `Flows to counties (${unit})` },
  needs: { zh: '支出需求', en: 'needs 支出需求' },
  planCost: { zh: '  规划服务标准成本', en: '  plan standard cost' },
  otherSpending: { zh: '  工资、运转和其他法定支出', en: '  salaries, running, other mandated' },
  resources: { zh: '可用财力', en: 'resources 可用财力' },
  ownRevenue: { zh: '  本级收入', en: '  own revenue 本级收入' },
  rebates: { zh: '  税收返还', en: '  tax rebates 税收返还' },
  systemSubsidy: { zh: '  体制补助', en: '  system subsidy 体制补助' },
  remittance: { zh: '  减：上解', en: '  less remittance 上解' },
  general: { zh: '  一般性转移支付', en: '  general transfers 一般性转移支付' },
  equalization: { zh: '    其中：均衡性转移支付', en: '    of which equalization 均衡性' },
  guarantee: { zh: '    其中：县级基本财力保障', en: '    of which guarantee 财力保障' },
  special: { zh: '  专项转移支付', en: '  earmarked received 专项转移支付' },
  retained: { zh: '    地市截留', en: '    kept by prefectures 地市截留' },
  itemTied: { zh: '  财政部列为一般性的专项资金', en: '  item-tied classed general by MoF' },
  guaranteeGap: { zh: '保障缺口（保障前）', en: 'guarantee gap before 保障缺口' },
  guaranteeGapAfter: { zh: '保障后剩余缺口', en: 'guarantee gap left 保障后剩余' },
  planGap: { zh: '规划服务缺口', en: 'plan gap 规划服务缺口' },
  planSurplus: { zh: '规划服务结余（缺口为负）', en: 'plan surplus 规划服务结余 (gap below zero)' },
  netGap: { zh: '净财力缺口（Σ缺口）', en: 'net financing gap 财力缺口 (Σ gap)' },
  netSurplus: { zh: '净结余（Σ缺口为负）', en: 'net surplus 结余 (Σ gap below zero)' },
  shortfall: { zh: '缺口合计（Σ正缺口）', en: 'shortfall (Σ positive gaps)' },
  inGap: {
    zh: (inGap: number, counties: number, residents: string, share: string) => `有财力缺口的县：${inGap} 个（共 ${counties} 个）；其常住人口 ${residents} 人（${share}）`,
    en: (inGap: number, counties: number, residents: string, share: string) => `Counties in a gap: ${inGap} of ${counties}; residents in them: ${residents} (${share})`,
  },
  measures: { zh: '人均可用财力的均等化程度（按人口加权；泰尔指数分解为省间/省内）', en: 'Equalization of per-capita resources (population-weighted; Theil split between/within provinces)' },
  measureHeads: { zh: ['基尼', '泰尔', '省间', '省内', '变异系数', '最大/最小', 'D10/D1'], en: ['Gini', 'Theil', 'between', 'within', 'CV', 'max/min', 'D10/D1'] },
  beforeTransfers: { zh: '转移支付前', en: 'before transfers' },
  afterGeneral: { zh: '一般性转移支付后（经济口径）', en: 'after general (economic)' },
  afterGeneralMof: { zh: '一般性转移支付后（财政部口径）', en: 'after general (MoF)' },
  afterAll: { zh: '全部转移支付后', en: 'after all transfers' },
  unweighted: { zh: (ginis: string) => `  （不加权基尼系数：${ginis}）`, en: (ginis: string) => `  (unweighted Gini: ${ginis})` },
} satisfies Messages;

function pad(s: string, n: number, right = false): string {
  const width = [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const fill = ' '.repeat(Math.max(0, n - width));
  return right ? fill + s : s + fill;
}

function f(n: number, digits = 4): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '–';
}

function share(part: number, whole: number): string {
  // a real minus sign, as the amounts have
  return whole !== 0 ? `${((part / whole) * 100).toFixed(1).replace(/^-/, '−')}%` : '–';
}

/** Whole steps of a display unit as text with thousands separators and a real minus sign: −1,234,567.89. */
export function groupedSteps(steps: number, unit: MoneyUnit): string {
  const [whole, frac] = stepsText(Math.abs(steps), unit).split('.');
  return `${steps < 0 ? '−' : ''}${group(Number(whole))}${frac !== undefined ? `.${frac}` : ''}`;
}

/** An amount in a display unit, rounded half away from zero, with separators. */
export function unitAmount(fen: number, unit: MoneyUnit): string {
  return groupedSteps(fenToSteps(fen, unit), unit);
}

/**
 * The summary of one year. `unit` (`--unit`) sets the unit of the amounts; without it Chinese
 * tabulates in 万元 and English in exact yuan. With a unit, the levels are apportioned so that
 * they add up to the printed total, and the two parts of the needs to the printed needs.
 */
export function formatSummary(s: YearSummary, title: string, lang: Lang, unit?: MoneyUnit): string {
  const m = inLang(SUMMARY_TEXT, lang);
  const t = s.totals;
  // Chinese: 万元 with two decimals, as a finance office tabulates; English: exact yuan
  const amount = (fen: number): string => (unit ? unitAmount(fen, unit) : lang === 'zh' ? moneyIn(lang, fen, 'wan').replace(/万元$/, '') : formatYuan(fen));
  const unitName = unit ? MONEY_UNIT_INFO[unit][lang] : lang === 'zh' ? '万元' : 'yuan';
  const lines: string[] = [];
  lines.push(m.heading(title, s.year, s.counties, group(Math.round(s.residents))));
  lines.push('');
  lines.push(m.byLevel(unitName));
  const line = (label: string, text: string, fen: number, of: number): string => `  ${pad(label, 34)}${pad(text, 24, true)}  ${pad(share(fen, of), 7, true)}`;
  const money = (label: string, fen: number, of = t.standardCostFen): string => line(label, amount(fen), fen, of);
  /** parts and their total, apportioned in the display unit when one is chosen */
  const block = (rows: ReadonlyArray<readonly [string, number]>, total: readonly [string, number], of: number): string[] => {
    if (!unit) return [...rows.map(([label, fen]) => money(label, fen, of)), money(total[0], total[1], of)];
    const { parts, total: steps } = apportionToUnit(rows.map(([, fen]) => fen), unit);
    return [...rows.map(([label, fen], k) => line(label, groupedSteps(parts[k]!, unit), fen, of)), line(total[0], groupedSteps(steps, unit), total[1], of)];
  };
  lines.push(...block([[m.central, t.centralFen], [m.provincial, t.provincialFen], [m.prefecture, t.prefectureFen], [m.county, t.countyFen]], [m.totalCost, t.standardCostFen], t.standardCostFen));
  lines.push('');
  lines.push(m.flows(unitName));
  const [needsLine, ...needParts] = block([[m.planCost, t.standardCostFen], [m.otherSpending, t.otherSpendingFen]], [m.needs, t.needsFen], t.standardCostFen).reverse();
  lines.push(needsLine!, ...needParts.reverse());
  lines.push(money(m.resources, t.resourcesFen));
  lines.push(money(m.ownRevenue, t.ownRevenueFen));
  lines.push(money(m.rebates, t.rebatesFen));
  lines.push(money(m.systemSubsidy, t.systemSubsidyFen));
  lines.push(money(m.remittance, t.remittanceFen));
  lines.push(money(m.general, t.generalFen));
  lines.push(money(m.equalization, t.equalizationFen));
  lines.push(money(m.guarantee, t.guaranteeFen));
  lines.push(money(m.special, t.specialFen));
  lines.push(money(m.retained, t.retainedFen));
  lines.push(money(m.itemTied, t.itemTiedGeneralFen));
  lines.push(money(m.guaranteeGap, t.guaranteeGapFen));
  lines.push(money(m.guaranteeGapAfter, t.guaranteeGapAfterFen));
  lines.push(t.planGapFen < 0 ? money(m.planSurplus, -t.planGapFen) : money(m.planGap, t.planGapFen));
  lines.push(t.gapFen < 0 ? money(m.netSurplus, -t.gapFen) : money(m.netGap, t.gapFen));
  lines.push(money(m.shortfall, t.shortfallFen));
  lines.push('');
  lines.push(m.inGap(s.countiesInGap, s.counties, group(Math.round(s.residentsInGap)), share(s.residentsInGap, s.residents)));
  lines.push('');
  lines.push(m.measures);
  lines.push(`  ${pad('', 30)}${m.measureHeads.map((h) => pad(h, 11, true)).join('')}`);
  const row = (label: string, x: InequalitySummary): string =>
    `  ${pad(label, 30)}${[x.gini, x.theil.total, x.theil.between, x.theil.within, x.cv].map((v) => pad(f(v), 11, true)).join('')}${pad(f(x.maxMin, 1), 11, true)}${pad(f(x.decileRatio, 2), 11, true)}`;
  lines.push(row(m.beforeTransfers, s.measuresWeighted.beforeTransfers));
  lines.push(row(m.afterGeneral, s.measuresWeighted.afterGeneral));
  lines.push(row(m.afterGeneralMof, s.measuresWeighted.afterGeneralMof));
  lines.push(row(m.afterAll, s.measuresWeighted.afterAll));
  lines.push(m.unweighted([s.measuresUnweighted.beforeTransfers, s.measuresUnweighted.afterGeneral, s.measuresUnweighted.afterGeneralMof, s.measuresUnweighted.afterAll].map((x) => f(x.gini)).join(' → ')));
  return lines.join('\n');
}

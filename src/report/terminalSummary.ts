/** The readable summary `fiscal-sim run` prints: totals by level, counties in gap, equalization. */
import { formatYuan } from '../model/money.ts';
import type { InequalitySummary } from '../model/measures/inequality.ts';
import type { YearSummary } from '../tables/summary.ts';

function pad(s: string, n: number, right = false): string {
  const width = [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const fill = ' '.repeat(Math.max(0, n - width));
  return right ? fill + s : s + fill;
}

function f(n: number, digits = 4): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '–';
}

function share(part: number, whole: number): string {
  return whole !== 0 ? `${((part / whole) * 100).toFixed(1)}%` : '–';
}

export function formatSummary(s: YearSummary, title: string): string {
  const t = s.totals;
  const lines: string[] = [];
  lines.push(`${title} — ${s.year}: ${s.counties} counties, ${Math.round(s.residents).toLocaleString('en-US')} residents`);
  lines.push('');
  lines.push('Standard cost of the basic-service bundle, by who pays (yuan)');
  const money = (label: string, fen: number, of = t.standardCostFen): string => `  ${pad(label, 34)}${pad(formatYuan(fen), 24, true)}  ${pad(share(fen, of), 7, true)}`;
  lines.push(money('central 中央', t.centralFen));
  lines.push(money('provincial 省', t.provincialFen));
  lines.push(money('prefecture 市', t.prefectureFen));
  lines.push(money('county 县', t.countyFen));
  lines.push(money('total standard cost', t.standardCostFen));
  lines.push('');
  lines.push('Flows to counties (yuan)');
  lines.push(money('needs 支出需求', t.needsFen));
  lines.push(money('  plan standard cost', t.standardCostFen));
  lines.push(money('  salaries, running, other mandated', t.otherSpendingFen));
  lines.push(money('resources 可用财力', t.resourcesFen));
  lines.push(money('  own revenue 本级收入', t.ownRevenueFen));
  lines.push(money('  tax rebates 税收返还', t.rebatesFen));
  lines.push(money('  system subsidy 体制补助', t.systemSubsidyFen));
  lines.push(money('  less remittance 上解', t.remittanceFen));
  lines.push(money('  general transfers 一般性转移支付', t.generalFen));
  lines.push(money('    of which equalization 均衡性', t.equalizationFen));
  lines.push(money('    of which guarantee 财力保障', t.guaranteeFen));
  lines.push(money('  earmarked received 专项转移支付', t.specialFen));
  lines.push(money('    kept by prefectures 地市截留', t.retainedFen));
  lines.push(money('  item-tied classed general by MoF', t.itemTiedGeneralFen));
  lines.push(money('guarantee gap before 保障缺口', t.guaranteeGapFen));
  lines.push(money('guarantee gap left 保障后剩余', t.guaranteeGapAfterFen));
  lines.push(money('plan gap 规划服务缺口', t.planGapFen));
  lines.push(money('net financing gap 财力缺口 (Σ gap)', t.gapFen));
  lines.push(money('shortfall (Σ positive gaps)', t.shortfallFen));
  lines.push('');
  lines.push(`Counties in a gap: ${s.countiesInGap} of ${s.counties}; residents in them: ${Math.round(s.residentsInGap).toLocaleString('en-US')} (${share(s.residentsInGap, s.residents)})`);
  lines.push('');
  lines.push('Equalization of per-capita resources (population-weighted; Theil split between/within provinces)');
  lines.push(`  ${pad('', 26)}${['Gini', 'Theil', 'between', 'within', 'CV', 'max/min', 'D10/D1'].map((h) => pad(h, 9, true)).join('')}`);
  const row = (label: string, m: InequalitySummary): string =>
    `  ${pad(label, 26)}${[m.gini, m.theil.total, m.theil.between, m.theil.within, m.cv].map((x) => pad(f(x), 9, true)).join('')}${pad(f(m.maxMin, 1), 9, true)}${pad(f(m.decileRatio, 2), 9, true)}`;
  lines.push(row('before transfers', s.measuresWeighted.beforeTransfers));
  lines.push(row('after general (economic)', s.measuresWeighted.afterGeneral));
  lines.push(row('after general (MoF)', s.measuresWeighted.afterGeneralMof));
  lines.push(row('after all transfers', s.measuresWeighted.afterAll));
  lines.push('  (unweighted Gini: ' + [s.measuresUnweighted.beforeTransfers, s.measuresUnweighted.afterGeneral, s.measuresUnweighted.afterGeneralMof, s.measuresUnweighted.afterAll].map((m) => f(m.gini)).join(' → ') + ')');
  return lines.join('\n');
}

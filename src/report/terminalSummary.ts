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
  lines.push(money('earmarked transfers received', t.specialFen));
  lines.push(money('  kept by prefectures', t.retainedFen));
  lines.push(money('county own burden', t.ownBurdenFen));
  lines.push(money('own revenue', t.ownRevenueFen));
  lines.push(money('equalization transfer', t.equalizationFen));
  lines.push(money('basic financial guarantee', t.guaranteeFen));
  lines.push(money('general transfers', t.generalFen));
  lines.push(money('capacity for basic services', t.capacityFen));
  lines.push(money('net financing gap (Σ gap)', t.gapFen));
  lines.push(money('shortfall (Σ positive gaps)', t.shortfallFen));
  lines.push('');
  lines.push(`Counties in a gap: ${s.countiesInGap} of ${s.counties}; residents in them: ${Math.round(s.residentsInGap).toLocaleString('en-US')} (${share(s.residentsInGap, s.residents)})`);
  lines.push('');
  lines.push('Equalization of per-capita resources (population-weighted; Theil split between/within provinces)');
  lines.push(`  ${pad('', 26)}${['Gini', 'Theil', 'between', 'within', 'CV', 'max/min', 'D10/D1'].map((h) => pad(h, 9, true)).join('')}`);
  const row = (label: string, m: InequalitySummary): string =>
    `  ${pad(label, 26)}${[m.gini, m.theil.total, m.theil.between, m.theil.within, m.cv].map((x) => pad(f(x), 9, true)).join('')}${pad(f(m.maxMin, 1), 9, true)}${pad(f(m.decileRatio, 2), 9, true)}`;
  lines.push(row('before transfers', s.measuresWeighted.beforeTransfers));
  lines.push(row('after general transfers', s.measuresWeighted.afterGeneral));
  lines.push(row('after all transfers', s.measuresWeighted.afterAll));
  lines.push('  (unweighted Gini: ' + [s.measuresUnweighted.beforeTransfers, s.measuresUnweighted.afterGeneral, s.measuresUnweighted.afterAll].map((m) => f(m.gini)).join(' → ') + ')');
  return lines.join('\n');
}

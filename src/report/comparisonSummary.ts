/**
 * The readable summary `fiscal-sim compare` prints for one scenario against its base. Amounts
 * are exact yuan (元, to the fen) so that the levels add up to the standard cost as printed;
 * every change carries its sign (+/−, and 增/减 in Chinese), never parentheses.
 */
import type { Lang } from '../i18n/lang.ts';
import { apportionToUnit, MONEY_UNIT_INFO, type MoneyUnit } from './moneyUnits.ts';
import { groupedSteps, unitAmount } from './terminalSummary.ts';
import { group, yuanExact } from '../i18n/money.ts';
import type { Bilingual } from '../i18n/text.ts';
import type { Comparison } from '../tables/comparison.ts';

const LEVELS: Readonly<Record<string, Bilingual>> = {
  central: { zh: '中央', en: 'central' },
  provincial: { zh: '省级', en: 'provincial' },
  prefecture: { zh: '地市级', en: 'prefecture' },
  county: { zh: '县级', en: 'county' },
};

/** A change with its sign always written: +1,234.00 / −1,234.00 / 0.00; in Chinese followed by 增 / 减 / 不变. `unit`: in that display unit instead of exact yuan. */
export function signedChange(lang: Lang, fen: number, unit?: MoneyUnit): string {
  const text = `${fen > 0 ? '+' : ''}${unit ? unitAmount(fen, unit) : yuanExact(fen)}`;
  if (lang === 'en') return text;
  return `${text} ${fen > 0 ? '增' : fen < 0 ? '减' : '不变'}`;
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}
const padEnd = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number): string => ' '.repeat(Math.max(0, n - width(s))) + s;

/** The "all zero" sentence for a comparison in which nothing differs, or undefined. */
export function unchangedNote(c: Comparison, lang: Lang, baseName: string, scenarioName: string): string | undefined {
  if (c.unchangedYears.length === 0) return undefined;
  const years = c.unchangedYears.join(', ');
  if (c.unchanged) {
    return lang === 'zh'
      ? `注意：在所比较的年份（${years}）${scenarioName} 与 ${baseName} 完全相同，所有差异均为 0。`
      : `note: ${scenarioName} and ${baseName} are identical in the years compared (${years}): every difference is 0.`;
  }
  return lang === 'zh' ? `注意：${years} 年两者完全相同，差异为 0。` : `note: nothing differs in ${years}.`;
}

/** The comparison's summary; amounts in exact yuan, or in `unit` (`--unit`) rounded half away from zero. */
export function formatComparison(c: Comparison, baseName: string, scenarioName: string, lang: Lang = 'zh', unit?: MoneyUnit): string {
  const zh = lang === 'zh';
  const u = unit ? MONEY_UNIT_INFO[unit][lang] : zh ? '元' : 'yuan';
  const amount = (fen: number): string => (unit ? unitAmount(fen, unit) : yuanExact(fen));
  const lines: string[] = [zh ? `情景 ${scenarioName} 与基准 ${baseName} 比较（金额单位：${u}）` : `${scenarioName} compared with ${baseName} (amounts in ${u})`];
  const note = unchangedNote(c, lang, baseName, scenarioName);
  if (note) lines.push(note);
  const labelWidth = 30;
  const numWidth = 24;
  const row = (label: string, base: number, scenario: number): string =>
    `${padEnd(label, labelWidth)}${padStart(amount(base), numWidth)}${padStart(amount(scenario), numWidth)}${padStart(signedChange(lang, scenario - base, unit), numWidth + (zh ? 3 : 0))}`;
  for (const year of c.years) {
    const t = c.totals.find((g) => g.year === year)!;
    const f = t.fields;
    lines.push('');
    const head = zh ? `${year} 年：${t.counties} 个县（区、市）` : `${year}: ${t.counties} counties`;
    lines.push(`${padEnd(head, labelWidth)}${padStart(zh ? `基准（${u}）` : `base (${u})`, numWidth)}${padStart(zh ? `情景（${u}）` : `scenario (${u})`, numWidth)}${padStart(zh ? `变化（${u}）` : `change (${u})`, numWidth + (zh ? 3 : 0))}`);
    const levels = c.levels.filter((x) => x.year === year);
    const levelLabel = (level: string): string => (zh ? `    其中${LEVELS[level]!.zh}负担` : `    paid by ${LEVELS[level]!.en}`);
    if (!unit) {
      lines.push(row(zh ? '  标准支出' : '  standard cost', f.standardCostFen.base, f.standardCostFen.scenario));
      for (const l of levels) lines.push(row(levelLabel(l.level), l.cost.base, l.cost.scenario));
    } else {
      // in a display unit the levels are apportioned so that they add up to the printed standard cost, in both columns and in the change
      const b = apportionToUnit(levels.map((l) => l.cost.base), unit);
      const s = apportionToUnit(levels.map((l) => l.cost.scenario), unit);
      const stepRow = (label: string, base: number, scenario: number): string => {
        const d = scenario - base;
        const change = `${d > 0 ? '+' : ''}${groupedSteps(d, unit)}${zh ? ` ${d > 0 ? '增' : d < 0 ? '减' : '不变'}` : ''}`;
        return `${padEnd(label, labelWidth)}${padStart(groupedSteps(base, unit), numWidth)}${padStart(groupedSteps(scenario, unit), numWidth)}${padStart(change, numWidth + (zh ? 3 : 0))}`;
      };
      lines.push(stepRow(zh ? '  标准支出' : '  standard cost', b.total, s.total));
      levels.forEach((l, k) => lines.push(stepRow(levelLabel(l.level), b.parts[k]!, s.parts[k]!)));
    }
    lines.push(row(zh ? '  一般性转移支付' : '  general transfers', f.generalFen.base, f.generalFen.scenario));
    lines.push(row(zh ? '  净缺口（负数为结余）' : '  net gap (negative: surplus)', f.gapFen.base, f.gapFen.scenario));
    lines.push(zh ? '  按每人缺口变化分组的县：' : '  counties by change in gap per resident:');
    for (const b of c.bands.filter((x) => x.year === year && x.counties > 0)) {
      const people = group(Math.round(b.population));
      lines.push(
        zh
          ? `    ${padEnd(b.band.labelZh, 30)} ${padStart(String(b.counties), 5)} 个县，${padStart(people, 13)} 人`
          : `    ${padEnd(b.band.label, 42)} ${padStart(String(b.counties), 5)} counties, ${padStart(people, 13)} residents`,
      );
    }
    const m = c.measures.find((x) => x.year === year)!;
    const delta = (a: number, b: number): string => {
      const d = b - a;
      return `${d > 0 ? '+' : d < 0 ? '−' : ''}${Math.abs(d).toFixed(4)}`;
    };
    lines.push(
      zh
        ? `  全部转移支付后（人口加权）基尼系数 ${m.base.afterAll.gini.toFixed(4)} → ${m.scenario.afterAll.gini.toFixed(4)}，变化 ${delta(m.base.afterAll.gini, m.scenario.afterAll.gini)}；泰尔指数 ${m.base.afterAll.theil.total.toFixed(4)} → ${m.scenario.afterAll.theil.total.toFixed(4)}，变化 ${delta(m.base.afterAll.theil.total, m.scenario.afterAll.theil.total)}`
        : `  after all transfers (population-weighted): Gini ${m.base.afterAll.gini.toFixed(4)} → ${m.scenario.afterAll.gini.toFixed(4)} change ${delta(m.base.afterAll.gini, m.scenario.afterAll.gini)}; Theil ${m.base.afterAll.theil.total.toFixed(4)} → ${m.scenario.afterAll.theil.total.toFixed(4)} change ${delta(m.base.afterAll.theil.total, m.scenario.afterAll.theil.total)}`,
    );
  }
  return lines.join('\n');
}

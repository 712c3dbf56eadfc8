/** Text helpers for the HTML reports: escaping and number formats in either language. */
import { formatYuan } from '../../model/money.ts';
import { group } from '../../i18n/money.ts';

const ESC: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ESC[c]!);
}

/** Exact yuan with thousands separators: 123456789 fen → "1,234,567.89". */
export function yuanExact(fen: number): string {
  return formatYuan(fen);
}

/** Yuan in the reader's usual large unit (亿元 / 万元, bn / m yuan) and grouped numbers: in src/i18n/money.ts. */
export { yuanCompact, group } from '../../i18n/money.ts';

export function percent(part: number, whole: number, digits = 1): string {
  return whole !== 0 && Number.isFinite(part / whole) ? `${((part / whole) * 100).toFixed(digits)}%` : '–';
}

export function fixed(n: number, digits: number): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '–';
}

/** People: whole persons with separators (10,000s in Chinese headlines are left to the caller). */
export function persons(n: number): string {
  return group(Math.round(n));
}

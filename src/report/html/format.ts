/** Text helpers for the HTML reports: escaping and number formats in either language. */
import { formatYuan } from '../../model/money.ts';
import { t, type Lang } from './labels.ts';

const ESC: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ESC[c]!);
}

/** Exact yuan with thousands separators: 123456789 fen → "1,234,567.89". */
export function yuanExact(fen: number): string {
  return formatYuan(fen);
}

/** Yuan in the reader's usual large unit: 亿元 / 万元 in Chinese, bn / m yuan in English. */
export function yuanCompact(lang: Lang, fen: number): string {
  const yuan = fen / 100;
  const abs = Math.abs(yuan);
  if (lang === 'zh') {
    if (abs >= 1e8) return `${group(yuan / 1e8, 2)} ${t(lang, 'unitYi')}`;
    if (abs >= 1e4) return `${group(yuan / 1e4, 2)} ${t(lang, 'unitWan')}`;
  } else {
    if (abs >= 1e9) return `${group(yuan / 1e9, 2)} ${t(lang, 'unitYi')}`;
    if (abs >= 1e6) return `${group(yuan / 1e6, 2)} ${t(lang, 'unitWan')}`;
  }
  return `${group(yuan, 2)} ${t(lang, 'yuan')}`;
}

const FORMATS = new Map<number, Intl.NumberFormat>();

/** A number with thousands separators and a fixed number of decimals ("–" when not finite). */
export function group(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return '–';
  let f = FORMATS.get(digits);
  if (!f) FORMATS.set(digits, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f.format(n);
}

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

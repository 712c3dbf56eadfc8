/**
 * Money as a finance office writes it: 元, 万元 (10⁴ yuan) and 亿元 (10⁸ yuan) in Chinese;
 * yuan, m yuan and bn yuan in English. Amounts come in fen (integer hundredths of a yuan), as
 * the model computes them; these are display strings, never figures to compute with.
 */
import type { Lang } from './lang.ts';
import type { Bilingual } from './text.ts';

export type MoneyScale = 'yuan' | 'wan' | 'yi';

/** Name of each display scale: 元 / 万元 / 亿元 (English: yuan, 10,000 yuan, 100 m yuan). */
export const MONEY_SCALE_NAMES: Readonly<Record<MoneyScale, Bilingual>> = {
  yuan: { zh: '元', en: 'yuan' },
  wan: { zh: '万元', en: '10,000 yuan' },
  yi: { zh: '亿元', en: '100 m yuan' },
};

/** Yuan in one display unit. */
export const MONEY_SCALE_DIVISORS: Readonly<Record<MoneyScale, number>> = { yuan: 1, wan: 1e4, yi: 1e8 };

const FORMATS = new Map<number, Intl.NumberFormat>();

/** A number with thousands separators and a fixed number of decimals ("–" when not finite). */
export function group(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return '–';
  let f = FORMATS.get(digits);
  if (!f) FORMATS.set(digits, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f.format(n);
}

/** A minus sign a reader cannot miss (U+2212) in place of the hyphen. */
function minus(s: string): string {
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/**
 * An amount in a chosen unit, two decimals by default: 123456789012 fen in yi → "12.35亿元";
 * English puts the unit's name after a space ("12.35 100 m yuan" reads badly: English text
 * should prefer `money` or `yuanCompact`, which use m / bn yuan).
 */
export function moneyIn(lang: Lang, fen: number, scale: MoneyScale, digits = 2): string {
  const value = minus(group(fen / 100 / MONEY_SCALE_DIVISORS[scale], digits));
  return lang === 'zh' ? `${value}${MONEY_SCALE_NAMES[scale].zh}` : `${value} ${MONEY_SCALE_NAMES[scale].en}`;
}

/** Yuan in the reader's usual large unit: 亿元 / 万元 in Chinese, bn / m yuan in English. */
export function yuanCompact(lang: Lang, fen: number): string {
  const yuan = fen / 100;
  const abs = Math.abs(yuan);
  if (lang === 'zh') {
    if (abs >= 1e8) return `${group(yuan / 1e8, 2)} 亿元`;
    if (abs >= 1e4) return `${group(yuan / 1e4, 2)} 万元`;
  } else {
    if (abs >= 1e9) return `${group(yuan / 1e9, 2)} bn yuan`;
    if (abs >= 1e6) return `${group(yuan / 1e6, 2)} m yuan`;
  }
  return `${group(yuan, 2)} ${lang === 'zh' ? '元' : 'yuan'}`;
}

/** The scale a finance office would choose for an amount: 亿元 from 1亿, 万元 from 1万, else 元. */
export function scaleFor(fen: number): MoneyScale {
  const abs = Math.abs(fen / 100);
  return abs >= 1e8 ? 'yi' : abs >= 1e4 ? 'wan' : 'yuan';
}

/** An amount in the scale `scaleFor` picks, without a space: 36.37亿元, 512.00万元, 35.20元 (English: bn / m yuan as `yuanCompact`). */
export function money(lang: Lang, fen: number): string {
  if (lang === 'en') return minus(yuanCompact(lang, fen));
  return moneyIn(lang, fen, scaleFor(fen));
}

/** An amount with its sign always written: +1.20亿元, −3.00万元, 0.00元. */
export function signedMoney(lang: Lang, fen: number): string {
  const text = money(lang, Math.abs(fen));
  return fen > 0 ? `+${text}` : fen < 0 ? `−${text}` : text;
}

/** Exact yuan from fen with separators and a real minus sign: −1,234,567.89. */
export function yuanExact(fen: number): string {
  const sign = fen < 0 ? '−' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${group(whole, 0)}.${cents}`;
}

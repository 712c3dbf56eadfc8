/** Money amounts typed on the command line: 583411000000, 5.8e11, 5834.11亿, 500万 (yuan). */
import { productToFen } from '../model/money.ts';

const UNITS: Readonly<Record<string, number>> = { '': 1, '亿': 1e8, '万': 1e4, bn: 1e9, b: 1e9, m: 1e6, k: 1e3 };

/** Yuan from text, or undefined when it is not an amount. */
export function parseYuan(text: string): number | undefined {
  const m = /^\s*([+-]?(?:\d[\d,_]*\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(亿|万|bn|b|m|k)?\s*(?:元|yuan)?\s*$/i.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]!.replace(/[,_]/g, ''));
  if (!Number.isFinite(value)) return undefined;
  return value * UNITS[(m[2] ?? '').toLowerCase()]!;
}

/** Fen from text (rounded to the fen), or undefined. */
export function parseFen(text: string): number | undefined {
  const yuan = parseYuan(text);
  return yuan === undefined ? undefined : productToFen([yuan]);
}

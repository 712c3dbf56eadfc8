/** CSV text from rows (RFC 4180 quoting, UTF-8 with BOM so that Excel reads Chinese correctly). */
import type { Row } from '../tables/countyTable.ts';

function cell(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(r[c] ?? '')).join(','));
  return `\uFEFF${lines.join('\n')}\n`;
}

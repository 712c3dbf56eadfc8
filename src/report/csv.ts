/**
 * CSV text from rows (RFC 4180 quoting, UTF-8 with BOM so that Excel reads Chinese correctly).
 * Text that a spreadsheet would run as a formula is neutralised (src/report/cellSafety.ts).
 */
import type { Row } from '../tables/countyTable.ts';
import { safeText } from './cellSafety.ts';

/** One CSV field: neutralised against formula injection, then quoted where RFC 4180 needs it. */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const v = safeText(value);
  return v.includes(',') || v.includes('"') || v.includes('\n') || v.includes('\r') ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  const lines = new Array<string>(rows.length + 1);
  lines[0] = columns.map(csvField).join(',');
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    let line = '';
    for (let c = 0; c < columns.length; c++) line += (c ? ',' : '') + csvField(row[columns[c]!]);
    lines[r + 1] = line;
  }
  return `\uFEFF${lines.join('\n')}\n`;
}

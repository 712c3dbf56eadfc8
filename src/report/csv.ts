/** CSV text from rows (RFC 4180 quoting, UTF-8 with BOM so that Excel reads Chinese correctly). */
import type { Row } from '../tables/countyTable.ts';

function cell(v: string | number | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return String(v);
  return v.includes(',') || v.includes('"') || v.includes('\n') || v.includes('\r') ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  const lines = new Array<string>(rows.length + 1);
  lines[0] = columns.join(',');
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    let line = '';
    for (let c = 0; c < columns.length; c++) line += (c ? ',' : '') + cell(row[columns[c]!]);
    lines[r + 1] = line;
  }
  return `\uFEFF${lines.join('\n')}\n`;
}

/** Running the CLI in-process and reading its CSV outputs, for the report tests. */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { main } from '../../src/cli/main.ts';

/** Run `fiscal-sim ...args` in-process; returns the exit code. */
export async function cli(...args: string[]): Promise<number> {
  return main(['node', 'fiscal-sim', ...args]);
}

export type CsvRecord = Record<string, string>;

export function readCsv(path: string): CsvRecord[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<CsvRecord>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${path}: ${parsed.errors[0]!.message}`);
  return parsed.data;
}

/** Exact fen of a yuan string such as "-1234.56" or "1,234.56". */
export function fen(yuan: string): number {
  const m = /^(-?)([\d,]+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!m) throw new Error(`not an amount: "${yuan}"`);
  const v = Number(m[2]!.replace(/,/g, '')) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -v : v;
}

export function sumFen(rows: readonly CsvRecord[], column: string): number {
  return rows.reduce((a, r) => a + fen(r[column]!), 0);
}

/** data-key → data-value pairs of an HTML page's headline cards. */
export function headlineValues(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of html.matchAll(/data-key="([^"]+)" data-value="([^"]*)"/g)) if (!out.has(m[1]!)) out.set(m[1]!, m[2]!);
  return out;
}

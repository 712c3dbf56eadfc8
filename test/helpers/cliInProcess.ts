/** The CLI run in this process with its output captured, for tests; and a CSV it wrote, read back. */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const code = await main(['node', 'fiscal-sim', ...args]);
  vi.restoreAllMocks();
  return { code, out, err };
}

export function readCsv(file: string): Array<Record<string, string>> {
  return Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}

/** Shared helpers for the hostile-input tests: run the CLI capturing its output, write files. */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { InputError } from '../../src/input/inputError.ts';
import { sampleRow, toCsvText, type CsvRow } from '../helpers/countyCsv.ts';

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Run fiscal-sim in this process, capturing stdout and stderr. */
export async function cli(...args: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await main(['node', 'fiscal-sim', ...args]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `fiscal-sim-${prefix}-`));
}

export function write(dir: string, name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** Five sample counties in Guangdong, Sichuan and Beijing, with overrides for the first. */
export function countyRows(first: CsvRow = {}): CsvRow[] {
  return [sampleRow('440101', first), sampleRow('440102', { directly_managed: 1 }), sampleRow('510101'), sampleRow('510102', { nutrition_pilot: 0 }), sampleRow('110101')];
}

export function countyCsv(first: CsvRow = {}): string {
  return toCsvText(countyRows(first));
}

/** What a refused command must look like: exit 2, a message, no trace, nothing written. */
export function expectRefused(r: CliResult, out: string | undefined, message: RegExp): void {
  if (r.code !== 2 || !message.test(r.err)) throw new Error(`expected exit 2 with ${message}, got ${r.code}:\n${r.err}`);
  if (/\n\s+at .+:\d+:\d+/.test(r.err) || /unexpected error/.test(r.err)) throw new Error(`a stack trace or unexpected error was printed:\n${r.err}`);
  if (out !== undefined && existsSync(out) && readdirSync(out).length > 0) throw new Error(`output was written to ${out}: ${readdirSync(out).join(', ')}`);
}

/** The InputError a load throws (fails the test when it throws nothing or something else). */
export function refusal(load: () => unknown): InputError {
  try {
    load();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

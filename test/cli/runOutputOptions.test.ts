/** `run --items` and `--unit` from the command line: the files written, and refusals of bad values. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { yuanToFen } from '../../src/model/money.ts';
import { sampleRow, toCsvText } from '../helpers/countyCsv.ts';

let dir: string;
let sample: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-run-options-'));
  sample = join(dir, 'sample.csv');
  writeFileSync(sample, toCsvText([sampleRow('440101'), sampleRow('440102', { directly_managed: 1 }), sampleRow('510101')]));
});
afterEach(() => vi.restoreAllMocks());

async function cli(...args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const code = await main(['node', 'fiscal-sim', ...args]);
  vi.restoreAllMocks();
  return { code, err };
}

const readCsv = (file: string): Array<Record<string, string>> => Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

describe('run --items / --unit', () => {
  it('--items summary --unit 万元: items_summary.csv summing items.csv, and 万元 columns', async () => {
    const full = join(dir, 'full');
    const summary = join(dir, 'summary');
    expect((await cli('run', '--counties', sample, '--reference', 'none', '--out', full, '--quiet')).code).toBe(0);
    expect((await cli('run', '--counties', sample, '--reference', 'none', '--out', summary, '--quiet', '--items', 'summary', '--unit', '万元')).code).toBe(0);
    expect(readdirSync(summary).sort()).toEqual(['counties.csv', 'items_summary.csv', 'provinces.csv', 'summary.json']);
    const items = readCsv(join(full, 'items.csv'));
    const rows = readCsv(join(summary, 'items_summary.csv'));
    for (const r of rows) {
      const mine = items.filter((i) => i['item'] === r['item']);
      expect(r['counties']).toBe('3');
      expect(yuanToFen(r['cost']!), r['item']).toBe(mine.reduce((a, i) => a + yuanToFen(i['cost']!), 0));
      expect(r['cost_wan']).toBeDefined();
    }
    const counties = readCsv(join(summary, 'counties.csv'));
    // the exact columns are those of a run without --unit
    const plain = readCsv(join(full, 'counties.csv'));
    counties.forEach((c, i) => {
      for (const [k, v] of Object.entries(plain[i]!)) expect(c[k], k).toBe(v);
      // 万元 to two decimals: within 50 yuan of the exact gap
      expect(Math.abs(Number(c['gap_wan']) * 1e6 - yuanToFen(c['gap']!))).toBeLessThanOrEqual(5_000 + 1e-6);
    });
    expect(JSON.parse(readFileSync(join(summary, 'summary.json'), 'utf8'))).toMatchObject({ items: 'summary', display_unit: { unit: '万元' } });
  });

  it('--items none writes no item file', async () => {
    const out = join(dir, 'none');
    expect((await cli('run', '--counties', sample, '--reference', 'none', '--out', out, '--quiet', '--items', 'none')).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['counties.csv', 'provinces.csv', 'summary.json']);
  });

  it('refuses an unknown detail or unit, in the message language (English here, Chinese with --lang zh), writing nothing', async () => {
    const out = join(dir, 'refused');
    const a = await cli('run', '--counties', sample, '--reference', 'none', '--out', out, '--items', 'some');
    expect(a.code).not.toBe(0);
    expect(a.err).toContain('use full, summary, none');
    expect(a.err).not.toContain('按项目汇总');
    const az = await cli('run', '--counties', sample, '--reference', 'none', '--out', out, '--items', 'some', '--lang', 'zh');
    expect(az.err).toContain('可选 full（逐县逐项）、summary（按项目汇总）、none（不写项目表）');
    const b = await cli('run', '--counties', sample, '--reference', 'none', '--out', out, '--unit', '千元');
    expect(b.code).not.toBe(0);
    expect(b.err).toContain('use yuan, wan or yi (元, 万元 or 亿元)');
    const bz = await cli('run', '--counties', sample, '--reference', 'none', '--out', out, '--unit', '千元', '--lang', 'zh');
    expect(bz.err).toContain('可选 yuan、wan、yi（元、万元、亿元）');
    expect(existsSync(out)).toBe(false);
  });
});

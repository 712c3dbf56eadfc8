import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { HEADER, sampleRow, toCsvText } from '../helpers/countyCsv.ts';
import { SCHEME_IDS } from '../../src/model/transfers/schemes/registry.ts';

const dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-analysis-'));
const countiesFile = join(dir, 'counties.csv');
const rows = ['440101', '440102', '440103', '440201', '510101', '510102', '510201', '110101'].map((code, i) =>
  sampleRow(code, { resident_pop: 300000 + 50000 * i, registered_pop: 280000 + 40000 * i, urban_pop: 100000 + 20000 * i, rural_pop: 200000 + 30000 * i, own_revenue_2011: 180_000_000 + 140_000_000 * i, other_std_expenditure_2011: 850_000_000, general_expenditure_2011: 1_900_000_000, own_revenue_2012: 200_000_000 + 150_000_000 * i }),
);
// the engine runs 2011 before 2012 (growth control), so the file carries 2011 revenue too
writeFileSync(countiesFile, toCsvText(rows, [...HEADER, ...HEADER.filter((h) => h.endsWith('_2012')).map((h) => h.replace('_2012', '_2011'))]));
const common = ['--counties', countiesFile, '--reference', 'none', '--quiet'];

async function run(args: string[]): Promise<number> {
  return main(['node', 'fiscal-sim', ...args]);
}

/** Rows of a CSV file (quoted fields may hold commas). */
function csv(file: string): string[][] {
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\n').map((l) => [...l.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1));
}

describe('fiscal-sim montecarlo', () => {
  it('writes byte-identical files with 1 and with 2 workers', async () => {
    const out1 = join(dir, 'mc1');
    const out2 = join(dir, 'mc2');
    expect(await run(['montecarlo', 'baseline', ...common, '--year', '2012-2014', '--draws', '60', '--seed', '7', '--workers', '1', '--no-progress', '--out', out1])).toBe(0);
    expect(await run(['montecarlo', 'baseline', ...common, '--year', '2012-2014', '--draws', '60', '--seed', '7', '--workers', '2', '--no-progress', '--out', out2])).toBe(0);
    for (const f of ['montecarlo_counties.csv', 'montecarlo_measures.csv', 'montecarlo.json', 'montecarlo.svg']) {
      expect(readFileSync(join(out2, f))).toEqual(readFileSync(join(out1, f)));
    }
    const table = csv(join(out1, 'montecarlo_counties.csv'));
    expect(table[0]).toEqual(['code', 'name', 'province', 'year', 'gap_scenario_exact', 'gap_mean', 'gap_q05', 'gap_q25', 'gap_q50', 'gap_q75', 'gap_q95', 'p_gap']);
    expect(table).toHaveLength(1 + 8 * 3);
    const meta = JSON.parse(readFileSync(join(out1, 'montecarlo.json'), 'utf8')) as { arithmetic: { zh: string; en: string }; seed: number; draws: number };
    expect(meta.arithmetic.en).toMatch(/floating point/);
    expect(meta.arithmetic.zh).toMatch(/^浮点计算/);
    expect([meta.seed, meta.draws]).toEqual([7, 60]);
  });
});

describe('fiscal-sim schemes', () => {
  it('compares every scheme in the province → county stage, each spending the same provincial pools', async () => {
    const out = join(dir, 'schemes');
    expect(await run(['schemes', 'baseline', ...common, '--pool', '3000亿', '--out', out])).toBe(0);
    const summary = csv(join(out, 'schemes.csv'));
    const header = summary[0]!;
    const col = (name: string): number => header.indexOf(name);
    const ids = summary.slice(1).map((r) => r[0]);
    expect(ids).toEqual(['no_equalization', 'status_quo', ...SCHEME_IDS]);
    expect(summary[1]![col('central_pool')]).toBe('0.00');
    for (const r of summary.slice(2)) expect(r[col('central_pool')]).toBe('300000000000.00');
    const pools = new Set(summary.slice(2).map((r) => r[col('county_pool')]));
    expect(pools.size).toBe(1);
    expect(Number([...pools][0])).toBeGreaterThan(0);
    expect(summary[1]![col('equalization')]).toBe('0.00');
    const counties = csv(join(out, 'schemes_counties.csv'));
    expect(counties).toHaveLength(1 + 8 * ids.length);
    expect(readFileSync(join(out, 'schemes.svg'), 'utf8')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('refuses an unknown scheme', async () => {
    expect(await run(['schemes', 'baseline', ...common, '--schemes', 'china_equalization,robin_hood', '--out', join(dir, 'bad')])).toBe(2);
  });
});

describe('fiscal-sim sweep', () => {
  it('one row per grid point and year', async () => {
    const out = join(dir, 'sweep');
    expect(await run(['sweep', 'baseline', ...common, '--vary', 'central_share=0.2:0.8:3', '--vary', 'unit_cost.health=1,1.2', '--year', '2012', '--out', out])).toBe(0);
    const table = csv(join(out, 'sweep.csv'));
    expect(table[0]!.slice(0, 4)).toEqual(['central_share', 'unit_cost.health', 'year', 'gini']);
    expect(table).toHaveLength(1 + 3 * 2);
    expect(await run(['sweep', 'baseline', ...common, '--vary', 'nonsense=1:2:3', '--out', out])).toBe(2);
    expect(await run(['sweep', 'baseline', ...common, '--vary', 'equalization_pool=0,6860亿', '--vary', 'guarantee_close_rate=0.5,1', '--out', out])).toBe(0);
    const pools = csv(join(out, 'sweep.csv'));
    expect(pools[0]!.slice(0, 3)).toEqual(['equalization_pool', 'guarantee_close_rate', 'year']);
    expect(pools).toHaveLength(1 + 2 * 2);
    const eq = pools[0]!.indexOf('equalization');
    // a larger central pool never pays less equalization (eight counties take the whole national pool transfers, so they may have no gap)
    expect(Number(pools[3]![eq])).toBeGreaterThanOrEqual(Number(pools[1]![eq]));
    expect(await run(['sweep', 'baseline', ...common, '--vary', 'scheme.cap_ratio=1,2', '--scheme', 'canada_capacity', '--out', out])).toBe(0);
  });
});

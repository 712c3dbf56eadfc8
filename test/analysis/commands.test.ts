import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { sampleRow, toCsvText } from '../helpers/countyCsv.ts';

const dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-analysis-'));
const countiesFile = join(dir, 'counties.csv');
const rows = ['440101', '440102', '440103', '440201', '510101', '510102', '510201', '110101'].map((code, i) =>
  sampleRow(code, { resident_pop: 300000 + 50000 * i, registered_pop: 280000 + 40000 * i, urban_pop: 100000 + 20000 * i, rural_pop: 200000 + 30000 * i, own_revenue_2012: 200_000_000 + 150_000_000 * i }),
);
writeFileSync(countiesFile, toCsvText(rows));
const common = ['--counties', countiesFile, '--reference', 'none', '--quiet'];

async function run(args: string[]): Promise<number> {
  return main(['node', 'fiscal-sim', ...args]);
}

function csv(file: string): string[][] {
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\n').map((l) => l.split(','));
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
    const meta = JSON.parse(readFileSync(join(out1, 'montecarlo.json'), 'utf8')) as { arithmetic: string; seed: number; draws: number };
    expect(meta.arithmetic).toMatch(/floating point/);
    expect([meta.seed, meta.draws]).toEqual([7, 60]);
  });
});

describe('fiscal-sim schemes', () => {
  it('spends the same pool, exactly, with every scheme', async () => {
    const out = join(dir, 'schemes');
    expect(await run(['schemes', 'baseline', ...common, '--pool', '3亿', '--out', out])).toBe(0);
    const summary = csv(join(out, 'schemes.csv'));
    const ids = summary.slice(1).map((r) => r[0]);
    expect(ids).toEqual(['no_general_transfer', 'status_quo', 'china_equalization', 'basic_guarantee', 'equal_per_capita', 'needs_based', 'gap_filling', 'matching', 'japan_lat', 'australia_hfe', 'canada_capacity']);
    const counties = csv(join(out, 'schemes_counties.csv'));
    const header = counties[0]!;
    const [schemeCol, transferCol] = [header.indexOf('scheme'), header.indexOf('transfer')];
    for (const id of ids.slice(2)) {
      const fen = counties.filter((r) => r[schemeCol] === id).reduce((a, r) => a + Math.round(Number(r[transferCol]) * 100), 0);
      expect(fen).toBe(300_000_000_00);
    }
    expect(readFileSync(join(out, 'schemes.svg'), 'utf8')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('refuses an unknown scheme and a bad pool', async () => {
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
    expect(await run(['sweep', 'baseline', ...common, '--vary', 'scheme.cap_ratio=1,2', '--scheme', 'canada_capacity', '--out', out])).toBe(0);
  });
});

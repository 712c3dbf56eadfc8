/**
 * explain's results cache (src/cli/explainRunCache.ts): a run taken from the cache explains any
 * county exactly as the model's own run does (zh and en, several counties and years, both
 * bases), and an entry is used only for exactly the inputs it was computed from: a county file
 * changed (under the same path or another), another year or basis, or changed code all miss it.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInputsLazily, type LazyInputs } from '../../src/cli/lazyInputs.ts';
import { codeFingerprint, explainRun } from '../../src/cli/explainRunCache.ts';
import { resolveCounty } from '../../src/input/placeNames.ts';
import { explainCounty } from '../../src/report/explainCounty.ts';
import { runScenario } from '../../src/simulation/runScenario.ts';
import type { YearRun } from '../../src/simulation/runSimulation.ts';
import { DEFAULT_COUNTIES } from '../../src/simulation/countySet.ts';
import { cli } from '../helpers/cliInProcess.ts';
import { useTempCache } from '../helpers/tempCache.ts';

const SLOW = 300_000;
const tempDir = useTempCache('fiscal-sim-explain-run-');

/** The inputs as explain loads them, with the sources the results cache keys on (the policy data cached first). */
async function inputs(counties?: string, basis?: 'registered'): Promise<LazyInputs & { sources: NonNullable<LazyInputs['sources']> }> {
  await loadInputsLazily({ counties, basis });
  const loaded = await loadInputsLazily({ counties, basis });
  expect(loaded.sources).toBeDefined();
  return loaded as LazyInputs & { sources: NonNullable<LazyInputs['sources']> };
}

const index = (i: LazyInputs, code: string): number => resolveCounty(code, i.set.counties, i.set.focus).index!;
const modelRun = (i: LazyInputs, year: number) => (): Promise<YearRun> => Promise.resolve(runScenario(i.scenario, i.set.counties, [year])[0]!);
const noRun = (): Promise<YearRun> => Promise.reject(new Error('the model ran: the cache was missed'));
const cached = (i: LazyInputs & { sources: NonNullable<LazyInputs['sources']> }, year: number, code: string, run: () => Promise<YearRun>): Promise<YearRun> =>
  explainRun({ ...i.sources, year, basis: i.scenario.basis }, i.scenario, i.set.counties, index(i, code), run);

describe("explain's results cache", () => {
  it('explains every county from the cached run exactly as from the model, in zh and en', async () => {
    const i = await inputs();
    for (const year of [2012, 2014]) {
      const model = await modelRun(i, year)();
      // the first stores the run; the others (any county) read it and never run the model
      await cached(i, year, '440232', modelRun(i, year));
      for (const code of ['440232', '440105', '441481', '440307']) {
        const fromCache = await cached(i, year, code, noRun);
        for (const lang of ['zh', 'en'] as const) expect(explainCounty(fromCache, index(i, code), i.scenario.policy, lang)).toBe(explainCounty(model, index(i, code), i.scenario.policy, lang));
      }
    }
  }, SLOW);

  it('is keyed on the basis: the registered basis misses the resident entry, then explains as the model does', async () => {
    const i = await inputs(undefined, 'registered');
    await expect(cached(i, 2012, '440232', noRun)).rejects.toThrow('the model ran');
    const model = await modelRun(i, 2012)();
    await cached(i, 2012, '440232', modelRun(i, 2012));
    const fromCache = await cached(i, 2012, '441481', noRun);
    expect(explainCounty(fromCache, index(i, '441481'), i.scenario.policy, 'zh')).toBe(explainCounty(model, index(i, '441481'), i.scenario.policy, 'zh'));
  }, SLOW);

  it('misses when a county file changes, under the same path too, and then shows the new figures', async () => {
    const file = join(tempDir(), 'counties.csv');
    copyFileSync(DEFAULT_COUNTIES, file);
    const before = await inputs(file);
    await cached(before, 2012, '440232', modelRun(before, 2012));
    expect(await cached(before, 2012, '440232', noRun)).toBeDefined();
    // one figure of 乳源 changed in place: own revenue 2012 (the column by its header), one yuan more
    const lines = readFileSync(file, 'utf8').split('\n');
    const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
    const col = header.indexOf('own_revenue_2012');
    expect(col).toBeGreaterThan(0);
    const row = lines.findIndex((l) => l.startsWith('440232,'));
    const cells = lines[row]!.split(',');
    cells[col] = String(Number(cells[col]) + 1);
    lines[row] = cells.join(',');
    writeFileSync(file, lines.join('\n'));
    const after = await inputs(file);
    await expect(cached(after, 2012, '440232', noRun)).rejects.toThrow('the model ran');
    const model = await modelRun(after, 2012)();
    const stored = await cached(after, 2012, '440232', modelRun(after, 2012));
    expect(stored.result.countyTable.row(index(after, '440232')).ownRevenueFen).toBe(before.set.counties[index(before, '440232')]!.fiscal['own_revenue']![2012]! * 100 + 100);
    const fromCache = await cached(after, 2012, '440232', noRun);
    expect(explainCounty(fromCache, index(after, '440232'), after.scenario.policy, 'en')).toBe(explainCounty(model, index(after, '440232'), after.scenario.policy, 'en'));
    // another year is another entry
    await expect(cached(after, 2013, '440232', noRun)).rejects.toThrow('the model ran');
  }, SLOW);

  it('is keyed on every file of the code', () => {
    const code = join(tempDir(), 'code');
    mkdirSync(join(code, 'model'), { recursive: true });
    writeFileSync(join(code, 'model', 'runYear.js'), 'export const a = 1;\n');
    const first = codeFingerprint(code);
    expect(codeFingerprint(code).equals(first)).toBe(true);
    writeFileSync(join(code, 'model', 'runYear.js'), 'export const a = 2;\n');
    expect(codeFingerprint(code).equals(first)).toBe(false);
    writeFileSync(join(code, 'model', 'runYear.js'), 'export const a = 1;\n');
    writeFileSync(join(code, 'model', 'new.js'), '');
    expect(codeFingerprint(code).equals(first)).toBe(false);
    // hidden folders (dist/.input-cache) are not code
    rmSync(join(code, 'model', 'new.js'));
    mkdirSync(join(code, '.input-cache'));
    writeFileSync(join(code, '.input-cache', 'entry.bin'), 'x');
    expect(codeFingerprint(code).equals(first)).toBe(true);
  });

  it('explain with a scenario or an override file runs the model: the same bytes as without the cache', async () => {
    const own = join(tempDir(), 'own.csv');
    writeFileSync(own, 'code,own_revenue_2012\n440232,123456789\n');
    for (const args of [['--scenario', 'scenarios/raise_basic_pension.yaml', '--year', '2014'], ['--override', own]]) {
      const withCache = await cli('explain', '440232', '--lang', 'en', ...args);
      process.env['FISCAL_SIM_CACHE'] = 'off';
      const without = await cli('explain', '440232', '--lang', 'en', ...args);
      delete process.env['FISCAL_SIM_CACHE'];
      expect(withCache.code).toBe(0);
      expect(withCache.out).toBe(without.out);
    }
  }, SLOW);
});

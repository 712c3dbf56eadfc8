/**
 * explain's loading (src/cli/lazyInputs.ts): the same inputs as loadInputs, taking the policy
 * data from the input cache without loading the parsers, and handing anything to parse (a
 * scenario, an override file, a cache not filled) to loadInputs; and the CLI registering only the
 * command it runs (main.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadInputs, type Inputs } from '../../src/simulation/loadInputs.ts';
import { loadInputsLazily } from '../../src/cli/lazyInputs.ts';
import { buildProgram, commandOf } from '../../src/cli/main.ts';
import type { RunOptions } from '../../src/cli/commonOptions.ts';
import { DEFAULT_DATA_DIR } from '../../src/input/bundledPaths.ts';
import { useTempCache } from '../helpers/tempCache.ts';

const SLOW = 240_000;
const tempDir = useTempCache('fiscal-sim-lazy-inputs-');

/** What a run takes from the inputs: the policy, the scenario's data, the counties and the override figures. */
function sameInputs(a: Inputs, b: Inputs): boolean {
  const data = (x: Inputs) => ({ basePolicy: x.basePolicy, scenario: { ...x.scenario, applyToCounties: undefined }, counties: x.scenario.applyToCounties(x.set.counties), set: x.set, overrides: x.overrides, ownFigures: x.ownFigures });
  return isDeepStrictEqual(data(a), data(b));
}

describe('loadInputsLazily', () => {
  it('gives what loadInputs gives, before the cache is filled (it parses) and after (from the cache)', async () => {
    const cases: RunOptions[] = [{ data: DEFAULT_DATA_DIR }, { data: DEFAULT_DATA_DIR, basis: 'registered' }, { data: DEFAULT_DATA_DIR, province: '44' }];
    for (const opts of cases) {
      const lazy = await loadInputsLazily(opts);
      expect(sameInputs(lazy, loadInputs(opts)), JSON.stringify(opts)).toBe(true);
      // the second time from the cache the first filled
      expect(sameInputs(await loadInputsLazily(opts), lazy), JSON.stringify(opts)).toBe(true);
    }
  }, SLOW);

  it('hands a scenario and an override file to loadInputs, with the same result', async () => {
    const own = join(tempDir(), 'own.csv');
    writeFileSync(own, 'code,own_revenue_2012,fiscal_staff\n440232,123456789,9000\n');
    const scenario = new URL('../../scenarios/raise_basic_pension.yaml', import.meta.url).pathname;
    for (const opts of [{ data: DEFAULT_DATA_DIR, scenario }, { data: DEFAULT_DATA_DIR, override: [own] }] as RunOptions[]) {
      const lazy = await loadInputsLazily(opts);
      expect(lazy.scenario.name).toBe(opts.scenario ? 'raise_basic_pension' : 'baseline');
      expect(lazy.overrides === undefined).toBe(opts.override === undefined);
      expect(sameInputs(lazy, loadInputs(opts))).toBe(true);
    }
  }, SLOW);
});

describe('the command a command line runs', () => {
  it('is its first word that is not an option, when it names a command', () => {
    expect(commandOf(['explain', '440232'])).toBe('explain');
    expect(commandOf(['--lang', 'en', 'explain', '440232'])).toBe('explain');
    expect(commandOf(['--lang=en', 'run', '--year', '2012'])).toBe('run');
    expect(commandOf(['-h'])).toBeUndefined();
    expect(commandOf([])).toBeUndefined();
    expect(commandOf(['help', 'explain'])).toBeUndefined();
    expect(commandOf(['explian'])).toBeUndefined();
  });

  it('registers that command alone, and every command otherwise', async () => {
    expect((await buildProgram('en', 'explain')).commands.map((c) => c.name())).toEqual(['explain']);
    expect((await buildProgram('en')).commands.map((c) => c.name())).toEqual(['run', 'explain', 'compare', 'params', 'schemes', 'sweep', 'montecarlo', 'report', 'validate', 'template']);
    // the same help for a command either way
    const alone = (await buildProgram('zh', 'explain')).commands[0]!.helpInformation();
    expect(alone).toBe((await buildProgram('zh')).commands.find((c) => c.name() === 'explain')!.helpInformation());
  });
});

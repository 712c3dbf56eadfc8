import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input/inputError.ts';
import { loadPolicyData } from '../../src/input/policyData.ts';
import { baselineScenario } from '../../src/scenarios/scenario.ts';
import { runScenario } from '../../src/simulation/runScenario.ts';
import { loadScenario } from '../../src/scenarios/scenarioFile.ts';
import { loadCountySet } from '../../src/simulation/countySet.ts';

describe('a scenario chooses the transfer scheme of the province → county stage', () => {
  const policy = loadPolicyData();
  const set = loadCountySet({ reference: 'none' });
  const dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-scheme-'));

  it('spends the same pool, shared differently', () => {
    const file = join(dir, 'lat.yaml');
    writeFileSync(file, 'title: Japan-style allocation\nscheme: japan_lat\n');
    const scenario = loadScenario(file, policy);
    expect(scenario.schemeConfig).toBeDefined();
    const [base] = runScenario(baselineScenario(policy), set.counties, [2012]);
    const [lat] = runScenario(scenario, set.counties, [2012]);
    const total = (r: typeof base) => r!.result.counties.reduce((a, c) => a + c.equalizationFen, 0);
    expect(total(lat)).toBe(total(base));
    expect(lat!.result.counties.map((c) => c.equalizationFen)).not.toEqual(base!.result.counties.map((c) => c.equalizationFen));
    expect(lat!.result.counties.every((c) => c.equalizationFen >= 0)).toBe(true);
  });

  it('refuses an unknown scheme at load', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'title: no such scheme\nscheme: atlantis\n');
    expect(() => loadScenario(file, policy)).toThrow(InputError);
    try {
      loadScenario(file, policy);
    } catch (e) {
      expect((e as InputError).problems[0]).toMatchObject({ file, line: 2 });
    }
  });
});

/**
 * Regression pairs: every library scenario in scenarios/ run over the default data must
 * reproduce its <name>.expected.csv exactly (regenerate deliberately with
 * `npm run scenarios:expected` and review the diff).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicyData, type PolicyData } from '../../src/input/policyData.ts';
import { expectedOutputCsv } from '../../src/report/expectedOutput.ts';
import { runScenario } from '../../src/simulation/runScenario.ts';
import { loadScenario } from '../../src/scenarios/scenarioFile.ts';
import { loadCountySet, type CountySet } from '../../src/simulation/countySet.ts';
import { compareRuns, COMPARE_FIELDS } from '../../src/tables/comparison.ts';

const dir = new URL('../../scenarios/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

let policy: PolicyData;
let set: CountySet;
beforeAll(() => {
  policy = loadPolicyData();
  set = loadCountySet({});
});

describe('scenario library', () => {
  it('has the scenarios the issue names, each with an expected output and a cited reference', () => {
    expect(files).toEqual(expect.arrayContaining([
      'baseline_2012.yaml', 'standard_paths_2011_2015.yaml', 'tiers_2018_in_2012.yaml', 'raise_basic_pension.yaml',
      'nutrition_all_rural.yaml', 'special_to_general.yaml', 'all_directly_managed.yaml', 'registered_population.yaml',
    ]));
    for (const f of files) {
      expect(existsSync(join(dir, f.replace(/\.yaml$/, '.expected.csv'))), f).toBe(true);
      expect(readFileSync(join(dir, f), 'utf8'), f).toMatch(/^# .+/);
    }
  });

  for (const f of files) {
    it(`${f} reproduces its expected output`, () => {
      const scenario = loadScenario(join(dir, f), policy);
      const actual = expectedOutputCsv(runScenario(scenario, set.counties), set.focus).split('\n');
      const expected = readFileSync(join(dir, f.replace(/\.yaml$/, '.expected.csv')), 'utf8').split('\n');
      const firstDiff = actual.findIndex((line, i) => line !== expected[i]);
      expect(firstDiff === -1 ? null : { line: firstDiff + 1, expected: expected[firstDiff], actual: actual[firstDiff] }).toBeNull();
      expect(actual.length).toBe(expected.length);
    });
  }

  it('a scenario that changes nothing gives an all-zero difference, and any scenario can be the base of another', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'fiscal-sim-'));
    writeFileSync(join(tmp, 'nothing.yaml'), `title: changes nothing\nextends: ${join(dir, 'raise_basic_pension.yaml')}\n`);
    const base = loadScenario(join(dir, 'raise_basic_pension.yaml'), policy);
    const same = loadScenario(join(tmp, 'nothing.yaml'), policy);
    const c = compareRuns(runScenario(base, set.counties, [2014]), runScenario(same, set.counties, [2014]), set.focus);
    for (const row of c.counties) for (const f of COMPARE_FIELDS) expect(row.fields[f].delta).toBe(0);
    expect(c.bands.find((b) => b.band.label.startsWith('unchanged'))!.counties).toBe(set.focus.length);
  });

  it('the pension scenario raises only pension costs, paid as the rule says', () => {
    const base = loadScenario(join(dir, 'baseline_2012.yaml'), policy);
    const raised = loadScenario(join(dir, 'raise_basic_pension.yaml'), policy);
    const c = compareRuns(runScenario(base, set.counties, [2013, 2014]), runScenario(raised, set.counties, [2013, 2014]), set.focus);
    const changed = c.items.filter((i) => i.cost.delta !== 0);
    expect(changed.every((i) => i.year === 2014)).toBe(true);
    expect(changed.map((i) => i.item).sort()).toEqual(['si.rural_pension_basic', 'si.urban_resident_pension_basic']);
    for (const i of changed) {
      // Guangdong is east: the centre pays 50% of the basic pension (government_full, east 0.5)
      expect(i.cost.scenario / i.cost.base).toBeCloseTo(70 / 55, 6);
      expect(i.central.delta / i.cost.delta).toBeCloseTo(0.5, 6);
    }
  });
});

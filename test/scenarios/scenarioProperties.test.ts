import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { valueAt } from '../../src/input/datedValues.ts';
import { loadPolicyData, type PolicyData } from '../../src/input/policyData.ts';
import { listParameters, type ParameterInfo } from '../../src/scenarios/parameterRegistry.ts';
import { baselineScenario } from '../../src/scenarios/scenario.ts';
import { runScenario } from '../../src/simulation/runScenario.ts';
import { loadScenario } from '../../src/scenarios/scenarioFile.ts';
import { loadCountySet, type CountySet } from '../../src/simulation/countySet.ts';
import type { YearRun } from '../../src/simulation/runSimulation.ts';

let policy: PolicyData;
let set: CountySet;
let params: ParameterInfo[];
let dir: string;
let baseline2012: YearRun[];
beforeAll(() => {
  policy = loadPolicyData();
  set = loadCountySet({ reference: 'none' });
  params = listParameters(policy);
  dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-prop-'));
  baseline2012 = runScenario(baselineScenario(policy), set.counties, [2012]);
});

let n = 0;
function write(content: object): string {
  const file = join(dir, `s${n++}.json`);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

/** Every county figure of two runs, for exact comparison. */
function figures(runs: readonly YearRun[]): unknown {
  return runs.map((r) => ({ counties: r.result.counties, items: [...r.result.items.columns.costFen], central: [...r.result.items.columns.centralFen] }));
}

describe('scenario invariants (property tests)', () => {
  it('setting any parameters to their baseline values changes nothing', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 8 }), (picks) => {
        const chosen = picks.map((k) => params[k % params.length]!);
        const changes = [...new Set(chosen)].map((p) => ({ path: p.path, values: { 2012: valueAt(p.values, 2012) } }));
        const scenario = loadScenario(write({ title: 'baseline values', changes }), policy);
        expect(figures(runScenario(scenario, set.counties, [2012]))).toEqual(figures(baseline2012));
      }),
      { numRuns: 12 },
    );
  });

  it('stacking A then B equals one scenario with B’s values over A’s', () => {
    const numeric = () => params.filter((p) => ['yuan_standard', 'share', 'grouped_share', 'rate'].includes(p.kind));
    const arbChange = fc.record({ k: fc.nat({ max: 10_000 }), x: fc.integer({ min: 0, max: 100 }), year: fc.constantFrom(2011, 2012) }).map(({ k, x, year }) => {
      const list = numeric();
      const p = list[k % list.length]!;
      const value = p.kind === 'yuan_standard' ? x * 10 : p.kind === 'rate' ? x / 1000 : x / 100;
      return { path: p.path, values: { [year]: value } };
    });
    fc.assert(
      fc.property(fc.array(arbChange, { minLength: 1, maxLength: 5 }), fc.array(arbChange, { minLength: 1, maxLength: 5 }), (a, b) => {
        const fileA = write({ title: 'scenario A', changes: a });
        const stacked = loadScenario(write({ title: 'B on A', extends: fileA, changes: b }), policy);
        const single = loadScenario(write({ title: 'A and B', changes: [...a, ...b] }), policy);
        expect(figures(runScenario(stacked, set.counties, [2011, 2012]))).toEqual(figures(runScenario(single, set.counties, [2011, 2012])));
      }),
      { numRuns: 10 },
    );
  });
});

describe('formulas over county columns', () => {
  it('a dibao standard as a share of own revenue per resident is evaluated per county', () => {
    const scenario = loadScenario(write({ title: 'dibao by formula', changes: [{ path: 'standards.ss.dibao_rural.standard', values: { 2012: '= 0.01 * own_revenue / resident_pop' } }] }), policy);
    const [run] = runScenario(scenario, set.counties, [2012]);
    const k = run!.params.items.findIndex((i) => i.id === 'ss.dibao_rural');
    const c = run!.counties[0]!;
    const row = run!.result.items.at(k);
    const monthly = (0.01 * c.fiscal['own_revenue']![2012]!) / c.drivers['resident_pop']!;
    // 0.0806: rural dibao recipients in 2012 (民政部 2012 bulletin, 5344.5万) ÷ the rural_pop driver's national sum
    const expectedYuan = c.drivers['rural_pop']! * 1 * 0.0806 * monthly * 12;
    expect(row.costFen).toBe(Math.round(expectedYuan * 100));
    // other items are untouched
    const base = baseline2012[0]!.result.items;
    expect(run!.result.items.at(0).costFen).toBe(base.at(0).costFen);
  });
  it('a formula that gives a share above 1 for some county is refused with the county named, and the file, line and column of the formula', () => {
    const file = write({ title: 'bad share', changes: [{ path: 'standards.ss.dibao_rural.coverage', values: { 2012: '= rural_pop / 1000' } }] });
    const scenario = loadScenario(file, policy);
    expect(() => runScenario(scenario, set.counties, [2012])).toThrow(/:1:\d+: standards.ss.dibao_rural.coverage 2012: formula "rural_pop \/ 1000" for county \d{6} \S+ in 2012: gives \d+(\.\d+)?; a share must be between 0 and 1/);
    expect(() => runScenario(scenario, set.counties, [2012])).toThrow(file);
  });
});

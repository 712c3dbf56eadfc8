/**
 * The national 2012 baseline (issue 9's acceptance): every equalization coefficient is at most 1,
 * each general transfer spends its cited pool exactly to the fen, and the gap is needs less
 * resources in every county.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicyData, type PolicyData } from '../../src/input/policyData.ts';
import { loadCountyFile } from '../../src/input/countyFile.ts';
import { productToFen } from '../../src/model/money.ts';
import { runSimulation, type YearRun } from '../../src/simulation/runSimulation.ts';
import { NATIONAL_COUNTIES } from '../../src/simulation/countySet.ts';
import { valueAt } from '../../src/input/datedValues.ts';

let policy: PolicyData;
let run: YearRun;
beforeAll(() => {
  policy = loadPolicyData();
  const counties = loadCountyFile(NATIONAL_COUNTIES).counties;
  run = runSimulation(policy, counties, { years: [2012], basis: "resident" })[0]!;
}, 60_000);

describe('the national 2012 baseline', () => {
  it('every equalization coefficient is at most 1, nationally and in every province', () => {
    expect(run.result.centralCoefficient).toBeLessThanOrEqual(1);
    for (const p of run.result.provinces) {
      if (!Number.isNaN(p.coefficient)) expect(p.coefficient, p.provinceCode).toBeLessThanOrEqual(1);
      if (!Number.isNaN(p.centralCoefficient)) expect(p.centralCoefficient, p.provinceCode).toBeLessThanOrEqual(1);
    }
    for (const c of run.result.counties) expect(c.equalizationFen + c.generalRetainedByMechanism.equalization).toBeLessThanOrEqual(Math.max(0, c.standardExpenditureFen - c.standardRevenueFen));
  });

  it('each general transfer spends its cited 2012 pool exactly, to the fen', () => {
    const pools = new Map<string, string>([...policy.mechanisms.pools.map((m): [string, string] => [m.id, m.pool]), ['equalization', policy.mechanisms.equalization.pool], ['guarantee', 'guarantee_award_pool']]);
    for (const m of run.result.mechanisms) {
      const cited = productToFen([valueAt(policy.transfers[pools.get(m.id)!]!.values, 2012)!]);
      expect(m.poolFen, m.id).toBe(cited);
      expect(m.unspentFen, m.id).toBe(0);
      expect(m.toCountiesFen + m.upperLevelFen, m.id).toBe(m.poolFen + m.provincialFen);
      const received = run.result.counties.reduce((a, c) => a + c.generalByMechanismFen[m.id] + c.generalRetainedByMechanism[m.id], 0);
      expect(received, m.id).toBe(m.toCountiesFen);
    }
  });

  it('the gap is needs less resources in every county, and no transfer equals it everywhere', () => {
    for (const c of run.result.counties) expect(c.gapFen).toBe(c.needsFen - c.resourcesFen);
    for (const m of run.result.mechanisms) expect(run.result.counties.every((c) => c.gapFen === c.generalByMechanismFen[m.id]), m.id).toBe(false);
    expect(run.result.counties.filter((c) => c.gapFen > 0).length).toBeGreaterThan(0);
    expect(run.result.counties.filter((c) => c.gapFen < 0).length).toBeGreaterThan(0);
  });
});

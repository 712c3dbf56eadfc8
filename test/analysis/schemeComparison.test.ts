import { describe, expect, it } from 'vitest';
import { loadPolicyData } from '../../src/input/policyData.ts';
import { SCHEME_IDS } from '../../src/model/transfers/schemes/registry.ts';
import { resolveScheme } from '../../src/scenarios/schemeSchema.ts';
import { runSimulation } from '../../src/simulation/runSimulation.ts';
import { compareSchemes, countyPayments, runSchemes } from '../../src/analysis/schemeComparison.ts';
import { loadSchemeDefaults } from '../../src/scenarios/schemeData.ts';
import { richCounties } from './richCounties.ts';

const policy = loadPolicyData();
const defaults = loadSchemeDefaults();
const counties = richCounties(80, 5).map((c, i) => (i % 4 === 0 ? { ...c, directlyManaged: false } : c));

describe('scheme comparison in the province → county stage', () => {
  const focus = counties.map((_, i) => i).filter((i) => i % 5 !== 0);
  const configs = SCHEME_IDS.map((id) => resolveScheme({ name: id }, defaults));
  const { runs, counties: projected, statusQuo } = runSchemes({ policy, counties, basis: 'resident', year: 2012, scenarioScheme: null, schemes: configs, titles: {} });
  const c = compareSchemes(2012, projected, focus, runs);

  it('the status quo is the engine as `run` computes it; no equalization pays none', () => {
    expect(c.outcomes.map((o) => o.name)).toEqual(['no_equalization', 'status_quo', ...SCHEME_IDS]);
    const exact = runSimulation(policy, counties, { years: [2012], basis: 'resident' })[0]!.result;
    expect(statusQuo.counties).toEqual(exact.counties);
    expect(c.outcomes[0]!.equalizationFen.every((t) => t === 0)).toBe(true);
    expect(c.outcomes[0]!.countyPoolFen).toBe(0);
  });

  it('every scheme spends each province’s county pool exactly; the pools are the same for every scheme', () => {
    const pools = statusQuo.provinces.map((p) => p.poolFen);
    expect(pools.some((p) => p > 0)).toBe(true);
    for (const run of runs.slice(2)) {
      expect(run.result.provinces.map((p) => p.poolFen)).toEqual(pools);
      for (const p of run.result.provinces) {
        const spent = run.result.counties
          .filter((r) => counties[r.countyIndex]!.provinceCode === p.provinceCode)
          .reduce((a, r) => a + r.equalizationFen + r.generalRetainedByMechanism.equalization, 0);
        expect(spent).toBe(p.poolFen);
      }
    }
    const outcome = c.outcomes.find((o) => o.name === 'equal_per_capita')!;
    expect(outcome.countyPoolFen).toBe(c.countyPoolFen);
  });

  it('simple_gap spends a province pool in proportion to the standard gaps, with no cap at the gap', () => {
    const run = runs.find((r) => r.name === 'simple_gap')!.result;
    let checked = 0;
    for (const p of run.provinces.filter((q) => q.poolFen > 0)) {
      const rows = run.counties.filter((r) => counties[r.countyIndex]!.provinceCode === p.provinceCode);
      const gaps = rows.map((r) => Math.max(0, r.standardExpenditureFen - r.standardRevenueFen));
      const total = gaps.reduce((a, b) => a + b, 0);
      if (total === 0) continue;
      checked++;
      rows.forEach((r, k) => expect(Math.abs(r.equalizationFen + r.generalRetainedByMechanism.equalization - (p.poolFen * gaps[k]!) / total)).toBeLessThan(1));
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('gaps are the engine’s, and who pays adds up to the standard cost', () => {
    for (const [k, o] of c.outcomes.entries()) {
      const rows = focus.map((i) => runs[k]!.result.counties[i]!);
      expect(o.gapsFen).toEqual(rows.map((r) => r.gapFen));
      expect(o.countiesInGap).toBe(rows.filter((r) => r.gapFen > 0).length);
      const cost = rows.reduce((a, r) => a + r.standardCostFen, 0);
      const p = o.payments;
      expect((p.centralFen + p.provincialFen + p.prefectureFen + p.countyFen + p.unfundedFen) / cost).toBeCloseTo(1, 12);
      expect(o.measures.theil.between + o.measures.theil.within).toBeCloseTo(o.measures.theil.total, 12);
    }
  });

  it('the payments attribution, by hand', () => {
    // one county: cost 1000, central 500, provincial 200 (prefecture keeps 70 of the 700 upper-level money: central 50, provincial 20),
    // prefecture 100, county 200; own burden 1000 − (500 + 200 − 70 + 100) = 270. Capacity: own 300 + rebates 20 + general 100 − other 250 = 170.
    // funded 170, of it 100 from general transfers (pool transfers 40 central; equalization 60 with a pass-down share of 0.5 → 30 central): φ = 0.7
    const r = {
      ...statusQuo.counties[0]!,
      centralFen: 500, provincialFen: 200, prefectureFen: 100, retainedFen: 70, ownBurdenFen: 270, ownRevenueFen: 300, rebatesFen: 20, systemSubsidyFen: 0, remittanceFen: 0,
      generalFen: 100, equalizationFen: 60, guaranteeFen: 0, otherSpendingFen: 250,
      generalByMechanismFen: { ...statusQuo.counties[0]!.generalByMechanismFen, ethnic_area: 40, old_revolutionary: 0, border_area: 0, salary_adjustment: 0, rural_tax_reform: 0, eco_zone: 0, resource_exhausted: 0, grain_county: 0, equalization: 60, guarantee: 0 },
    };
    const p = { ...statusQuo.provinces[0]!, poolFen: 200, passedDownFen: 100, guaranteeClosedFen: 0 };
    const pay = countyPayments(r, p);
    expect(pay.centralFen).toBeCloseTo(450 + 70, 9);
    expect(pay.provincialFen).toBeCloseTo(180 + 30, 9);
    expect(pay.prefectureFen).toBe(100);
    expect(pay.countyFen).toBeCloseTo(70, 9);
    expect(pay.unfundedFen).toBeCloseTo(100, 9);
  });
});

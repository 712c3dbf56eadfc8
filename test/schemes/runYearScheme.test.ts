import { describe, expect, it } from 'vitest';
import { richCounties } from '../analysis/richCounties.ts';
import { loadPolicyData } from '../../src/input/policyData.ts';
import { runYear } from '../../src/model/runYear.ts';
import { resolveYear } from '../../src/scenarios/resolveYear.ts';
import { fiscalForYear } from '../../src/scenarios/projection.ts';
import { loadSchemeDefaults } from '../../src/scenarios/schemeData.ts';
import { resolveScheme } from '../../src/scenarios/schemeSchema.ts';

const policy = loadPolicyData();
const defaults = loadSchemeDefaults();
const counties = richCounties(93, 7);
const fiscal = counties.map((c) => fiscalForYear(c, 2012, policy.growth.revenue_growth.values));
const resolved = resolveYear(policy, 2012, 'resident');
// no difficulty coefficient, so that the 2011 formula's county stage is gap × coefficient
const params = { ...resolved, transfers: { ...resolved.transfers, equalization: { ...resolved.transfers.equalization, difficulty: { ...resolved.transfers.equalization.difficulty, weight: 0 } } } };
const baseline = runYear(counties, fiscal, params);

describe('runYear with a configured province → county scheme', () => {
  it('the 2011 formula with no difficulty coefficient is the simple gap rule where the pool is short of the gaps, and stops at the gap where it is not', () => {
    const scheme = resolveScheme({ name: 'simple_gap' }, defaults);
    const r = runYear(counties, fiscal, { ...params, transfers: { ...params.transfers, scheme } });
    let short = 0, ample = 0;
    for (const p of baseline.provinces) {
      const members = baseline.counties.filter((c) => counties[c.countyIndex]!.provinceCode === p.provinceCode).map((c) => c.countyIndex);
      const allocation = (x: typeof baseline, i: number): number => x.counties[i]!.equalizationFen + x.counties[i]!.generalRetainedByMechanism.equalization;
      const gaps = members.map((i) => Math.max(0, baseline.counties[i]!.standardExpenditureFen - baseline.counties[i]!.standardRevenueFen));
      if (p.coefficient < 1) {
        short++;
        expect(members.map((i) => allocation(r, i))).toEqual(members.map((i) => allocation(baseline, i)));
        expect(p.returnedFen).toBe(0);
      } else if (p.coefficient === 1) {
        ample++;
        // the formula gives each county its gap and returns the rest; the simple rule spends it all, above the gaps
        expect(members.map((i) => allocation(baseline, i))).toEqual(gaps);
        expect(p.returnedFen).toBe(p.poolFen - gaps.reduce((a, b) => a + b, 0));
        expect(members.reduce((a, i) => a + allocation(r, i), 0)).toBe(p.poolFen);
      }
    }
    expect(short).toBeGreaterThan(0);
    expect(short + ample).toBeGreaterThan(5);
  });

  it('any scheme spends each province pool exactly over its counties', () => {
    for (const name of ['equal_per_capita', 'japan_lat', 'gap_filling', 'australia_hfe'] as const) {
      const scheme = resolveScheme({ name }, defaults);
      const r = runYear(counties, fiscal, { ...params, transfers: { ...params.transfers, scheme } });
      for (const p of r.provinces) {
        const sum = r.counties.filter((c) => counties[c.countyIndex]!.provinceCode === p.provinceCode).reduce((a, c) => a + c.equalizationFen + c.generalRetainedByMechanism.equalization, 0);
        expect(sum).toBe(p.poolFen);
      }
      // stage 1 (centre → provinces) and the county pools are the same whatever the county scheme
      expect(r.provinces.map((p) => p.poolFen)).toEqual(baseline.provinces.map((p) => p.poolFen));
      expect(r.provinces.map((p) => p.centralAllocationFen)).toEqual(baseline.provinces.map((p) => p.centralAllocationFen));
    }
  });

  it('equal per capita within a province follows population', () => {
    const scheme = resolveScheme({ name: 'equal_per_capita' }, defaults);
    const r = runYear(counties, fiscal, { ...params, transfers: { ...params.transfers, scheme } });
    const inProvince = r.counties.filter((c) => counties[c.countyIndex]!.provinceCode === r.provinces[0]!.provinceCode);
    const perCapita = inProvince.map((c) => (c.equalizationFen + c.generalRetainedByMechanism.equalization) / c.population);
    for (const x of perCapita) expect(x).toBeCloseTo(perCapita[0]!, 3);
  });
});

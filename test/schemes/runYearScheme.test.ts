import { describe, expect, it } from 'vitest';
import { generatedCounties } from '../../bench/syntheticCounties.ts';
import { loadPolicyData } from '../../src/input/policyData.ts';
import { runYear } from '../../src/model/runYear.ts';
import { resolveYear } from '../../src/scenarios/resolveYear.ts';
import { fiscalForYear } from '../../src/scenarios/projection.ts';
import { loadSchemeDefaults } from '../../src/analysis/schemeData.ts';
import { resolveScheme } from '../../src/scenarios/schemeSchema.ts';

const policy = loadPolicyData();
const defaults = loadSchemeDefaults();
const counties = generatedCounties(93, 7);
const fiscal = counties.map((c) => fiscalForYear(c, 2012, policy.growth.revenue_growth.values, policy.growth.other_expenditure_growth.values));
const params = resolveYear(policy, 2012, 'resident');
const baseline = runYear(counties, fiscal, params);

describe('runYear with a configured province → county scheme', () => {
  it('China with no difficulty weight and no growth control gives exactly the default result', () => {
    const scheme = resolveScheme({ name: 'china_equalization', settings: { difficulty_weight: 0, growth_cap: null, growth_floor: null } }, defaults);
    const r = runYear(counties, fiscal, { ...params, transfers: { ...params.transfers, scheme } });
    expect(r.counties).toEqual(baseline.counties);
    expect(r.provinces).toEqual(baseline.provinces);
  });

  it('any scheme spends each province pool exactly over its counties', () => {
    for (const name of ['equal_per_capita', 'japan_lat', 'gap_filling', 'australia_hfe'] as const) {
      const scheme = resolveScheme({ name }, defaults);
      const r = runYear(counties, fiscal, { ...params, transfers: { ...params.transfers, scheme } });
      for (const p of r.provinces) {
        const sum = r.counties.filter((c) => counties[c.countyIndex]!.provinceCode === p.provinceCode).reduce((a, c) => a + c.equalizationFen, 0);
        expect(sum).toBe(p.poolFen);
      }
      // stage 1 (centre → provinces) is the same whatever the county scheme
      expect(r.provinces.map((p) => p.poolFen)).toEqual(baseline.provinces.map((p) => p.poolFen));
    }
  });

  it('equal per capita within a province follows population', () => {
    const scheme = resolveScheme({ name: 'equal_per_capita' }, defaults);
    const r = runYear(counties, fiscal, { ...params, transfers: { ...params.transfers, scheme } });
    const inProvince = r.counties.filter((c) => counties[c.countyIndex]!.provinceCode === r.provinces[0]!.provinceCode);
    const perCapita = inProvince.map((c) => c.equalizationFen / c.population);
    for (const x of perCapita) expect(x).toBeCloseTo(perCapita[0]!, 3);
  });
});

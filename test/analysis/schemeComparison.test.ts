import { describe, expect, it } from 'vitest';
import { generatedCounties } from '../../bench/syntheticCounties.ts';
import { loadPolicyData } from '../../src/input/policyData.ts';
import { runYear } from '../../src/model/runYear.ts';
import { SCHEME_IDS } from '../../src/model/transfers/schemes/registry.ts';
import { fiscalForYear } from '../../src/scenarios/projection.ts';
import { resolveScheme } from '../../src/scenarios/schemeSchema.ts';
import { compareSchemes, type ComparisonYear } from '../../src/analysis/schemeComparison.ts';
import { loadSchemeDefaults } from '../../src/analysis/schemeData.ts';
import { yearParameters } from '../../src/analysis/linearModel.ts';

const policy = loadPolicyData();
const defaults = loadSchemeDefaults();
const counties = generatedCounties(80, 5).map((c, i) => (i % 4 === 0 ? { ...c, directlyManaged: false } : c));

function year(y: number, retention: number): ComparisonYear {
  const base = yearParameters(policy, y, 'resident', null);
  const params = { ...base, transfers: { ...base.transfers, prefectureRetentionPpm: Math.round(retention * 1e6) } };
  const fiscal = counties.map((c) => fiscalForYear(c, y, policy.growth.revenue_growth.values, policy.growth.other_expenditure_growth.values));
  return { year: y, result: runYear(counties, fiscal, params), counties };
}

describe('scheme comparison', () => {
  const focus = counties.map((_, i) => i).filter((i) => i % 5 !== 0);
  const years = [year(2011, 0.2), year(2012, 0.2)];
  const configs = SCHEME_IDS.map((id) => resolveScheme({ name: id }, defaults));
  const pool = 123_456_789_01;
  const c = compareSchemes(years, { focus, poolFen: pool, schemes: configs, titles: {} });
  const rows = focus.map((i) => years[1]!.result.counties[i]!);
  const cost = rows.reduce((a, r) => a + r.standardCostFen, 0);

  it('every scheme spends the pool exactly; the status quo is the engine general transfer', () => {
    expect(c.outcomes.map((o) => o.name)).toEqual(['no_general_transfer', 'status_quo', ...SCHEME_IDS]);
    for (const o of c.outcomes.slice(2)) expect(o.transfersFen.reduce((a, b) => a + b, 0)).toBe(pool);
    expect(c.outcomes[1]!.transfersFen).toEqual(rows.map((r) => r.generalFen));
    expect(c.outcomes[0]!.transfersFen.every((t) => t === 0)).toBe(true);
  });

  it('gaps follow the transfer, and who pays adds up to the standard cost', () => {
    for (const o of c.outcomes) {
      o.gapsFen.forEach((g, k) => expect(g).toBe(rows[k]!.ownBurdenFen - (rows[k]!.ownRevenueFen + o.transfersFen[k]! - rows[k]!.otherStdExpenditureFen)));
      const p = o.payments;
      expect((p.centralFen + p.provincialFen + p.prefectureFen + p.countyFen + p.unfundedFen) / cost).toBeCloseTo(1, 12);
      expect(o.countiesInGap).toBe(o.gapsFen.filter((g) => g > 0).length);
      expect(o.measures.theil.between + o.measures.theil.within).toBeCloseTo(o.measures.theil.total, 12);
    }
    // the status quo's own gaps are the engine's
    expect(c.outcomes[1]!.gapsFen).toEqual(rows.map((r) => r.gapFen));
  });
});

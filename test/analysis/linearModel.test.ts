import { describe, expect, it } from 'vitest';
import { generatedCounties } from '../../bench/syntheticCounties.ts';
import { loadPolicyData } from '../../src/input/policyData.ts';
import { inequalitySummary, gini } from '../../src/model/measures/inequality.ts';
import { runSimulation } from '../../src/simulation/runSimulation.ts';
import { buildLinearModel } from '../../src/analysis/linearModel.ts';
import { EvaluationScratch, evaluatePoint, IX } from '../../src/analysis/evaluate.ts';
import { loadSchemeDefaults } from '../../src/analysis/schemeData.ts';
import { resolveScheme } from '../../src/scenarios/schemeSchema.ts';

const policy = loadPolicyData();
const counties = generatedCounties(124, 3);
const years = [2011, 2012, 2013];
const focus = counties.map((_, i) => i).filter((i) => i % 2 === 0);

describe('the analytic path reproduces the exact engine at the baseline point', () => {
  const model = buildLinearModel({ policy, counties, basis: 'resident', years, focus, groups: ['health', 'education'] });
  const s = new EvaluationScratch(model);
  evaluatePoint(model, {}, s);
  const runs = runSimulation(policy, counties, { years, basis: 'resident' });

  it('gaps to within a yuan per county', () => {
    years.forEach((_, y) => {
      for (let c = 0; c < model.n; c++) {
        const exactCounty = runs[y]!.result.counties[model.countyIndex[c]!]!;
        const exact = exactCounty.gapFen;
        // a yuan, or 1e-10 of the county's equalization transfer where that is larger: the analytic path
        // recomputes the pool allocation in double precision, and synthetic counties receive up to ~10^12 fen
        const tolerance = Math.max(100, 1e-10 * Math.abs(exactCounty.equalizationFen));
        expect(Math.abs(s.gap[y]![c]! - exact)).toBeLessThan(tolerance);
      }
    });
  });

  it('equalization measures and gap counts as the exact results give them', () => {
    years.forEach((_, y) => {
      const rows = focus.map((i) => runs[y]!.result.counties[i]!).filter((r) => r.population > 0);
      const values = rows.map((r) => (r.ownRevenueFen + r.generalFen + r.specialFen) / 100 / r.population);
      const ref = inequalitySummary(values, rows.map((r) => counties[r.countyIndex]!.provinceCode), rows.map((r) => r.population));
      const m = s.measures[y]!;
      expect(m[IX.gini]).toBeCloseTo(ref.gini, 6);
      expect(m[IX.theil]).toBeCloseTo(ref.theil.total, 6);
      expect(m[IX.theil_between]).toBeCloseTo(ref.theil.between, 6);
      expect(m[IX.theil_within]).toBeCloseTo(ref.theil.within, 6);
      expect(m[IX.cv]).toBeCloseTo(ref.cv, 6);
      expect(m[IX.max_min]).toBeCloseTo(ref.maxMin, 4);
      expect(m[IX.decile_ratio]).toBeCloseTo(ref.decileRatio, 5);
      expect(m[IX.gini_before_transfers]).toBeCloseTo(gini(rows.map((r) => r.ownRevenueFen / 100 / r.population), rows.map((r) => r.population)), 9);
      expect(m[IX.counties_in_gap]).toBe(rows.filter((r) => r.gapFen > 0).length);
      const cost = rows.reduce((a, r) => a + r.standardCostFen, 0) / 100;
      const paid = m[IX.central_pays]! + m[IX.provincial_pays]! + m[IX.prefecture_pays]! + m[IX.county_pays]! + m[IX.unfunded]!;
      expect(paid / cost).toBeCloseTo(1, 9);
    });
  });

  it('with a scheme, too', () => {
    const scheme = resolveScheme({ name: 'japan_lat' }, loadSchemeDefaults());
    const withScheme = buildLinearModel({ policy, counties, basis: 'resident', years: [2012], focus, scheme });
    const sc = new EvaluationScratch(withScheme);
    evaluatePoint(withScheme, {}, sc);
    for (let c = 0; c < withScheme.n; c++) expect(Math.abs(sc.gap[0]![c]! - withScheme.exactGapFen[c]!)).toBeLessThan(100);
  });

  it('moves as the parameters move', () => {
    // generated counties are rich next to a national pool; without general transfers some are in a gap
    const lean = { centralPoolFen: 0, provincialPoolRate: 0, guaranteeFillRate: 0 };
    const at = (extra: object): Float64Array[] => {
      const sc = new EvaluationScratch(model);
      evaluatePoint(model, { ...lean, ...extra }, sc);
      return sc.measures;
    };
    const base = at({});
    expect(base[1]![IX.shortfall]).toBeGreaterThan(0);
    expect(at({ unitCost: 1.1 })[1]![IX.shortfall]).toBeGreaterThan(base[1]![IX.shortfall]!);
    expect(at({ revenueLevel: 1.5 })[1]![IX.shortfall]).toBeLessThan(base[1]![IX.shortfall]!);
    expect(at({ centralShare: 1 })[1]![IX.central_pays]).toBeGreaterThan(base[1]![IX.central_pays]!);
    // who pays adds up to the standard cost, also when prefectures keep part of the provincial money
    const kept = at({ retentionRate: 0.3 })[1]!;
    const cost = runs[1]!.result.counties.filter((r) => focus.includes(r.countyIndex)).reduce((a, r) => a + r.standardCostFen, 0) / 100;
    const paid = kept[IX.central_pays]! + kept[IX.provincial_pays]! + kept[IX.prefecture_pays]! + kept[IX.county_pays]! + kept[IX.unfunded]!;
    expect(paid / cost).toBeCloseTo(1, 9);
    // growth rates only act on projected years: 2013 revenue is projected from 2012
    const growth = at({ revenueGrowth: 0.3 });
    expect(growth[0]).toEqual(base[0]);
    expect(growth[2]![IX.net_gap]).toBeLessThan(base[2]![IX.net_gap]!);
  });
});

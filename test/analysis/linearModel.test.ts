import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadPolicyData } from '../../src/input/policyData.ts';
import { gini, inequalitySummary } from '../../src/model/measures/inequality.ts';
import { perCapitaResources } from '../../src/model/measures/equalizationMeasures.ts';
import { cappedGapSpend, difficultyMultipliers } from '../../src/model/transfers/equalization2011.ts';
import { runSimulation } from '../../src/simulation/runSimulation.ts';
import { buildLinearModel, type LinearModel } from '../../src/analysis/linearModel.ts';
import { cappedSpendInto, difficultyInto, EvaluationScratch, evaluatePoint, IX, type Point } from '../../src/analysis/evaluate.ts';
import { loadSchemeDefaults } from '../../src/scenarios/schemeData.ts';
import { resolveScheme } from '../../src/scenarios/schemeSchema.ts';
import type { SchemeConfig } from '../../src/model/transfers/schemes/registry.ts';
import { richCounties } from './richCounties.ts';

const policy = loadPolicyData();
const counties = richCounties(124, 3);
const years = [2012, 2013, 2014];
const focus = counties.map((_, i) => i).filter((i) => i % 2 === 0);
const defaults = loadSchemeDefaults();

/** The analytic path at the scenario's own point against the exact engine: per county, fen. */
function compare(model: LinearModel, scheme: SchemeConfig | undefined, ys: readonly number[]): void {
  const s = new EvaluationScratch(model);
  evaluatePoint(model, {}, s);
  const runs = runSimulation(policy, counties, { years: ys, basis: 'resident', ...(scheme ? { scheme } : {}) });
  ys.forEach((_, y) => {
    const rows = runs[y]!.result.counties;
    let transfers = 0;
    for (let c = 0; c < model.n; c++) {
      const r = rows[model.countyIndex[c]!]!;
      expect(Math.abs(s.gap[y]![c]! - r.gapFen)).toBeLessThan(100);
      expect(Math.abs(s.equalization[y]![c]! - r.equalizationFen)).toBeLessThan(100);
      expect(Math.abs(s.guarantee[y]![c]! - r.guaranteeFen)).toBeLessThan(100);
      expect(model.exactGapFen[y * model.n + c]).toBe(r.gapFen);
      transfers += r.equalizationFen + r.guaranteeFen;
    }
    // the synthetic set is one where both transfers are paid (a test that cannot fail is a defect)
    expect(transfers).toBeGreaterThan(0);
  });
}

describe('the analytic path reproduces the exact engine at the scenario point', () => {
  const model = buildLinearModel({ policy, counties, basis: 'resident', years, focus, groups: ['health', 'education'] });
  const s = new EvaluationScratch(model);
  evaluatePoint(model, {}, s);
  const runs = runSimulation(policy, counties, { years, basis: 'resident' });

  it('gaps, equalization and guarantee to within a yuan per county, every year (growth control in sequence)', () => {
    compare(model, undefined, years);
    expect(runs[0]!.result.counties.some((r) => r.gapFen > 0)).toBe(true);
    expect(runs[0]!.result.counties.some((r) => r.guaranteeGapFen > 0)).toBe(true);
  });

  it('years that are not consecutive take growth control from the exact run', () => {
    compare(buildLinearModel({ policy, counties, basis: 'resident', years: [2012, 2014], focus }), undefined, [2012, 2014]);
  });

  it('with a scheme in the province → county stage, too', () => {
    for (const name of ['japan_lat', 'simple_gap', 'china_equalization'] as const) {
      const scheme = resolveScheme({ name }, defaults);
      compare(buildLinearModel({ policy, counties, basis: 'resident', years: [2012, 2013], focus, scheme }), scheme, [2012, 2013]);
    }
  });

  it('equalization measures and gap counts as the exact results give them (both conventions after general transfers)', () => {
    years.forEach((_, y) => {
      const rows = focus.map((i) => runs[y]!.result.counties[i]!).filter((r) => r.population > 0);
      const pc = rows.map((r) => perCapitaResources(r)!);
      const weights = rows.map((r) => r.population);
      const ref = inequalitySummary(pc.map((p) => p.afterAll), rows.map((r) => counties[r.countyIndex]!.provinceCode), weights);
      const m = s.measures[y]!;
      expect(m[IX.gini]).toBeCloseTo(ref.gini, 6);
      expect(m[IX.theil]).toBeCloseTo(ref.theil.total, 6);
      expect(m[IX.theil_between]).toBeCloseTo(ref.theil.between, 6);
      expect(m[IX.theil_within]).toBeCloseTo(ref.theil.within, 6);
      expect(m[IX.cv]).toBeCloseTo(ref.cv, 6);
      expect(m[IX.max_min]).toBeCloseTo(ref.maxMin, 4);
      expect(m[IX.decile_ratio]).toBeCloseTo(ref.decileRatio, 5);
      expect(m[IX.gini_before_transfers]).toBeCloseTo(gini(pc.map((p) => p.before), weights), 9);
      expect(m[IX.gini_after_general]).toBeCloseTo(gini(pc.map((p) => p.afterGeneral), weights), 6);
      expect(m[IX.gini_after_general_mof]).toBeCloseTo(gini(pc.map((p) => p.afterGeneralMof), weights), 6);
      expect(m[IX.gini_after_general_mof]).not.toBeCloseTo(m[IX.gini_after_general]!, 6);
      expect(m[IX.counties_in_gap]).toBe(rows.filter((r) => r.gapFen > 0).length);
      expect(m[IX.shortfall]! * 100).toBeCloseTo(rows.reduce((a, r) => a + Math.max(0, r.gapFen), 0), -3);
      expect(m[IX.plan_shortfall]! * 100).toBeCloseTo(rows.reduce((a, r) => a + Math.max(0, r.planGapFen), 0), -3);
      const cost = rows.reduce((a, r) => a + r.standardCostFen, 0) / 100;
      const paid = m[IX.central_pays]! + m[IX.provincial_pays]! + m[IX.prefecture_pays]! + m[IX.county_pays]! + m[IX.unfunded]!;
      expect(paid / cost).toBeCloseTo(1, 9);
    });
  });

  it('moves as the parameters move', () => {
    const at = (point: Point): Float64Array[] => {
      const sc = new EvaluationScratch(model);
      evaluatePoint(model, point, sc);
      return sc.measures;
    };
    const base = at({});
    expect(base[1]![IX.shortfall]).toBeGreaterThan(0);
    // no equalization: less equalization paid, more shortfall
    const none = at({ equalizationPoolFen: 0, topUpRate: 0 });
    expect(none[1]![IX.equalization]).toBe(0);
    expect(none[1]![IX.shortfall]).toBeGreaterThan(base[1]![IX.shortfall]!);
    // closing half of each guarantee gap: less guarantee, more shortfall; none: no guarantee
    const half = at({ closeRate: 0.5 });
    expect(half[1]![IX.guarantee]).toBeLessThan(base[1]![IX.guarantee]!);
    expect(half[1]![IX.shortfall]).toBeGreaterThan(base[1]![IX.shortfall]!);
    expect(at({ closeRate: 0 })[1]![IX.guarantee]).toBe(0);
    // no award and no provincial room: nothing can be closed
    expect(at({ awardPoolFen: 0, topUpRate: 0 })[1]![IX.guarantee]).toBeLessThanOrEqual(base[1]![IX.guarantee]!);
    expect(at({ unitCost: 1.1 })[1]![IX.shortfall]).toBeGreaterThan(base[1]![IX.shortfall]!);
    expect(at({ revenueLevel: 1.5 })[1]![IX.shortfall]).toBeLessThan(base[1]![IX.shortfall]!);
    expect(at({ centralShare: 1 })[1]![IX.central_pays]).toBeGreaterThan(base[1]![IX.central_pays]!);
    // a higher standard-revenue rate shrinks standard gaps, hence equalization
    expect(at({ standardRevenueRate: 0.2 })[0]![IX.equalization]).toBeLessThan(base[0]![IX.equalization]!);
    // more population: a larger catalog cost to pay, and more equalization (standard expenditure grows)
    const paidBy = (m: Float64Array): number => m[IX.central_pays]! + m[IX.provincial_pays]! + m[IX.prefecture_pays]! + m[IX.county_pays]! + m[IX.unfunded]!;
    const grown = at({ populationGrowth: 0.05 });
    expect(paidBy(grown[1]!) / paidBy(base[1]!)).toBeCloseTo(1.05 ** 3, 9);
    expect(grown[1]![IX.equalization]).toBeGreaterThan(base[1]![IX.equalization]!);
    // who pays adds up to the standard cost, also when prefectures keep part of the upper-level money
    const kept = at({ retentionRate: 0.3 })[1]!;
    const cost = runs[1]!.result.counties.filter((r) => focus.includes(r.countyIndex)).reduce((a, r) => a + r.standardCostFen, 0) / 100;
    const paid = kept[IX.central_pays]! + kept[IX.provincial_pays]! + kept[IX.prefecture_pays]! + kept[IX.county_pays]! + kept[IX.unfunded]!;
    expect(paid / cost).toBeCloseTo(1, 9);
    // growth rates only act on projected years: 2013 revenue and tax base are projected from 2012
    const growth = at({ revenueGrowth: 0.3 });
    expect(growth[0]).toEqual(base[0]);
    expect(growth[2]![IX.net_gap]).toBeLessThan(base[2]![IX.net_gap]!);
  });
});

describe('pool transfers on the analytic path', () => {
  it('those weighted by the standard gap are re-allocated (spending the same pools), the others held', () => {
    const model = buildLinearModel({ policy, counties, basis: 'resident', years: [2012], focus });
    expect(model.gapPoolIds).toEqual(['ethnic_area', 'eco_zone']);
    const at = (point: Point): Float64Array => {
      const s = new EvaluationScratch(model);
      evaluatePoint(model, point, s);
      return Float64Array.from(s.pools);
    };
    const base = at({});
    const moved = at({ standardRevenueRate: 0.2 });
    const sum = (xs: Float64Array): number => xs.reduce((a, b) => a + b, 0);
    expect(sum(moved) / sum(base)).toBeCloseTo(1, 12);
    const eligible = (c: number): boolean => model.gapPoolEligible[c] === 1 || model.gapPoolEligible[model.n + c] === 1;
    let changed = 0;
    for (let c = 0; c < model.n; c++) {
      if (eligible(c)) changed += Math.abs(moved[c]! - base[c]!) > 100 ? 1 : 0;
      else expect(moved[c]).toBe(base[c]);
    }
    expect(changed).toBeGreaterThan(0);
  });
});

describe('the float steps of the 2011 formula', () => {
  it('difficulty multipliers by hand, and as the engine computes them', () => {
    // rates 0.1, 0.3 (mean 0.2, sd 0.1): z = −1, +1 → 1 ∓ 0.5, clamped to [0.8, 1.2]; the unit with no gap stays 1
    const out = new Float64Array(3);
    difficultyInto(Float64Array.of(10, 30, 0), Float64Array.of(100, 100, 100), 0, 3, 0.5, 0.8, 1.2, out);
    expect([...out]).toEqual([0.8, 1.2, 1]);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 2e9 })), { minLength: 1, maxLength: 30 }), (units) => {
        const gaps = Float64Array.from(units, ([g]) => g);
        const exp = Float64Array.from(units, ([, e]) => e);
        const d = { weight: 0.3, min: 0.7, max: 1.3 };
        const float = new Float64Array(units.length);
        difficultyInto(gaps, exp, 0, units.length, d.weight, d.min, d.max, float);
        difficultyMultipliers([...gaps], [...exp], d).forEach((m, i) => expect(float[i]).toBeCloseTo(m, 12));
      }),
    );
  });

  it('capped spend agrees with the exact one to within a fen per unit, and returns what the caps leave', () => {
    // pool 1000 over gaps 300 and 200: both capped at their gap, 500 not spent
    const out = new Float64Array(2);
    const scratch = { lo: new Float64Array(2), hi: new Float64Array(2), weightsScratch: new Float64Array(2) };
    expect(cappedSpendInto(1000, Float64Array.of(300, 200), Float64Array.of(1, 1), null, Number.NaN, Number.NaN, 0, 2, out, scratch)).toBe(500);
    expect([...out]).toEqual([300, 200]);
    const unit = fc.tuple(fc.integer({ min: 0, max: 1e9 }), fc.double({ min: 0.5, max: 1.5, noNaN: true }), fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: undefined }));
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 25 }), fc.integer({ min: 0, max: 2e10 }), fc.boolean(), (units, pool, band) => {
        const n = units.length;
        const gaps = units.map(([g]) => g);
        const mult = units.map(([, m]) => m);
        const prev = units.map(([, , p]) => p ?? Number.NaN);
        const [cap, floor] = band ? [0.2, -0.2] : [null, null];
        const exact = cappedGapSpend(pool, gaps, mult, prev, cap, floor);
        const float = new Float64Array(n);
        const s = { lo: new Float64Array(n), hi: new Float64Array(n), weightsScratch: new Float64Array(n) };
        const unspent = cappedSpendInto(pool, Float64Array.from(gaps), Float64Array.from(mult), Float64Array.from(prev), cap ?? Number.NaN, floor ?? Number.NaN, 0, n, float, s);
        exact.allocationsFen.forEach((x, i) => expect(Math.abs(x - float[i]!)).toBeLessThanOrEqual(1 + pool * 1e-9));
        expect(Math.abs(unspent - exact.unspentFen)).toBeLessThanOrEqual(n + 1);
      }),
      { numRuns: 300 },
    );
  });
});

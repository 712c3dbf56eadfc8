import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InequalityScratch } from '../../src/analysis/fastInequality.ts';
import { inequalitySummary } from '../../src/model/measures/inequality.ts';

function fast(values: number[], groups: string[], weights?: number[]): Float64Array {
  const codes = [...new Set(groups)];
  const s = new InequalityScratch(values.length, Int32Array.from(groups, (g) => codes.indexOf(g)), codes.length);
  const out = new Float64Array(8);
  s.summarize(Float64Array.from(values), Float64Array.from(weights ?? values.map(() => 1)), out, 0);
  return out;
}

describe('typed-array measures (Monte Carlo, sweeps) against the reference', () => {
  it('known distributions: 1…n has Gini (n − 1) ÷ 3n; two levels put all Theil between groups', () => {
    const n = 100;
    const xs = Array.from({ length: n }, (_, i) => i + 1);
    expect(fast(xs, xs.map(() => 'a'))[0]).toBeCloseTo((n - 1) / (3 * n), 12);
    // 40 counties at 1, 60 at 4, each level its own province: T = Σ s_g ln(x_g/μ), μ = 2.8
    const values = [...Array<number>(40).fill(1), ...Array<number>(60).fill(4)];
    const groups = values.map((v) => (v === 1 ? 'p' : 'q'));
    const mu = 2.8;
    const expected = 0.4 * (1 / mu) * Math.log(1 / mu) + 0.6 * (4 / mu) * Math.log(4 / mu);
    const out = fast(values, groups);
    // the reference (src/model/measures/inequality.ts) gives the same on these known distributions
    const ref = inequalitySummary(values, groups);
    expect(ref.theil.total).toBeCloseTo(expected, 12);
    expect(ref.theil.between + ref.theil.within).toBeCloseTo(ref.theil.total, 12);
    expect(inequalitySummary(xs, xs.map(() => 'a')).gini).toBeCloseTo((n - 1) / (3 * n), 12);
    expect(out[1]).toBeCloseTo(expected, 12);
    expect(out[2]).toBeCloseTo(expected, 12);
    expect(out[3]).toBeCloseTo(0, 12);
    // max/min 4; bottom tenth all 1, top tenth all 4
    expect(out[5]).toBe(4);
    expect(out[6]).toBeCloseTo(4, 12);
  });

  it('property: equal to inequalitySummary, weighted, with ties, and between + within = total', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.oneof(fc.double({ min: 0.01, max: 1e6, noNaN: true }), fc.constantFrom(5, 5, 10)),
            g: fc.constantFrom('440000', '510000', '110000'),
            w: fc.oneof(fc.double({ min: 0.1, max: 1e6, noNaN: true }), fc.constant(1)),
          }),
          { minLength: 1, maxLength: 60 },
        ),
        (rows) => {
          const values = rows.map((r) => r.x);
          const groups = rows.map((r) => r.g);
          const weights = rows.map((r) => r.w);
          const ref = inequalitySummary(values, groups, weights);
          const out = fast(values, groups, weights);
          expect(out[0]).toBeCloseTo(ref.gini, 10);
          expect(out[1]).toBeCloseTo(ref.theil.total, 9);
          expect(out[2]).toBeCloseTo(ref.theil.between, 9);
          expect(out[3]).toBeCloseTo(ref.theil.within, 9);
          expect(out[2]! + out[3]!).toBeCloseTo(out[1]!, 9);
          expect(out[4]).toBeCloseTo(ref.cv, 9);
          expect(out[5]).toBeCloseTo(ref.maxMin, 9);
          expect(out[6]).toBeCloseTo(ref.decileRatio, 9);
          expect(out[7]).toBeCloseTo(ref.mean, 6);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the order is the same whatever order came before (so results do not depend on how draws are split)', () => {
    const s1 = new InequalityScratch(5, new Int32Array(5), 1);
    const s2 = new InequalityScratch(5, new Int32Array(5), 1);
    const v = Float64Array.from([3, 1, 2, 1, 3]);
    s1.sort(Float64Array.from([9, 8, 7, 6, 5]));
    s1.sort(v);
    s2.sort(v);
    expect([...s1.order]).toEqual([1, 3, 2, 0, 4]);
    expect([...s2.order]).toEqual([...s1.order]);
    // negative values and −0 sort too
    s1.sort(Float64Array.from([0, -0, -2, 1e-300, -1e300]));
    expect([...s1.order]).toEqual([4, 2, 0, 1, 3]);
  });
});

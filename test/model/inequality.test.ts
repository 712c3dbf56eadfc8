import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coefficientOfVariation, decileRatio, gini, lorenzCurve, maxMinRatio, theil } from '../../src/model/measures/inequality.ts';

describe('Gini', () => {
  it('is 0 for equal values and (n−1)/n when one unit has everything', () => {
    expect(gini([5, 5, 5, 5])).toBeCloseTo(0, 12);
    expect(gini([0, 0, 0, 10])).toBeCloseTo(0.75, 12);
  });
  it('matches the mean-absolute-difference definition on 1, 2, 3, 4', () => {
    // Σ|xi − xj| over ordered pairs = 20; G = 20 / (2 × 16 × 2.5) = 0.25
    expect(gini([1, 2, 3, 4])).toBeCloseTo(0.25, 12);
  });
  it('weights act as repeated units', () => {
    expect(gini([1, 3], [2, 1])).toBeCloseTo(gini([1, 1, 3]), 12);
  });
  it('property: agrees with Σ|xi−xj| / (2n²μ)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 40 }), (xs) => {
        const n = xs.length;
        const mu = xs.reduce((a, b) => a + b, 0) / n;
        let s = 0;
        for (const a of xs) for (const b of xs) s += Math.abs(a - b);
        expect(gini(xs)).toBeCloseTo(s / (2 * n * n * mu), 9);
      }),
    );
  });
});

describe('Theil T with between/within-province decomposition', () => {
  it('matches a hand computation', () => {
    // values 1 and 3 (mean 2): T = ½(0.5 ln 0.5) + ½(1.5 ln 1.5)
    const expected = 0.5 * (0.5 * Math.log(0.5)) + 0.5 * (1.5 * Math.log(1.5));
    expect(theil([1, 3], ['a', 'a']).total).toBeCloseTo(expected, 12);
    // each in its own group: all inequality is between groups
    const t = theil([1, 3], ['a', 'b']);
    expect(t.between).toBeCloseTo(expected, 12);
    expect(t.within).toBeCloseTo(0, 12);
  });
  it('property: between + within = total, weighted or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.double({ min: 0.01, max: 1e5, noNaN: true }), g: fc.constantFrom('a', 'b', 'c'), w: fc.double({ min: 0.1, max: 1e4, noNaN: true }) }), { minLength: 1, maxLength: 50 }),
        (rows) => {
          const t = theil(rows.map((r) => r.x), rows.map((r) => r.g), rows.map((r) => r.w));
          expect(t.between + t.within).toBeCloseTo(t.total, 9);
          expect(t.total).toBeGreaterThanOrEqual(-1e-12);
        },
      ),
    );
  });
});

describe('other measures', () => {
  it('CV, max/min, decile ratio, Lorenz', () => {
    expect(coefficientOfVariation([1, 3])).toBeCloseTo(0.5, 12);
    expect(maxMinRatio([2, 8, 4])).toBe(4);
    expect(maxMinRatio([0, 8])).toBeNaN();
    const xs = Array.from({ length: 20 }, (_, i) => i + 1); // bottom 2: mean 1.5; top 2: mean 19.5
    expect(decileRatio(xs)).toBeCloseTo(13, 12);
    expect(lorenzCurve([1, 3])).toEqual([[0, 0], [0.5, 0.25], [1, 1]]);
  });
});

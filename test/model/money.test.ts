import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateByWeights, decimalProductToFen, giveLeftOverByRemainder, product2ToFen, exactProductToFen, fenToYuanString, formatYuan, integerProductToFen, PPM, productToFen, splitByPpm, takeShare, toPpm } from '../../src/model/money.ts';

describe('productToFen: one rounding rule, half away from zero at the fen', () => {
  it('rounds ordinary products', () => {
    expect(productToFen([12345.678])).toBe(1234568);
    expect(productToFen([3, 200, 1537])).toBe(92_220_000); // nutrition: 3 yuan × 200 days × 1537 pupils
    expect(productToFen([0.1, 0.2])).toBe(2); // 0.02 yuan
  });
  it('rounds exact half-fen ties up, even where doubles drift below the tie', () => {
    // 1.005 yuan is 100.49999999999999 fen in doubles; the exact value is 100.5 → 101
    expect(productToFen([1.005])).toBe(101);
    expect(productToFen([0.125, 0.1])).toBe(1); // 0.0125 yuan = 1.25 fen → 1
    expect(productToFen([2.675])).toBe(268);
    expect(productToFen([-1.005])).toBe(-101);
  });
});

describe('the half-fen case in integers: the same as decimal.js', () => {
  /** decimal.js's answer, or the error it throws */
  const decimal = (fs: number[]): number | string => {
    try {
      return decimalProductToFen(fs);
    } catch (e) {
      return (e as Error).name;
    }
  };
  const agrees = (fs: number[]): void => {
    const fen = integerProductToFen(fs);
    if (!Number.isNaN(fen)) expect(fen, fs.join(' × ')).toBe(decimal(fs));
    let viaExact: number | string;
    try {
      viaExact = exactProductToFen(fs);
    } catch (e) {
      viaExact = (e as Error).name;
    }
    expect(viaExact, fs.join(' × ')).toBe(decimal(fs));
  };
  it('hand-computed ties and edges', () => {
    expect(integerProductToFen([1.005])).toBe(101); // 100.5 fen → 101
    expect(integerProductToFen([-1.005])).toBe(-101);
    expect(integerProductToFen([0.125, 0.1])).toBe(1); // 1.25 fen
    expect(integerProductToFen([2.675])).toBe(268); // 267.5 fen
    expect(integerProductToFen([1537, 0.5, 0.01])).toBe(769); // 7.685 yuan = 768.5 fen → 769
    expect(integerProductToFen([3, 200, 1537])).toBe(92_220_000);
    expect(integerProductToFen([0, 1.005])).toBe(0);
    expect(integerProductToFen([1e-7, 3])).toBe(0);
    expect(integerProductToFen([0.1 + 0.2])).toBeNaN(); // 0.30000000000000004: 17 digits, left to decimal.js
    expect(integerProductToFen([2 ** 53])).toBeNaN(); // not a safe integer
    expect(integerProductToFen([1e15, 1e15])).toBeNaN(); // the mantissas' product is not safe
    expect(integerProductToFen([Number.NaN])).toBeNaN();
    expect(integerProductToFen([Number.POSITIVE_INFINITY])).toBeNaN();
    for (const fs of [[1.005], [0.125, 0.1], [2.675], [1537, 0.5, 0.01], [0.1 + 0.2, 3], [2 ** 53, 0.5], [1e14, 1e3], [1e-20, 5], [-0, 1.5], [4.5e-3], [123456789.125, 0.04]]) agrees(fs);
  });
  it('property: short decimals (the catalog: counts, coverage shares, standards, cost indices) give decimal.js\'s result', () => {
    const shortDecimal = fc.tuple(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 8 })).map(([m, s]) => m / 10 ** s);
    fc.assert(fc.property(fc.array(shortDecimal, { minLength: 1, maxLength: 6 }), (fs) => agrees(fs)), { numRuns: 3000 });
  });
  it('property: exact half-fen ties', () => {
    // k + 0.5 fen written as a product: (2k + 1) × 0.005 yuan, times factors that are 1 in value
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(1, 0.5, 2, 0.25, 4, 0.1, 10), (k, f) => agrees([(2 * k + 1) * 0.005 / f, f])), { numRuns: 2000 });
  });
  it('property: any doubles (full precision, tiny, huge, negative)', () => {
    fc.assert(fc.property(fc.array(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 5 }), (fs) => agrees(fs)), { numRuns: 3000 });
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 2 ** 40 }), fc.double({ min: 0, max: 2, noNaN: true }), fc.constantFrom(0.005, 0.015, 1.005, 2.675, 1e-9, 1e15, 2 ** 52)), { minLength: 1, maxLength: 5 }), (fs) => agrees(fs)), { numRuns: 3000 });
  });
});

describe('shares in parts per million', () => {
  it('refuses shares with more than six decimals or outside 0–1', () => {
    expect(toPpm(0.8, 'x')).toBe(800_000);
    expect(toPpm(0.123456, 'x')).toBe(123_456);
    expect(() => toPpm(0.1234567, 'x')).toThrow(/more than 6 decimals/);
    expect(() => toPpm(1.2, 'x')).toThrow(/outside 0–1/);
  });
  it('takes a share exactly, half up', () => {
    expect(takeShare(1001, 500_000)).toBe(501); // 500.5 → 501
    expect(takeShare(999_999_999_999, 800_000)).toBe(799_999_999_999); // 799999999999.2
    expect(takeShare(10, 333_333)).toBe(3);
  });
  it('splits by largest remainder with ties to the earlier part', () => {
    expect(splitByPpm(100, [300_000, 200_000, 500_000])).toEqual([30, 20, 50]);
    expect(splitByPpm(1, [300_000, 200_000, 500_000])).toEqual([0, 0, 1]);
    expect(splitByPpm(10, [333_334, 333_333, 333_333])).toEqual([4, 3, 3]);
    expect(splitByPpm(2, [500_000, 500_000])).toEqual([1, 1]);
    expect(splitByPpm(3, [500_000, 500_000])).toEqual([2, 1]);
    expect(() => splitByPpm(3, [500_000, 400_000])).toThrow(/not 1/);
  });
  it('property: parts always sum to the whole and each is within one fen of its exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e14 }), fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 6 }), (amount, raw) => {
        const sum = raw.reduce((a, b) => a + b, 0);
        if (sum === 0) return;
        const shares = raw.map((r) => Math.floor((r / sum) * PPM));
        shares[0]! += PPM - shares.reduce((a, b) => a + b, 0);
        const parts = splitByPpm(amount, shares);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
        parts.forEach((p, i) => expect(Math.abs(p - (amount * shares[i]!) / PPM)).toBeLessThan(1 + amount * 1e-15));
      }),
    );
  });
});

describe('allocateByWeights', () => {
  it('allocates a pool in proportion, exactly', () => {
    expect(allocateByWeights(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateByWeights(1000, [0, 3, 1])).toEqual([0, 750, 250]);
    expect(allocateByWeights(7, [2, 2, 3])).toEqual([2, 2, 3]);
  });
  it('property: the allocations sum to the pool and none is negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 52 }), fc.array(fc.integer({ min: 0, max: 2 ** 50 }), { minLength: 1, maxLength: 40 }), (pool, weights) => {
        if (weights.every((w) => w === 0)) return;
        const a = allocateByWeights(pool, weights);
        expect(a.reduce((x, y) => x + y, 0)).toBe(pool);
        expect(a.every((x, i) => x >= 0 && (weights[i] === 0 ? x === 0 : true))).toBe(true);
      }),
    );
  });
  /** Largest remainder in BigInt throughout: the reference the number paths must match. */
  const reference = (pool: number, weights: readonly number[]): number[] => {
    const w = weights.map(BigInt);
    const total = w.reduce((a, b) => a + b, 0n);
    const num = w.map((x) => BigInt(pool) * x);
    const parts = num.map((x) => x / total);
    const rems = num.map((x, i) => x - parts[i]! * total);
    let left = BigInt(pool) - parts.reduce((a, b) => a + b, 0n);
    const order = rems.map((_, i) => i).sort((a, b) => (rems[b]! > rems[a]! ? 1 : rems[b]! < rems[a]! ? -1 : a - b));
    for (const i of order) {
      if (left === 0n) break;
      parts[i]! += 1n;
      left -= 1n;
    }
    return parts.map(Number);
  };
  it('ties go to the earlier entry, on both number and BigInt paths', () => {
    expect(allocateByWeights(5, [1, 1, 1, 1, 1, 1])).toEqual([1, 1, 1, 1, 1, 0]);
    expect(allocateByWeights(2 ** 52, [2 ** 40, 2 ** 40, 2 ** 40])).toEqual([1501199875790166, 1501199875790165, 1501199875790165]);
  });
  it('property: the same allocation as BigInt largest remainder, small and huge pools and weights', () => {
    const size = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 2 ** 30 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
    fc.assert(
      fc.property(size, fc.array(size, { minLength: 1, maxLength: 30 }), fc.boolean(), (pool, weights, repeat) => {
        if (repeat) weights = [...weights, ...weights]; // equal remainders
        if (weights.every((w) => w === 0)) return;
        expect(allocateByWeights(pool, weights)).toEqual(reference(pool, weights));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('product2ToFen is productToFen of two factors', () => {
  it('hand-computed, a half-fen tie included', () => {
    expect(product2ToFen(1537, 600)).toBe(92_220_000);
    expect(product2ToFen(1.005, 1)).toBe(101); // 100.49999… fen in doubles, exactly 100.5
    expect(product2ToFen(-0.125, 0.1)).toBe(-1);
  });
  it('property: random factors, ties and decimals, and amounts beyond exact money refused alike', () => {
    const f = fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: -100_000, max: 100_000 }).map((k) => k / 1000), fc.constantFrom(0.5, 1.005, 2.675, 0.125, 0, -0, 1e12));
    const outcome = (g: () => number): unknown => {
      try {
        return g();
      } catch (e) {
        return (e as Error).message;
      }
    };
    fc.assert(
      fc.property(f, f, (a, b) => {
        expect(outcome(() => product2ToFen(a, b))).toEqual(outcome(() => productToFen([a, b])));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('giveLeftOverByRemainder: the left-over fen without sorting the entries', () => {
  /** The slow path it replaces: sort every entry by remainder (largest first, ties to the earlier), one fen to each of the first `left`. */
  const bySorting = (parts: readonly number[], left: number, rems: readonly number[]): number[] => {
    const out = [...parts];
    const order = rems.map((_, i) => i).sort((a, b) => rems[b]! - rems[a]! || a - b);
    for (let j = 0; j < left && j < order.length; j++) out[order[j]!]! += 1;
    return out;
  };
  it('gives to the largest remainders, ties to the earlier entry', () => {
    const parts = [10, 20, 30, 40, 50];
    giveLeftOverByRemainder(parts, 3, Float64Array.from([5, 7, 5, 7, 5]));
    expect(parts).toEqual([11, 21, 30, 41, 50]);
    const all = [0, 0];
    giveLeftOverByRemainder(all, 3, Float64Array.from([1, 2]));
    expect(all).toEqual([1, 1]);
  });
  it('property: the same parts as sorting, with many equal remainders and any number left', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 ** 52 })), { minLength: 1, maxLength: 60 }), fc.nat(70), (rems, left) => {
        const parts = rems.map((_, i) => i * 7);
        const fast = [...parts];
        giveLeftOverByRemainder(fast, left, Float64Array.from(rems));
        expect(fast).toEqual(bySorting(parts, left, rems));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('formatting', () => {
  it('prints fen as yuan', () => {
    expect(fenToYuanString(123456)).toBe('1234.56');
    expect(fenToYuanString(-5)).toBe('-0.05');
    expect(fenToYuanString(0)).toBe('0.00');
    expect(formatYuan(123456789)).toBe('1,234,567.89');
  });
});

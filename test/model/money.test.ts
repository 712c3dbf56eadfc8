import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateByWeights, fenToYuanString, formatYuan, PPM, productToFen, splitByPpm, takeShare, toPpm } from '../../src/model/money.ts';

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
});

describe('formatting', () => {
  it('prints fen as yuan', () => {
    expect(fenToYuanString(123456)).toBe('1234.56');
    expect(fenToYuanString(-5)).toBe('-0.05');
    expect(fenToYuanString(0)).toBe('0.00');
    expect(formatYuan(123456789)).toBe('1,234,567.89');
  });
});

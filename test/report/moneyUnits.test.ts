/** Display units 元/万元/亿元: exact rounding from fen, and parts that add up to their printed total. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportionToUnit, fenToSteps, fenToUnitText, MONEY_UNITS, parseMoneyUnit, stepFen } from '../../src/report/moneyUnits.ts';

describe('money units', () => {
  it('accepts the English and Chinese names', () => {
    expect(['yuan', '元', 'wan', '万元', '万', 'yi', '亿元', '亿', 'WAN'].map(parseMoneyUnit)).toEqual(['yuan', 'yuan', 'wan', 'wan', 'wan', 'yi', 'yi', 'yi', 'wan']);
    expect(parseMoneyUnit('千元')).toBeUndefined();
  });

  it('rounds half away from zero to 0.01 of the unit, from integer fen', () => {
    // 1,234,567.89 yuan = 123,456,789 fen = 123.4567889 万元 → 123.46; = 0.0123456789 亿元 → 0.01
    expect(fenToUnitText(123_456_789, 'wan')).toBe('123.46');
    expect(fenToUnitText(123_456_789, 'yi')).toBe('0.01');
    expect(fenToUnitText(123_456_789, 'yuan')).toBe('1234567.89');
    // exactly half a step: 50 yuan = 0.005 万元 → 0.01; −50 yuan → −0.01
    expect(fenToUnitText(5_000, 'wan')).toBe('0.01');
    expect(fenToUnitText(-5_000, 'wan')).toBe('-0.01');
    expect(fenToUnitText(4_999, 'wan')).toBe('0.00');
    // 36.37 亿元 surplus (the example) printed in 亿元 and 万元
    expect(fenToUnitText(-363_700_000_000, 'yi')).toBe('-36.37');
    expect(fenToUnitText(-363_700_000_000, 'wan')).toBe('-363700.00');
    expect(fenToUnitText(Number.MAX_SAFE_INTEGER, 'yi')).toBe('900719.93');
    expect(() => fenToUnitText(1.5, 'wan')).toThrow(/not an exact number of fen/);
  });

  it('is within half a step of the exact amount', () => {
    fc.assert(fc.property(fc.integer({ min: -1e15, max: 1e15 }), fc.constantFrom(...MONEY_UNITS), (fen, unit) => {
      const diff = Math.abs(fenToSteps(fen, unit) * stepFen(unit) - fen);
      expect(2 * diff).toBeLessThanOrEqual(stepFen(unit));
    }));
  });

  it('apportions: three parts of 33.33 yuan print as 0.01 万元 in total, not 0.00', () => {
    // 3 × 3,333 yuan = 9,999 yuan = 0.9999 万元 → total 1.00; each part 0.3333 → 0.33, one gets the tail
    const { parts, total } = apportionToUnit([333_300, 333_300, 333_300], 'wan');
    expect(total).toBe(100);
    expect(parts).toEqual([34, 33, 33]);
    // mixed signs: +1.5 and −0.5 steps; floors 1 and −1 with remainders 0.5 each, the tie to the first
    expect(apportionToUnit([15_000, -5_000], 'wan')).toEqual({ parts: [2, -1], total: 1 });
  });

  it('apportioned parts always add up to the rounded total, each within one step', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1e12, max: 1e12 }), { maxLength: 40 }), fc.constantFrom(...MONEY_UNITS), (fens, unit) => {
      const { parts, total } = apportionToUnit(fens, unit);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(total).toBe(fenToSteps(fens.reduce((a, b) => a + b, 0), unit));
      parts.forEach((p, i) => expect(Math.abs(p * stepFen(unit) - fens[i]!)).toBeLessThan(stepFen(unit)));
    }));
  });
});

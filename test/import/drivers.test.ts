import { describe, expect, it } from 'vitest';
import { emptyFacts, type CensusFacts, type CountField } from '../../src/import/census.ts';
import { adjustedShare, deriveDrivers, roundHalfUp, type DriverParams } from '../../src/import/drivers.ts';

const params: DriverParams = {
  primaryNetEnrolment: 0.9985,
  juniorGrossEnrolment: 1.021,
  seniorGrossEnrolment: 0.85,
  seniorVocationalShare: 0.46,
  preschoolGrossEnrolment: 0.645,
  childrenRuralOddsRatio: 1.3,
  age16to59RuralOddsRatio: 0.9,
  age60plusRuralOddsRatio: 1.28,
};

function facts(counts: Partial<Record<CountField, number>>, births = 0): CensusFacts {
  const f = emptyFacts();
  return { ...f, counts: { ...f.counts, ...counts }, amounts: { ...f.amounts, births } };
}

describe('adjustedShare', () => {
  it('is the odds-ratio adjusted share and keeps 0 and 1', () => {
    expect(adjustedShare(0.5, 2)).toBeCloseTo(2 / 3, 12);
    expect(adjustedShare(0.5, 1)).toBe(0.5);
    expect(adjustedShare(0, 1.3)).toBe(0);
    expect(adjustedShare(1, 0.9)).toBe(1);
  });
});

describe('deriveDrivers', () => {
  it('interpolates single years uniformly within the bands, exactly in tenths', () => {
    // bands chosen so that tenths land on .5: age_3_5 = 0.5 × 5 + 0.2 × 5 = 3.5 → 4
    const d = deriveDrivers(facts({ resident_pop: 37, urban_pop: 37, age_0: 1, age_1_4: 5, age_5_9: 5, age_10_14: 5, age_15_19: 5, age_60_64: 16 }), params);
    expect(d.age_3_5).toBe(4);
    expect(d.age_0_5).toBe(7); // 1 + 5 + 1
    expect(d.age_6_11).toBe(6); // 4 + 2
    expect(d.age_12_14).toBe(3);
    expect(d.age_15_17).toBe(3);
    expect(d.age_16_59).toBe(4);
    expect(d.age_15_64).toBe(21);
    expect(d.age_60plus).toBe(16);
    expect(d.age_65plus).toBe(0);
  });

  it('splits rural and urban so that they add up to the age group', () => {
    const d = deriveDrivers(facts({ resident_pop: 1000, urban_pop: 400, rural_pop: 600, age_20_24: 333, age_60_64: 101 }), params);
    // 333 × 0.9·0.6/(0.4 + 0.9·0.6) = 333 × 0.574468… = 191.3
    expect(d.rural_age_16_59).toBe(191);
    expect(d.rural_age_16_59 + d.urban_age_16_59).toBe(d.age_16_59);
    // 101 × 1.28·0.6/(0.4 + 1.28·0.6) = 101 × 0.657534… = 66.4
    expect(d.rural_age_60plus).toBe(66);
    expect(d.rural_age_60plus + d.urban_age_60plus).toBe(101);
  });

  it('derives pupils, students and births from the rounded age groups', () => {
    const d = deriveDrivers(facts({ resident_pop: 1000, urban_pop: 1000, age_1_4: 40, age_5_9: 100, age_10_14: 100, age_15_19: 100 }, 12.5), params);
    expect(d.age_6_11).toBe(120);
    expect(d.pupils_primary).toBe(120); // 119.82
    expect(d.pupils_junior).toBe(61); // 60 × 1.021 = 61.26
    expect(d.students_high_school).toBe(28); // 60 × 0.85 × 0.54 = 27.54
    expect(d.students_vocational).toBe(23); // 51 − 28
    expect(d.children_preschool).toBe(26); // (20 + 20) × 0.645 = 25.8
    expect(d.births).toBe(13); // 12.5 rounds half up
  });

  it('rounds half up', () => {
    expect([roundHalfUp(2.5), roundHalfUp(2.4999999999999), roundHalfUp(0)]).toEqual([3, 3, 0]);
  });
});

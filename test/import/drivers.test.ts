import { describe, expect, it } from 'vitest';
import { emptyFacts, type CensusFacts, type CountField } from '../../src/import/census.ts';
import { adjustedShare, calibrationFactor, deriveDrivers, roundHalfUp, schoolUnitType, type DriverParams } from '../../src/import/drivers.ts';

const params: DriverParams = {
  primaryNetEnrolment: 0.9985,
  juniorGrossEnrolment: 1.021,
  seniorGrossEnrolment: 0.85,
  seniorVocationalShare: 0.46,
  preschoolGrossEnrolment: 0.645,
  childrenRuralOddsRatio: 1.3,
  age16to59RuralOddsRatio: 0.9,
  age60plusRuralOddsRatio: 1.28,
  primaryPupilFactor: 1,
  juniorPupilFactor: 1,
  allSchoolsRural: false,
  migrantAgriShare: 0.8,
};

function facts(counts: Partial<Record<CountField, number>>, births = 0, nonagriPersons = 0): CensusFacts {
  const f = emptyFacts();
  return { ...f, counts: { ...f.counts, ...counts }, amounts: { ...f.amounts, births, nonagriPersons } };
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

  it('age_0_6 takes two fifths of the 5–9 band', () => {
    // 3 + 12 + 0.4 × 16 = 21.4 → 21; age_0_5 = 3 + 12 + 0.2 × 16 = 18.2 → 18
    const d = deriveDrivers(facts({ resident_pop: 31, urban_pop: 31, age_0: 3, age_1_4: 12, age_5_9: 16 }), params);
    expect([d.age_0_6, d.age_0_5]).toEqual([21, 18]);
    // 0.4 × 5 = 2 exactly; 0.4 × 4 = 1.6 → 2; 0.4 × 1 = 0.4 → 0
    expect([5, 4, 1].map((n) => deriveDrivers(facts({ resident_pop: n, urban_pop: n, age_5_9: n }), params).age_0_6)).toEqual([2, 2, 0]);
  });

  it('calibrates pupils by the factor before rounding', () => {
    // age_6_11 = 0.8 × 100 + 0.4 × 100 = 120; 120 × 0.9985 × 1.25 = 149.775 → 150
    // age_12_14 = 60; 60 × 1.021 × 1.1 = 67.386 → 67
    const d = deriveDrivers(facts({ resident_pop: 200, urban_pop: 100, rural_pop: 100, age_5_9: 100, age_10_14: 100 }), { ...params, primaryPupilFactor: 1.25, juniorPupilFactor: 1.1 });
    expect([d.pupils_primary, d.pupils_junior]).toEqual([150, 67]);
  });

  it('school location: all pupils of a county are rural, a district only its rural share', () => {
    const f = facts({ resident_pop: 1000, urban_pop: 700, rural_pop: 300, age_5_9: 100, age_10_14: 100 });
    // district: 120 × 0.9985 = 119.82 → 120 pupils; share 1.3 × 0.3 / (0.7 + 0.39) = 0.357798…; 120 × 0.3578 = 42.9 → 43
    const district = deriveDrivers(f, params);
    expect([district.pupils_primary, district.rural_pupils_primary, district.urban_pupils_primary]).toEqual([120, 43, 77]);
    // junior 60 × 1.021 = 61.26 → 61; 61 × 0.357798 = 21.8 → 22
    expect([district.pupils_junior, district.rural_pupils_junior, district.urban_pupils_junior]).toEqual([61, 22, 39]);
    // county (county town included): every pupil in a rural school, none in city schools
    const county = deriveDrivers(f, { ...params, allSchoolsRural: true });
    expect([county.rural_pupils_primary, county.urban_pupils_primary, county.rural_pupils_junior, county.urban_pupils_junior]).toEqual([120, 0, 61, 0]);
  });

  it('counts agricultural hukou where registered, taking in-migrants out of the resident share', () => {
    // no migrants: residents 900, 355.5 non-agricultural → share 544.5 / 900 = 0.605; registered 1000 → 605
    const d = deriveDrivers(facts({ resident_pop: 900, urban_pop: 900, registered_pop: 1000 }, 0, 355.5), params);
    expect([d.agri_hukou_pop, d.nonagri_hukou_pop]).toEqual([605, 395]);
    // 300 in-migrants (100 + 200), 80% agricultural: (700 − 240) / (1000 − 300) = 0.657142…; × 800 registered = 525.7 → 526
    const m = deriveDrivers(facts({ resident_pop: 1000, urban_pop: 1000, registered_pop: 800, in_migrants_other_county_same_province: 100, in_migrants_other_province: 200 }, 0, 300), params);
    expect([m.agri_hukou_pop, m.nonagri_hukou_pop]).toEqual([526, 274]);
    // a migrant city: 900 in-migrants would hold 720 agricultural hukou, more than the 700 agricultural residents → 0
    const city = deriveDrivers(facts({ resident_pop: 1000, urban_pop: 1000, registered_pop: 150, in_migrants_other_province: 900 }, 0, 300), params);
    expect([city.agri_hukou_pop, city.nonagri_hukou_pop]).toEqual([0, 150]);
  });

  it('rounds half up', () => {
    expect([roundHalfUp(2.5), roundHalfUp(2.4999999999999), roundHalfUp(0)]).toEqual([3, 3, 0]);
  });
});

describe('schoolUnitType', () => {
  it('reads the GB/T 2260 code structure', () => {
    expect(schoolUnitType('440306', '宝安区', 'county')).toBe('district');
    expect(schoolUnitType('441481', '兴宁市', 'county')).toBe('county_level_city');
    expect(schoolUnitType('441422', '大埔县', 'county')).toBe('county');
    expect(schoolUnitType('429004', '仙桃市', 'county')).toBe('county_level_city');
    expect(schoolUnitType('429021', '神农架林区', 'county')).toBe('county');
    expect(schoolUnitType('441900', '东莞市', 'county_equivalent')).toBe('city_equivalent');
    expect(schoolUnitType('232700', '大兴安岭地区（加格达奇…）', 'residual')).toBe('residual');
  });
});

describe('calibrationFactor', () => {
  it('is published ÷ modelled, 1 without a published figure', () => {
    expect(calibrationFactor(1200, 801.9)).toBeCloseTo(1.496446, 6);
    expect(calibrationFactor(undefined, 801.9)).toBe(1);
    expect(() => calibrationFactor(10, 0)).toThrow(/age group sums to 0/);
  });
});

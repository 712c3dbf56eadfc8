/**
 * Derived drivers: single-year age groups from the census 5-year bands, rural/urban splits,
 * pupils and students, births. Every rule is written here once and quoted in the data
 * dictionary (DRIVER_RULES).
 *
 * Age groups: ages are spread uniformly within each band, so one year of the 5–9 band is
 * 1/5 of it and one year of the 1–4 band is 1/4. All weights are multiples of 1/10, so age
 * groups are computed exactly in tenths of a person and then rounded half up.
 *
 * Rounding: every count is rounded to a whole person, half up. A pair that must add up
 * (rural + urban) rounds the total first and the rural part second; the urban part is the
 * rest. Pupils and students are computed from the rounded age groups.
 */
import type { CensusFacts } from './census.ts';

export interface DriverParams {
  readonly primaryNetEnrolment: number;
  readonly juniorGrossEnrolment: number;
  readonly seniorGrossEnrolment: number;
  readonly seniorVocationalShare: number;
  readonly preschoolGrossEnrolment: number;
  readonly childrenRuralOddsRatio: number;
  readonly age16to59RuralOddsRatio: number;
  readonly age60plusRuralOddsRatio: number;
  /**
   * Calibration of pupils to published enrolment: pupils = age group × enrolment rate × factor
   * (1 when no published total is given). See calibrationFactor.
   */
  readonly primaryPupilFactor: number;
  readonly juniorPupilFactor: number;
  /**
   * School location (the 2006 rural compulsory-education mechanism): true when all the unit's
   * schools count as rural — counties, banners, county-level cities (township, village and
   * county-town schools); false for city districts and city-like units, where only the rural
   * part of the pupils (rural share of residents, odds-adjusted) is in rural schools.
   */
  readonly allSchoolsRural: boolean;
  /** share of residents registered in another county who hold agricultural hukou (hukou.migrant_agri_share) */
  readonly migrantAgriShare: number;
  /** national closure of agri_hukou_pop to the published agricultural-hukou share (1 when none is given) */
  readonly agriHukouFactor?: number;
}

export const DRIVER_NAMES = [
  'age_0_5', 'age_0_6', 'age_3_5', 'age_6_11', 'age_12_14', 'age_15_17', 'age_15_64', 'age_16_59', 'age_60plus', 'age_65plus',
  'rural_age_16_59', 'rural_age_60plus', 'urban_age_16_59', 'urban_age_60plus', 'births',
  'pupils_primary', 'pupils_junior', 'rural_pupils_primary', 'rural_pupils_junior',
  'urban_pupils_primary', 'urban_pupils_junior', 'agri_hukou_pop', 'nonagri_hukou_pop',
  'students_vocational', 'students_high_school', 'children_preschool',
] as const;
export type DriverName = (typeof DRIVER_NAMES)[number];

/** The rule of each derived driver, in words, for the data dictionary. */
export const DRIVER_RULES: Readonly<Record<DriverName, string>> = {
  age_0_5: 'age_0 + age_1_4 + 0.2 × age_5_9 (age 5 = one fifth of the 5–9 band)',
  age_0_6: 'age_0 + age_1_4 + 0.4 × age_5_9 (ages 5 and 6 = two fifths of the 5–9 band)',
  age_3_5: '0.5 × age_1_4 + 0.2 × age_5_9 (ages 3–4 = half of the 1–4 band, age 5 = one fifth of 5–9)',
  age_6_11: '0.8 × age_5_9 + 0.4 × age_10_14',
  age_12_14: '0.6 × age_10_14',
  age_15_17: '0.6 × age_15_19',
  age_15_64: 'sum of the bands 15–19 … 60–64',
  age_16_59: '0.8 × age_15_19 + sum of the bands 20–24 … 55–59',
  age_60plus: 'sum of the bands 60–64 … 85+',
  age_65plus: 'sum of the bands 65–69 … 85+',
  rural_age_16_59: 'age_16_59 × rural share of the age group; the rural share is the unit\'s rural share of residents adjusted by the odds ratio rural_proxy.age_16_59_odds_ratio (see below)',
  rural_age_60plus: 'age_60plus × rural share adjusted by rural_proxy.age_60plus_odds_ratio',
  urban_age_16_59: 'age_16_59 − rural_age_16_59',
  urban_age_60plus: 'age_60plus − rural_age_60plus',
  births: 'birth_rate_permille × resident_pop ÷ 1000 (births in the 12 months before the census)',
  pupils_primary: 'age_6_11 × education.primary_net_enrolment × calibration factor f_primary (published national enrolment education.published_pupils.primary ÷ national sum of age_6_11 × rate; see Derived drivers)',
  pupils_junior: 'age_12_14 × education.junior_gross_enrolment × calibration factor f_junior (published national enrolment education.published_pupils.junior ÷ national sum of age_12_14 × rate)',
  rural_pupils_primary: 'BY SCHOOL LOCATION (2006 rural compulsory-education mechanism): all pupils_primary of counties, banners and county-level cities (rural_pupils.whole_unit_types: township, village and county-town schools); in city districts, county-equivalent cities and residual units pupils_primary × rural share adjusted by rural_proxy.children_odds_ratio',
  rural_pupils_junior: 'as rural_pupils_primary, for pupils_junior',
  urban_pupils_primary: 'pupils_primary − rural_pupils_primary (city schools: the 2008 urban fee waiver)',
  urban_pupils_junior: 'pupils_junior − rural_pupils_junior',
  agri_hukou_pop: 'persons with agricultural hukou counted WHERE REGISTERED (the NCMS enrolment base): registered_pop × min(1, s × f), s the agricultural share of the residents who hold local hukou = (agricultural residents − hukou.migrant_agri_share × in-migrants from other counties) ÷ (residents − those in-migrants), kept within 0…1 (the census nonagri_hukou_pct is a share of residents, migrants included); f closes the national total to the published agricultural-hukou share of the registered population in the data year (hukou.published_agri_share: 1 − 户籍人口城镇化率), so that the 2010 census classification is brought to 2012',
  nonagri_hukou_pop: 'registered_pop − agri_hukou_pop (the urban resident medical insurance base)',
  students_vocational: 'round(age_15_17 × education.senior_gross_enrolment) − students_high_school',
  students_high_school: 'age_15_17 × education.senior_gross_enrolment × (1 − education.senior_vocational_share)',
  children_preschool: 'age_3_5 × education.preschool_gross_enrolment',
};

/** Round half up (all values here are non-negative). */
export function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5 + 1e-9);
}

/** Tenths of a person → whole persons, half up, exactly. */
const fromTenths = (t: number): number => Math.floor((t + 5) / 10);

/**
 * Rural share of an age group from the rural share of all residents s and an odds ratio k
 * (odds of living in a rural area for the group ÷ the same odds for all residents):
 * s' = k·s ÷ (1 − s + k·s). It stays within 0…1, and is 0 or 1 when s is.
 */
export function adjustedShare(s: number, oddsRatio: number): number {
  if (s <= 0) return 0;
  if (s >= 1) return 1;
  return (oddsRatio * s) / (1 - s + oddsRatio * s);
}

export function deriveDrivers(f: CensusFacts, p: DriverParams): Record<DriverName, number> {
  const c = f.counts;
  const age_0_5 = fromTenths(10 * c.age_0 + 10 * c.age_1_4 + 2 * c.age_5_9);
  const age_0_6 = fromTenths(10 * c.age_0 + 10 * c.age_1_4 + 4 * c.age_5_9);
  const age_3_5 = fromTenths(5 * c.age_1_4 + 2 * c.age_5_9);
  const age_6_11 = fromTenths(8 * c.age_5_9 + 4 * c.age_10_14);
  const age_12_14 = fromTenths(6 * c.age_10_14);
  const age_15_17 = fromTenths(6 * c.age_15_19);
  const age_15_64 = c.age_15_19 + c.age_20_24 + c.age_25_29 + c.age_30_34 + c.age_35_39 + c.age_40_44 + c.age_45_49 + c.age_50_54 + c.age_55_59 + c.age_60_64;
  const age_16_59 = fromTenths(8 * c.age_15_19) + c.age_20_24 + c.age_25_29 + c.age_30_34 + c.age_35_39 + c.age_40_44 + c.age_45_49 + c.age_50_54 + c.age_55_59;
  const age_65plus = c.age_65_69 + c.age_70_74 + c.age_75_79 + c.age_80_84 + c.age_85plus;
  const age_60plus = c.age_60_64 + age_65plus;

  const ruralShare = c.resident_pop > 0 ? c.rural_pop / c.resident_pop : 0;
  const rural_age_16_59 = roundHalfUp(age_16_59 * adjustedShare(ruralShare, p.age16to59RuralOddsRatio));
  const rural_age_60plus = roundHalfUp(age_60plus * adjustedShare(ruralShare, p.age60plusRuralOddsRatio));

  const pupils_primary = roundHalfUp(age_6_11 * p.primaryNetEnrolment * p.primaryPupilFactor);
  const pupils_junior = roundHalfUp(age_12_14 * p.juniorGrossEnrolment * p.juniorPupilFactor);
  const childShare = p.allSchoolsRural ? 1 : adjustedShare(ruralShare, p.childrenRuralOddsRatio);
  const rural_pupils_primary = roundHalfUp(pupils_primary * childShare);
  const rural_pupils_junior = roundHalfUp(pupils_junior * childShare);
  const agri_hukou_pop = roundHalfUp(c.registered_pop * Math.min(1, localAgriShare(f, p.migrantAgriShare) * (p.agriHukouFactor ?? 1)));
  const senior = roundHalfUp(age_15_17 * p.seniorGrossEnrolment);
  const students_high_school = roundHalfUp(age_15_17 * p.seniorGrossEnrolment * (1 - p.seniorVocationalShare));

  return {
    age_0_5,
    age_0_6,
    age_3_5,
    age_6_11,
    age_12_14,
    age_15_17,
    age_15_64,
    age_16_59,
    age_60plus,
    age_65plus,
    rural_age_16_59,
    rural_age_60plus,
    urban_age_16_59: age_16_59 - rural_age_16_59,
    urban_age_60plus: age_60plus - rural_age_60plus,
    births: roundHalfUp(f.amounts.births),
    pupils_primary,
    pupils_junior,
    rural_pupils_primary,
    rural_pupils_junior,
    urban_pupils_primary: pupils_primary - rural_pupils_primary,
    urban_pupils_junior: pupils_junior - rural_pupils_junior,
    agri_hukou_pop,
    nonagri_hukou_pop: c.registered_pop - agri_hukou_pop,
    students_vocational: senior - students_high_school,
    students_high_school,
    children_preschool: roundHalfUp(age_3_5 * p.preschoolGrossEnrolment),
  };
}

/** The kind of a unit for the school-location rule. */
export type SchoolUnitType = 'district' | 'county' | 'county_level_city' | 'city_equivalent' | 'residual';

/**
 * GB/T 2260 code structure: yy 01–20 districts, 21–80 counties (banners, autonomous counties),
 * 81–99 county-level cities; xx90yy units under the province count by their name (…市 a
 * county-level city, otherwise a county, e.g. 神农架林区, Hainan's counties).
 */
export function schoolUnitType(code: string, name: string, kind: 'county' | 'county_equivalent' | 'residual'): SchoolUnitType {
  if (kind === 'county_equivalent') return 'city_equivalent';
  if (kind === 'residual') return 'residual';
  const yy = Number(code.slice(4));
  if (code.slice(2, 4) === '90') return name.endsWith('市') ? 'county_level_city' : 'county';
  if (yy <= 20) return 'district';
  return yy >= 81 ? 'county_level_city' : 'county';
}

/**
 * Calibration factor of pupils: published national enrolment ÷ the national sum of
 * age group × enrolment rate over all units (1 when no published figure is given).
 */
export function calibrationFactor(published: number | undefined, modelled: number): number {
  if (published === undefined) return 1;
  if (modelled <= 0) throw new Error('cannot calibrate pupils: the age group sums to 0');
  return published / modelled;
}

/**
 * Agricultural-hukou share of the residents who are registered in the unit: the census gives the
 * share for all residents (migrants included); residents registered in other counties are taken
 * out with the agricultural share m of such migrants. Without local residents the share of all
 * residents is used.
 */
export function localAgriShare(f: CensusFacts, m: number): number {
  const c = f.counts;
  const migrants = c.in_migrants_other_county_same_province + c.in_migrants_other_province;
  const agriResidents = Math.max(0, c.resident_pop - f.amounts.nonagriPersons);
  const local = c.resident_pop - migrants;
  if (local <= 0) return c.resident_pop > 0 ? agriResidents / c.resident_pop : 0;
  return Math.min(1, Math.max(0, agriResidents - m * migrants) / local);
}

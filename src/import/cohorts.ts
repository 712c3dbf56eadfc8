/**
 * Pupils by year from birth cohorts (data/projection/cohorts.yaml; method in docs/cohorts.md).
 *
 * The pupil drivers describe the data year (2012). For another year Y a county's pupils are
 *   driver × C(Y) ÷ C(base) × κ(Y),
 * C(Y) the county's census population at the school ages of Y — single-year ages from the 5-year
 * bands (each band spread by the national Sprague profile), aged forward by Y − census year — and κ(Y) one national factor
 * that closes the national total to driver total × N(Y) ÷ N(base), N(Y) the registered births of
 * the cohorts at the school ages of Y. The country follows the births; each county departs from
 * the country as its own census age profile says.
 */
import { z } from 'zod';
import { PolicySource } from '../input/sourceSchema.ts';
import { parseYamlText, validateYaml } from '../input/yamlFile.ts';
import type { CountField } from './census.ts';
import { roundHalfUp } from './drivers.ts';

const AgeRange = z.tuple([z.number().int().min(0), z.number().int().min(0)]).refine(([a, b]) => a <= b, 'first age after the last');

export const CohortsFile = z.strictObject({
  years: z.array(z.number().int()).min(1),
  base_year: z.number().int(),
  census_year: z.number().int(),
  ages: z.strictObject({ primary: AgeRange, junior: AgeRange }),
  births: z.strictObject({
    unit: z.literal('persons/year'),
    description: z.string().min(2),
    values: z.record(z.string().regex(/^\d{4}$/), z.number().positive()),
    source: PolicySource,
  }),
});
export type CohortsFile = z.infer<typeof CohortsFile>;

export function loadCohorts(text: string, file: string): CohortsFile {
  const c = validateYaml(parseYamlText(text.replace(/^\uFEFF/, ''), file), CohortsFile);
  if (!c.years.includes(c.base_year)) throw new Error(`${file}: base_year ${c.base_year} is not one of years`);
  return c;
}

/** Sprague fifth-difference multipliers for 5-year groups: first, second and middle panels (Shryock and Siegel, The Methods and Materials of Demography, appendix C). */
const FIRST: readonly (readonly number[])[] = [
  [0.3616, -0.2768, 0.1488, -0.0336, 0],
  [0.264, -0.096, 0.04, -0.008, 0],
  [0.184, 0.04, -0.032, 0.008, 0],
  [0.12, 0.136, -0.072, 0.016, 0],
  [0.0704, 0.1968, -0.0848, 0.0176, 0],
];
const SECOND: readonly (readonly number[])[] = [
  [0.0336, 0.2272, -0.0752, 0.0144, 0],
  [0.008, 0.232, -0.048, 0.008, 0],
  [-0.008, 0.216, -0.008, 0, 0],
  [-0.016, 0.184, 0.04, -0.008, 0],
  [-0.0176, 0.1408, 0.0912, -0.0144, 0],
];
const MIDDLE: readonly (readonly number[])[] = [
  [-0.0128, 0.0848, 0.1504, -0.024, 0.0016],
  [-0.0016, 0.0144, 0.2224, -0.0416, 0.0064],
  [0.0064, -0.0336, 0.2544, -0.0336, 0.0064],
  [0.0064, -0.0416, 0.2224, 0.0144, -0.0016],
  [0.0016, -0.024, 0.1504, 0.0848, -0.0128],
];

/** Spread a band over its single years by weights, keeping the band total; negative weights count as 0. */
function spread(total: number, raw: readonly number[]): number[] {
  const w = raw.map((x) => Math.max(0, x));
  const s = w.reduce((a, b) => a + b, 0);
  return s > 0 ? w.map((x) => (total * x) / s) : w.map(() => total / w.length);
}

/**
 * Residents at single ages 0–14 at the census: Sprague multipliers on the bands 0–4 (= age_0 +
 * age_1_4), 5–9, 10–14, 15–19, 20–24; age 0 is the census count, ages 1–4 share age_1_4. Each
 * band keeps its census total (a negative interpolated year, possible in tiny units, counts as 0
 * and the band is re-spread).
 */
export function singleYearAges(c: Readonly<Record<CountField, number>>): number[] {
  const n = [c.age_0 + c.age_1_4, c.age_5_9, c.age_10_14, c.age_15_19, c.age_20_24];
  const apply = (rows: readonly (readonly number[])[]): number[] => rows.map((r) => r.reduce((s, k, i) => s + k * n[i]!, 0));
  const first = apply(FIRST);
  return [c.age_0, ...spread(c.age_1_4, first.slice(1)), ...spread(c.age_5_9, apply(SECOND)), ...spread(c.age_10_14, apply(MIDDLE))];
}

export type Level = 'primary' | 'junior';
export const LEVELS: readonly Level[] = ['primary', 'junior'];

/** Census residents at the school ages of `year` (ages [lo, hi] in that year = census ages minus the years since). */
export function cohortAtAges(ages: readonly number[], range: readonly [number, number], year: number, censusYear: number): number {
  const k = year - censusYear;
  let s = 0;
  for (let a = range[0]; a <= range[1]; a++) {
    const at = a - k;
    if (at < 0 || at >= ages.length) throw new Error(`no census single-year age ${at} for age ${a} in ${year} (ages 0–${ages.length - 1} are derived)`);
    s += ages[at]!;
  }
  return s;
}

/** Registered births of the cohorts at the school ages of `year`. */
export function birthsAtAges(c: CohortsFile, range: readonly [number, number], year: number): number {
  let s = 0;
  for (let a = range[0]; a <= range[1]; a++) {
    const b = c.births.values[String(year - a)];
    if (b === undefined) throw new Error(`cohorts.yaml: no births for ${year - a} (age ${a} in ${year})`);
    s += b;
  }
  return s;
}

export interface CohortUnit {
  readonly code: string;
  readonly counts: Readonly<Record<CountField, number>>;
  /** the data-year pupil drivers */
  readonly pupils: Readonly<Record<Level, number>>;
}

export interface CohortResult {
  /** unit code → `pupils_<level>_<year>` → pupils */
  readonly byUnit: Map<string, Record<string, number>>;
  /** national closure κ and births ratio by level and year, for the import report */
  readonly national: Array<{ level: Level; year: number; birthsRatio: number; censusRatio: number; kappa: number; total: number }>;
}

/** The census bands of single ages 0–14: age 0, 1–4, 5–9, 10–14. */
const BAND_OF_AGE: readonly CountField[] = ['age_0', 'age_1_4', 'age_1_4', 'age_1_4', 'age_1_4', 'age_5_9', 'age_5_9', 'age_5_9', 'age_5_9', 'age_5_9', 'age_10_14', 'age_10_14', 'age_10_14', 'age_10_14', 'age_10_14'];

/**
 * A unit's single ages 0–14: each census band spread over its years by the NATIONAL within-band
 * profile (Sprague on the national bands). A unit's own older bands (15–19, 20–24) would bend its
 * 10–14 split wherever young migrant workers swell them, which says nothing about its children.
 */
export function unitSingleAges(counts: Readonly<Record<CountField, number>>, nationalAges: readonly number[], nationalCounts: Readonly<Record<CountField, number>>): number[] {
  return BAND_OF_AGE.map((band, a) => {
    const nb = nationalCounts[band];
    return nb > 0 ? (counts[band] * nationalAges[a]!) / nb : counts[band] / (band === 'age_0' ? 1 : band === 'age_1_4' ? 4 : 5);
  });
}

export function cohortPupils(units: readonly CohortUnit[], c: CohortsFile): CohortResult {
  const byUnit = new Map<string, Record<string, number>>(units.map((u) => [u.code, {}]));
  const national: CohortResult['national'] = [];
  const nationalCounts = {} as Record<CountField, number>;
  for (const u of units) for (const [k, v] of Object.entries(u.counts)) nationalCounts[k as CountField] = (nationalCounts[k as CountField] ?? 0) + v;
  const nationalAges = singleYearAges(nationalCounts);
  const ages = new Map(units.map((u) => [u.code, unitSingleAges(u.counts, nationalAges, nationalCounts)]));
  for (const level of LEVELS) {
    const range = c.ages[level];
    const nBase = birthsAtAges(c, range, c.base_year);
    for (const year of c.years) {
      const raw = units.map((u) => {
        const a = ages.get(u.code)!;
        const base = cohortAtAges(a, range, c.base_year, c.census_year);
        return base > 0 ? (u.pupils[level] * cohortAtAges(a, range, year, c.census_year)) / base : u.pupils[level];
      });
      const driverTotal = units.reduce((s, u) => s + u.pupils[level], 0);
      const rawTotal = raw.reduce((s, x) => s + x, 0);
      const birthsRatio = birthsAtAges(c, range, year) / nBase;
      const kappa = rawTotal > 0 ? (driverTotal * birthsRatio) / rawTotal : 1;
      let total = 0;
      units.forEach((u, i) => {
        const v = year === c.base_year ? u.pupils[level] : roundHalfUp(raw[i]! * kappa);
        byUnit.get(u.code)![`pupils_${level}_${year}`] = v;
        total += v;
      });
      national.push({ level, year, birthsRatio, censusRatio: driverTotal > 0 ? rawTotal / driverTotal : 1, kappa, total });
    }
  }
  return { byUnit, national };
}

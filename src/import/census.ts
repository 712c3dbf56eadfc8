/**
 * The 2010 census county table (census2010_county.csv): typed rows, and census facts that
 * add up, so that merged, split and residual units are sums, parts and differences.
 *
 * Rates are carried as amounts (rate × base): births per year, persons with non-agricultural
 * registration, minority persons, person-years of schooling. Adding two units adds amounts;
 * the rate of a merged unit is amount ÷ base.
 */
import { InputError, type InputProblem } from '../input/inputError.ts';
import { requireColumns, type Table } from './table.ts';

export const AGE_BANDS = [
  'age_0', 'age_1_4', 'age_5_9', 'age_10_14', 'age_15_19', 'age_20_24', 'age_25_29', 'age_30_34', 'age_35_39',
  'age_40_44', 'age_45_49', 'age_50_54', 'age_55_59', 'age_60_64', 'age_65_69', 'age_70_74', 'age_75_79', 'age_80_84', 'age_85plus',
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Whole-person census counts; a unit's count is the sum of its parts. */
export const COUNT_FIELDS = [
  'resident_pop', 'male', 'female', 'registered_pop', 'urban_pop', 'rural_pop', 'households',
  ...AGE_BANDS,
  'in_migrants_other_county_same_province', 'in_migrants_other_province', 'illiterate_15plus',
] as const;
export type CountField = (typeof COUNT_FIELDS)[number];

/** Counts that are blank for some rows in the source (blank = not reported). */
export const NULLABLE_COUNT_FIELDS = ['in_migrants_same_county'] as const;
export type NullableCountField = (typeof NULLABLE_COUNT_FIELDS)[number];

export interface Amounts {
  /** births in the census year: birth_rate_permille × resident_pop ÷ 1000 */
  readonly births: number;
  /**
   * nonagri_hukou_pct × resident_pop ÷ 100: residents with non-agricultural hukou. The census
   * share is of RESIDENTS (it asks every resident the type of their hukou): province rows equal the
   * resident-weighted mean of their county rows, and 宝安区 (all hukou non-agricultural since
   * 2004) shows 19.58% because of its migrants.
   */
  readonly nonagriPersons: number;
  /** minority_pct × resident_pop ÷ 100; null when the source leaves minority_pct blank */
  readonly minorityPersons: number | null;
  /** avg_years_schooling × residents aged 6+ (see schoolingBase) */
  readonly schoolingYears: number;
}

export interface CensusFacts {
  readonly counts: Readonly<Record<CountField, number>>;
  readonly nullable: Readonly<Record<NullableCountField, number | null>>;
  readonly amounts: Amounts;
}

export type CensusLevel = 'province' | 'prefecture' | 'county';

export interface CensusRow {
  readonly code: string;
  readonly name: string;
  readonly level: CensusLevel;
  readonly line: number;
  readonly facts: CensusFacts;
}

export const CENSUS_COLUMNS = [
  'code', 'name', 'level', ...COUNT_FIELDS, ...NULLABLE_COUNT_FIELDS,
  'minority_pct', 'nonagri_hukou_pct', 'birth_rate_permille', 'avg_years_schooling',
] as const;

/**
 * Residents aged 6 and over, the base of average years of schooling: everyone except ages
 * 0–4 and one fifth of the 5–9 band (uniform within the band).
 */
export function schoolingBase(c: Readonly<Record<CountField, number>>): number {
  return c.resident_pop - c.age_0 - c.age_1_4 - 0.2 * c.age_5_9;
}

export interface CensusParseResult {
  readonly rows: CensusRow[];
  /** notes for the import report: blanks read as 0 or as missing, corrected bands */
  readonly notes: string[];
}

const INT = /^\d+$/;
const DEC = /^\d+(\.\d+)?$/;

/**
 * Parse the census table. Blank rural_pop means 0 (fully urban district) and must then agree
 * with urban_pop = resident_pop; blank in_migrants_same_county and minority_pct mean "not
 * reported" and stay missing. Any other blank or non-number is an error naming row and column.
 */
export function parseCensus(table: Table): CensusParseResult {
  requireColumns(table, CENSUS_COLUMNS);
  const file = table.file;
  const problems: InputProblem[] = [];
  const notes: string[] = [];
  const rows: CensusRow[] = [];
  const seen = new Map<string, number>();
  let blankRural = 0;
  const blankNullable = new Map<string, string[]>();

  for (const { line, cells } of table.rows) {
    const bad = (column: string, message: string): void => void problems.push({ file, line, column, message });
    const code = cells['code']!;
    const level = cells['level']!;
    if (!/^\d{6}$/.test(code)) {
      bad('code', `"${code}" is not a six-digit code`);
      continue;
    }
    if (level !== 'province' && level !== 'prefecture' && level !== 'county') {
      bad('level', `"${level}" is not province, prefecture or county`);
      continue;
    }
    const before = seen.get(code);
    if (before !== undefined) bad('code', `duplicate code ${code} (also on line ${before})`);
    seen.set(code, line);

    let ok = true;
    const counts = {} as Record<CountField, number>;
    for (const f of COUNT_FIELDS) {
      const raw = cells[f]!;
      if (raw === '' && f === 'rural_pop') {
        counts[f] = 0;
        blankRural++;
        continue;
      }
      if (!INT.test(raw)) {
        bad(f, raw === '' ? 'blank count' : `"${raw}" is not a whole number`);
        ok = false;
        continue;
      }
      counts[f] = Number(raw);
    }
    const nullable = {} as Record<NullableCountField, number | null>;
    for (const f of NULLABLE_COUNT_FIELDS) {
      const raw = cells[f]!;
      if (raw === '') {
        nullable[f] = null;
        (blankNullable.get(f) ?? blankNullable.set(f, []).get(f)!).push(`${code} ${cells['name']}`);
      } else if (!INT.test(raw)) {
        bad(f, `"${raw}" is not a whole number`);
        ok = false;
      } else nullable[f] = Number(raw);
    }
    const rate = (f: string, allowBlank: boolean): number | null | undefined => {
      const raw = cells[f]!;
      if (raw === '' && allowBlank) {
        (blankNullable.get(f) ?? blankNullable.set(f, []).get(f)!).push(`${code} ${cells['name']}`);
        return null;
      }
      if (!DEC.test(raw)) {
        bad(f, raw === '' ? 'blank value' : `"${raw}" is not a number`);
        ok = false;
        return undefined;
      }
      return Number(raw);
    };
    const minority = rate('minority_pct', true);
    const nonagri = rate('nonagri_hukou_pct', false);
    const birth = rate('birth_rate_permille', false);
    const schooling = rate('avg_years_schooling', false);
    if (!ok) continue;

    if (counts.urban_pop + counts.rural_pop !== counts.resident_pop) {
      bad('rural_pop', `urban_pop ${counts.urban_pop} + rural_pop ${counts.rural_pop} ≠ resident_pop ${counts.resident_pop}${cells['rural_pop'] === '' ? ' (rural_pop is blank, read as 0)' : ''}`);
      continue;
    }
    if (counts.male + counts.female !== counts.resident_pop) {
      bad('female', `male ${counts.male} + female ${counts.female} ≠ resident_pop ${counts.resident_pop}`);
      continue;
    }
    rows.push({
      code,
      name: cells['name']!,
      level,
      line,
      facts: {
        counts,
        nullable,
        amounts: {
          births: ((birth as number) * counts.resident_pop) / 1000,
          nonagriPersons: ((nonagri as number) * counts.resident_pop) / 100,
          minorityPersons: minority === null ? null : ((minority as number) * counts.resident_pop) / 100,
          schoolingYears: (schooling as number) * schoolingBase(counts),
        },
      },
    });
  }
  if (problems.length) throw new InputError(problems);
  if (blankRural) notes.push(`${blankRural} row(s) with blank rural_pop read as 0 (fully urban; urban_pop = resident_pop checked).`);
  for (const [f, list] of blankNullable) {
    notes.push(`${list.length} row(s) with blank ${f}, kept as missing (output cell left empty): ${list.join(', ')}.`);
  }
  return { rows, notes };
}

export interface BandCorrection {
  readonly code: string;
  readonly name: string;
  readonly line: number;
  readonly band: AgeBand;
  readonly from: number;
  readonly to: number;
  readonly prefecture: string;
}

export interface BandCheck {
  readonly rows: CensusRow[];
  readonly corrections: BandCorrection[];
  /** rows whose bands still do not add up to resident_pop */
  readonly unresolved: Array<{ code: string; name: string; line: number; bandSum: number; resident: number }>;
}

function sumBands(c: Readonly<Record<CountField, number>>): number {
  return AGE_BANDS.reduce((s, b) => s + c[b], 0);
}

/**
 * Age bands of a county row must add up to its resident population. Where they do not, the
 * prefecture row tells which band is mistyped: if exactly one band of the prefecture differs
 * from the sum of its counties by exactly the county's discrepancy, that county band is
 * corrected by the discrepancy. Otherwise the row is left as it is and listed.
 */
export function reconcileAgeBands(rows: readonly CensusRow[]): BandCheck {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const corrections: BandCorrection[] = [];
  const unresolved: BandCheck['unresolved'] = [];
  const out = rows.map((row) => {
    if (row.level !== 'county') return row;
    const diff = row.facts.counts.resident_pop - sumBands(row.facts.counts);
    if (diff === 0) return row;
    const prefCode = `${row.code.slice(0, 4)}00`;
    const pref = byCode.get(prefCode);
    let fixed: CensusRow | undefined;
    if (pref && pref.level === 'prefecture' && sumBands(pref.facts.counts) === pref.facts.counts.resident_pop) {
      const siblings = rows.filter((r) => r.level === 'county' && r.code.startsWith(row.code.slice(0, 4)));
      const candidates = AGE_BANDS.filter((b) => pref.facts.counts[b] - siblings.reduce((s, r) => s + r.facts.counts[b], 0) === diff);
      const band = candidates[0];
      if (candidates.length === 1 && band && row.facts.counts[band] + diff >= 0) {
        const counts = { ...row.facts.counts, [band]: row.facts.counts[band] + diff };
        fixed = { ...row, facts: { ...row.facts, counts, amounts: { ...row.facts.amounts, schoolingYears: (row.facts.amounts.schoolingYears / schoolingBase(row.facts.counts)) * schoolingBase(counts) } } };
        corrections.push({ code: row.code, name: row.name, line: row.line, band, from: row.facts.counts[band], to: counts[band], prefecture: `${prefCode} ${pref.name}` });
      }
    }
    if (!fixed) unresolved.push({ code: row.code, name: row.name, line: row.line, bandSum: sumBands(row.facts.counts), resident: row.facts.counts.resident_pop });
    return fixed ?? row;
  });
  return { rows: out, corrections, unresolved };
}

// ---------------------------------------------------------------------------
// Arithmetic on facts

export function emptyFacts(): CensusFacts {
  const counts = {} as Record<CountField, number>;
  for (const f of COUNT_FIELDS) counts[f] = 0;
  return { counts, nullable: { in_migrants_same_county: 0 }, amounts: { births: 0, nonagriPersons: 0, minorityPersons: 0, schoolingYears: 0 } };
}

const addNullable = (a: number | null, b: number | null, sign: 1 | -1): number | null => (a === null || b === null ? null : a + sign * b);

export function addFacts(a: CensusFacts, b: CensusFacts): CensusFacts {
  return combine(a, b, 1);
}

/** a − b: the part of a (a prefecture) outside b (its county rows). */
export function subtractFacts(a: CensusFacts, b: CensusFacts): CensusFacts {
  return combine(a, b, -1);
}

function combine(a: CensusFacts, b: CensusFacts, sign: 1 | -1): CensusFacts {
  const counts = {} as Record<CountField, number>;
  for (const f of COUNT_FIELDS) counts[f] = a.counts[f] + sign * b.counts[f];
  const nullable = {} as Record<NullableCountField, number | null>;
  for (const f of NULLABLE_COUNT_FIELDS) nullable[f] = addNullable(a.nullable[f], b.nullable[f], sign);
  return {
    counts,
    nullable,
    amounts: {
      births: a.amounts.births + sign * b.amounts.births,
      nonagriPersons: a.amounts.nonagriPersons + sign * b.amounts.nonagriPersons,
      minorityPersons: addNullable(a.amounts.minorityPersons, b.amounts.minorityPersons, sign),
      schoolingYears: a.amounts.schoolingYears + sign * b.amounts.schoolingYears,
    },
  };
}

/**
 * Split whole numbers by shares with the largest-remainder method: parts are whole, add up
 * exactly to the total, and ties go to the earlier part.
 */
export function splitInteger(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const quotas = shares.map((s) => (sum > 0 ? (total * s) / sum : 0));
  const parts = quotas.map((q) => Math.floor(q));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, i) => ({ i, frac: q - Math.floor(q) })).sort((x, y) => y.frac - x.frac || x.i - y.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left--;
  }
  return parts;
}

/** Split facts into parts by population share: counts by largest remainder, amounts pro rata. */
export function splitFacts(f: CensusFacts, shares: readonly number[]): CensusFacts[] {
  const parts = shares.map(() => ({ counts: {} as Record<CountField, number>, nullable: {} as Record<NullableCountField, number | null> }));
  for (const field of COUNT_FIELDS) {
    splitInteger(f.counts[field], shares).forEach((v, i) => (parts[i]!.counts[field] = v));
  }
  for (const field of NULLABLE_COUNT_FIELDS) {
    const v = f.nullable[field];
    if (v === null) parts.forEach((p) => (p.nullable[field] = null));
    else splitInteger(v, shares).forEach((x, i) => (parts[i]!.nullable[field] = x));
  }
  for (const p of parts) {
    // keep each part internally consistent: resident = urban + rural (each split on its own,
    // so both add up to the whole), female = resident − male
    p.counts.resident_pop = p.counts.urban_pop + p.counts.rural_pop;
    p.counts.female = p.counts.resident_pop - p.counts.male;
    if (p.counts.female < 0) throw new Error(`splitting facts gave a part with ${p.counts.resident_pop} residents but ${p.counts.male} males`);
  }
  balanceBands(parts.map((p) => p.counts));
  return parts.map((p, i) => {
    const s = shares[i]!;
    return {
      counts: p.counts,
      nullable: p.nullable,
      amounts: {
        births: f.amounts.births * s,
        nonagriPersons: f.amounts.nonagriPersons * s,
        minorityPersons: f.amounts.minorityPersons === null ? null : f.amounts.minorityPersons * s,
        schoolingYears: f.amounts.schoolingYears * s,
      },
    };
  });
}

/**
 * Bands rounded one by one need not add up to each part's residents even when they do for the
 * whole. Move single persons, band by band, from parts with too many to parts with too few
 * (from the part's largest band, first such band on ties): band totals over the parts and
 * every part's resident count stay as they are.
 */
function balanceBands(parts: Array<Record<CountField, number>>): void {
  const excess = parts.map((c) => sumBands(c) - c.resident_pop);
  if (excess.reduce((a, b) => a + b, 0) !== 0) return; // the whole does not add up either; leave it
  for (;;) {
    const from = excess.findIndex((e) => e > 0);
    const to = excess.findIndex((e) => e < 0);
    if (from < 0 || to < 0) return;
    const band = AGE_BANDS.reduce((best, b) => (parts[from]![b] > parts[from]![best] ? b : best), AGE_BANDS[0]);
    parts[from]![band] -= 1;
    parts[to]![band] += 1;
    excess[from]! -= 1;
    excess[to]! += 1;
  }
}

/** Rates back from amounts, for output and proxies. */
export function ratesOf(f: CensusFacts): { nonagriHukouPct: number; minorityPct: number | null; avgYearsSchooling: number; birthRatePermille: number } {
  const c = f.counts;
  return {
    nonagriHukouPct: c.resident_pop > 0 ? (100 * f.amounts.nonagriPersons) / c.resident_pop : 0,
    minorityPct: f.amounts.minorityPersons === null ? null : c.resident_pop > 0 ? (100 * f.amounts.minorityPersons) / c.resident_pop : 0,
    avgYearsSchooling: schoolingBase(c) > 0 ? f.amounts.schoolingYears / schoolingBase(c) : 0,
    birthRatePermille: c.resident_pop > 0 ? (1000 * f.amounts.births) / c.resident_pop : 0,
  };
}

/**
 * Output rows in the loader's CSV contract (src/input/countyColumns.ts): the columns, their
 * origin (column-level provenance) and the CSV text.
 */
import { CENSUS_FACT_COLUMNS, DATED_DRIVER_STEMS, FISCAL_STEMS, IDENTITY_COLUMNS, OPTIONAL_COLUMNS, POPULATION_COLUMNS, type ColumnSpec } from '../input/countyColumns.ts';
import { ratesOf, type CountField } from './census.ts';
import { DRIVER_NAMES, DRIVER_RULES, type DriverName } from './drivers.ts';
import type { BuiltUnit } from './pipeline.ts';
import { budgetOutputColumns } from './budgetOutput.ts';

/** Optional contract columns the import does not fill (the loader's default applies). */
export const OMITTED_COLUMNS = ['cost_index'] as const;

export type Origin = 'identity' | 'census fact' | 'derived by rule' | 'flag by rule' | 'estimated by method' | 'note';

export interface ColumnInfo {
  readonly name: string;
  readonly spec: ColumnSpec;
  readonly origin: Origin;
  /** how the value is obtained */
  readonly method: string;
}

const CENSUS_DIRECT: ReadonlySet<string> = new Set<string>([
  'resident_pop', 'registered_pop', 'urban_pop', 'rural_pop', 'in_migrants_other_province',
  ...CENSUS_FACT_COLUMNS.map((c) => c.name),
]);

const IDENTITY_METHODS: Readonly<Record<string, [Origin, string]>> = {
  code: ['identity', 'December 2012 code (admin_codes_2012.tsv); county-equivalents and residual units carry their prefecture code'],
  name: ['identity', 'December 2012 name; residual units are named after the areas they stand for'],
  province_code: ['identity', 'first two digits of the code + 0000'],
  province: ['identity', 'province name in the 2012 list'],
  prefecture_code: ['identity', 'first four digits + 00 (xx9000 for units under the province; xx0100 / xx0200 for the districts / counties of a municipality)'],
  prefecture: ['identity', 'prefecture name in the 2012 list; 省直辖县级行政区划 / 自治区直辖县级行政区划 for xx90 units; 北京市（市辖区）/ 北京市（县）for municipalities'],
  region_group: ['identity', 'province region group 2011–2015 (provinces.yaml region_group)'],
  tier_2018: ['identity', 'province tier under 国办发〔2018〕6号, 计划单列市 counties tier 4 (provinces.yaml tier_2018)'],
  directly_managed: ['flag by rule', 'units under the province (xx90) and municipal units; counties and county-level cities (not districts) of provinces listed in flags.directly_managed'],
  difficult: ['flag by rule', 'western region, prefectures treated as western, or on the 832 poverty list (flags.difficult)'],
  nutrition_pilot: ['flag by rule', 'ESTIMATE (proxy): on the 832 poverty list AND inside a province, prefecture or unit listed for one of the 14 contiguous poverty areas (provinces.yaml flags.nutrition_pilot.areas) — approximates the 680 contiguous-area counties of the 2011 national pilot; replace with a roster when available'],
};

const RATE_COLUMNS = new Set(['avg_years_schooling', 'minority_pct', 'nonagri_hukou_pct']);

/** The output columns in order, each with its origin. Errors if the contract has a column the import cannot fill. */
export function outputColumns(years: readonly number[], budgetYears: readonly number[] = [], cohortYears: readonly number[] = []): ColumnInfo[] {
  const cols: ColumnInfo[] = [];
  for (const spec of IDENTITY_COLUMNS) {
    const m = IDENTITY_METHODS[spec.name];
    if (!m) throw new Error(`the column contract has identity column ${spec.name}, which the import does not know`);
    cols.push({ name: spec.name, spec, origin: m[0], method: m[1] });
  }
  for (const spec of [...POPULATION_COLUMNS, ...CENSUS_FACT_COLUMNS]) {
    if (CENSUS_DIRECT.has(spec.name)) {
      const merged = RATE_COLUMNS.has(spec.name) ? 'rate; for merged or residual units recomputed from amounts (rate × base)' : 'count; sums over merged parts, shares of split parts';
      cols.push({ name: spec.name, spec, origin: 'census fact', method: `census2010_county.csv ${spec.name} (${merged})` });
    } else if ((DRIVER_NAMES as readonly string[]).includes(spec.name)) {
      cols.push({ name: spec.name, spec, origin: 'derived by rule', method: DRIVER_RULES[spec.name as DriverName] });
    } else throw new Error(`the column contract has column ${spec.name}, which the import does not know`);
  }
  for (const stem of FISCAL_STEMS) {
    for (const y of years) {
      cols.push({ name: `${stem.name}_${y}`, spec: stem, origin: 'estimated by method', method: FISCAL_METHODS[stem.name] ?? 'see Estimates' });
    }
  }
  // the dated pupil columns (cohorts.ts)
  for (const stem of DATED_DRIVER_STEMS) {
    for (const y of cohortYears) cols.push({ name: `${stem.name}_${y}`, spec: stem, origin: 'derived by rule', method: COHORT_METHOD });
  }
  // the county budget columns (budgetOutput.ts)
  for (const c of budgetOutputColumns(budgetYears)) cols.push(c);
  for (const spec of OPTIONAL_COLUMNS) {
    if ((OMITTED_COLUMNS as readonly string[]).includes(spec.name)) continue;
    if (spec.name === 'provenance') cols.push({ name: spec.name, spec, origin: 'note', method: 'census rows the unit is made of, how they were matched, and which columns are estimates' });
    else throw new Error(`the column contract has optional column ${spec.name}, which the import does not know`);
  }
  return cols;
}

const COHORT_METHOD = 'driver (data year) × C(year) ÷ C(base year) × κ(year): C the unit\'s census residents at the level\'s school ages in that year (single-year ages 0–14: each census band spread by the national within-band profile from Sprague multipliers, aged forward from the census), κ one national factor closing the total to driver total × registered births of the school-age cohorts of that year ÷ those of the base year (data/projection/cohorts.yaml); the base year\'s value is the driver';

const FISCAL_METHODS: Readonly<Record<string, string>> = {
  own_revenue: 'ESTIMATE: published provincial local general-budget revenue (provinces.yaml revenue.by_province) × county-level revenue share, spread by residents (migrants included) × d^ε, d = cbrt(urban share × (1 + in-migrant share) × years of schooling), ε estimated each year across provinces',
  general_expenditure: 'ESTIMATE: province general-budget expenditure × county-level expenditure share, spread by residents × d^expenditure_elasticity (d as for own_revenue)',
  other_std_expenditure: 'ESTIMATE: county-level expenditure × (1 − province education share − non-education basic share), spread like general_expenditure',
};

/** fen → yuan with two decimals */
export function fenToYuan(fen: number): string {
  if (!Number.isInteger(fen) || fen < 0) throw new Error(`money ${fen} fen is not a non-negative whole number of fen`);
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

const rate2 = (x: number): string => String(Math.round(x * 100) / 100);

export function provenanceOf(u: BuiltUnit): string {
  const parts = u.parts.map((p) => {
    const share = p.share === 1 ? '' : ` ×${Number(p.share.toFixed(4))}`;
    return `${p.censusCode} ${p.censusName}${share} (${p.how.replace(/_/g, ' ')})`;
  });
  const kind = u.kind === 'county' ? '' : u.kind === 'county_equivalent' ? 'County-equivalent prefecture-level city. ' : 'Residual unit: prefecture row minus its county rows. ';
  // sentences, not semicolons: a CSV reader that guesses the delimiter must not take ';' for it
  return `${kind}Census 2010: ${parts.join(' + ')}. Drivers derived by rule. Fiscal and budget columns ESTIMATED from provincial and national totals.${u.budgetFlagReasons.length ? ` Flags: ${u.budgetFlagReasons.join('. ')}.` : ''}`;
}

export function rowValues(u: BuiltUnit, columns: readonly ColumnInfo[]): string[] {
  const rates = ratesOf(u.facts);
  const c = u.facts.counts;
  return columns.map((col) => {
    const n = col.name;
    switch (n) {
      case 'code': return u.code;
      case 'name': return u.name;
      case 'province_code': return u.provinceCode;
      case 'province': return u.province;
      case 'prefecture_code': return u.prefectureCode;
      case 'prefecture': return u.prefecture;
      case 'region_group': return u.regionGroup;
      case 'tier_2018': return String(u.tier2018);
      case 'directly_managed': return String(u.flags.directly_managed);
      case 'difficult': return String(u.flags.difficult);
      case 'nutrition_pilot': return String(u.flags.nutrition_pilot);
      case 'avg_years_schooling': return rate2(rates.avgYearsSchooling);
      case 'nonagri_hukou_pct': return rate2(rates.nonagriHukouPct);
      case 'minority_pct': return rates.minorityPct === null ? '' : rate2(rates.minorityPct);
      case 'in_migrants_same_county': return u.facts.nullable.in_migrants_same_county === null ? '' : String(u.facts.nullable.in_migrants_same_county);
      case 'provenance': return provenanceOf(u);
      case 'fiscal_staff': return String(u.fiscalStaff);
    }
    if (u.cohortPupils && n in u.cohortPupils) return String(u.cohortPupils[n]);
    if (n in u.budgetFlags) return String(u.budgetFlags[n as keyof BuiltUnit['budgetFlags']]);
    if (n in u.drivers) return String(u.drivers[n as DriverName]);
    if (n in c) return String(c[n as CountField]);
    if (n in u.fiscal) return fenToYuan(u.fiscal[n]!);
    throw new Error(`no value for column ${n} of unit ${u.code}`);
  });
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** UTF-8 CSV text, LF line ends, one row per unit in code order. */
export function toCsv(units: readonly BuiltUnit[], columns: readonly ColumnInfo[]): string {
  const lines = [columns.map((c) => csvCell(c.name)).join(',')];
  for (const u of [...units].sort((a, b) => a.code.localeCompare(b.code))) lines.push(rowValues(u, columns).map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

/** Machine-readable column dictionary (columns.csv): the column-level provenance. */
export function columnsCsv(columns: readonly ColumnInfo[]): string {
  const lines = ['column,origin,unit,required,description,method'];
  for (const c of columns) lines.push([c.name, c.origin, c.spec.unit, c.spec.required ? 'yes' : 'no', c.spec.description, c.method].map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

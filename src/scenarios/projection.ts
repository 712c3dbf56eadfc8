/**
 * Project county data to a year: population drivers grow from the census year by the
 * population growth in force each year, and the pupil drivers also follow their birth cohorts
 * where the county file gives dated pupil columns (cohortRatio); fiscal figures are taken from the county file for
 * years it holds and grown from the latest earlier year otherwise.
 */
import { valueAt, type Dated } from '../input/datedValues.ts';
import type { County } from '../model/county.ts';
import { CENSUS_FACT_COLUMNS, OPTIONAL_COLUMNS } from '../input/countyColumns.ts';
import { MoneyOverflowError, nearHalfFen, productToFen, roundYuanToFen } from '../model/money.ts';
import type { CountyFiscalYear } from '../model/budget/countyFiscalYear.ts';
import { DriverColumns } from '../model/driverColumns.ts';

/** The census year the population drivers describe. */
export const CENSUS_YEAR = 2010;

/** Π (1 + g_y) for y in (from, to]. */
export function growthFactor(growth: Dated<number>, from: number, to: number): number {
  let f = 1;
  for (let y = from + 1; y <= to; y++) f *= 1 + (valueAt(growth, y) ?? 0);
  return f;
}

/** Driver columns that are rates or shares, not counts: they do not grow with the population. */
const RATE_DRIVERS: ReadonlySet<string> = new Set([...CENSUS_FACT_COLUMNS, ...OPTIONAL_COLUMNS].filter((c) => c.kind === 'ratio').map((c) => c.name));

/** The pupil drivers a dated pupil column (pupils_primary_<year>, pupils_junior_<year>) moves. */
const COHORT_DRIVERS: Readonly<Record<string, readonly string[]>> = {
  pupils_primary: ['pupils_primary', 'rural_pupils_primary', 'urban_pupils_primary'],
  pupils_junior: ['pupils_junior', 'rural_pupils_junior', 'urban_pupils_junior'],
};

/**
 * Cohort ratio of a dated driver in `year`: the file's value for the year (or the latest earlier
 * year given) ÷ the driver; 1 when the file gives none or the driver is 0.
 */
export function cohortRatio(county: County, stem: string, year: number): number {
  const byYear = county.datedDrivers?.[stem];
  const base = county.drivers[stem];
  if (byYear === undefined || base === undefined || base <= 0) return 1;
  const y = latestYearAtOrBefore(byYear, year);
  return y === undefined ? 1 : byYear[y]! / base;
}

/** What cohortRatio reads of a county's dated stem: its years newest first, the value of each, the driver. */
interface CohortColumn {
  readonly years: readonly number[];
  readonly values: readonly number[];
  readonly base: number;
}

/** The county's dated stem as cohortRatio reads it (undefined where cohortRatio is 1 in every year). */
function cohortColumn(county: County, stem: string): CohortColumn | undefined {
  const byYear = county.datedDrivers?.[stem];
  const base = county.drivers[stem];
  if (byYear === undefined || base === undefined || base <= 0) return undefined;
  const years = newestFirst(byYear);
  return { years, values: years.map((y) => byYear[y]!), base };
}

/** cohortRatio from the stem read once: the same year found, the same division. */
function cohortRatioOf(column: CohortColumn | undefined, year: number): number {
  if (column === undefined) return 1;
  const { years, values, base } = column;
  for (let i = 0; i < years.length; i++) if (years[i]! <= year) return values[i]! / base;
  return 1;
}

/** The cohort ratio of each dated pupil stem in `year` that moves a driver (≠ 1), by driver. */
function cohortRatios(county: County, year: number): Record<string, number> {
  const ratios: Record<string, number> = {};
  if (county.datedDrivers) {
    for (const [stem, moved] of Object.entries(COHORT_DRIVERS)) {
      const r = cohortRatio(county, stem, year);
      if (r !== 1) for (const d of moved) ratios[d] = r;
    }
  }
  return ratios;
}

export function projectDrivers(county: County, year: number, populationGrowth: Dated<number>): County {
  const f = growthFactor(populationGrowth, CENSUS_YEAR, year);
  const ratios = cohortRatios(county, year);
  if (f === 1 && Object.keys(ratios).length === 0) return county;
  return { ...county, drivers: projectedDrivers(county, f, ratios) };
}

function projectedDrivers(county: County, f: number, ratios: Readonly<Record<string, number>>): Record<string, number> {
  const drivers: Record<string, number> = {};
  for (const [k, v] of Object.entries(county.drivers)) drivers[k] = RATE_DRIVERS.has(k) ? v : v * f * (ratios[k] ?? 1);
  return drivers;
}

/**
 * The counties of a run projected year by year, as projectDrivers projects them, without one
 * drivers object per county and year: each year's counties read their drivers lazily (the
 * object is built the first time something reads `drivers`, with the same keys, order and
 * values as projectDrivers gives), and the model reads them as typed columns computed from the
 * base columns: a rate driver is its base value, any other base × f × the county's cohort ratio
 * (1 when none), the same expression, in the same order, as projectDrivers (v × 1 × 1 = v
 * exactly for every double, so the counties projectDrivers returns unchanged agree too).
 */
export class CountyProjection {
  private readonly baseColumns: DriverColumns;
  private readonly cohortDriver: ReadonlyMap<string, string>;
  /** per cohort stem, per county: what cohortRatio reads, read once (undefined: the ratio is 1 every year) */
  private readonly cohorts: ReadonlyMap<string, readonly (CohortColumn | undefined)[]>;
  /** per county, its own keys (lazilyProjected copies them in this order) */
  private readonly keys: readonly (readonly string[])[];

  constructor(
    readonly counties: readonly County[],
    readonly populationGrowth: Dated<number>,
  ) {
    this.baseColumns = new DriverColumns(counties);
    this.cohortDriver = new Map(Object.entries(COHORT_DRIVERS).flatMap(([stem, moved]) => moved.map((d) => [d, stem] as const)));
    this.cohorts = new Map(Object.keys(COHORT_DRIVERS).map((stem) => [stem, counties.map((county) => cohortColumn(county, stem))]));
    this.keys = counties.map((county) => Object.keys(county));
  }

  /** The counties projected to `year` (same order) and their drivers as columns. */
  year(year: number): { counties: County[]; drivers: DriverColumns } {
    const f = growthFactor(this.populationGrowth, CENSUS_YEAR, year);
    const n = this.counties.length;
    // per cohort stem, each county's ratio (1: none); and whether projectDrivers returns the county as it is
    const ratios = new Map<string, Float64Array>(Object.keys(COHORT_DRIVERS).map((stem) => [stem, new Float64Array(n).fill(1)]));
    const unchanged = new Uint8Array(n);
    const cohorts = [...this.cohorts].map(([stem, columns]) => ({ columns, ratios: ratios.get(stem)! }));
    const counties = this.counties.map((county, c): County => {
      let moved = false;
      if (county.datedDrivers) {
        for (const { columns, ratios } of cohorts) {
          const r = cohortRatioOf(columns[c], year);
          if (r !== 1) {
            ratios[c] = r;
            moved = true;
          }
        }
      }
      if (f === 1 && !moved) {
        unchanged[c] = 1;
        return county;
      }
      return lazilyProjected(county, year, f, this.keys[c]);
    });
    return { counties, drivers: new ProjectedDriverColumns(counties, this.baseColumns, f, (name) => ratios.get(this.cohortDriver.get(name) ?? ''), unchanged) };
  }
}

/** What a lazily projected county needs to build its drivers, by county object. */
const lazyDrivers = new WeakMap<object, { readonly base: County; readonly year: number; readonly f: number; drivers?: Record<string, number> }>();

/** The `drivers` accessor every lazily projected county shares (one accessor, so that they share one shape and stay fast objects). */
const DRIVERS_ACCESSOR: PropertyDescriptor = {
  get(this: object): Record<string, number> {
    const s = lazyDrivers.get(this)!;
    return (s.drivers ??= projectedDrivers(s.base, s.f, cohortRatios(s.base, s.year)));
  },
  enumerable: true,
  configurable: true,
};

/**
 * The county with `drivers` projected by projectDrivers the first time it is read: the same own
 * keys in the same order as `{ ...county, drivers }`, each other value the county's own.
 */
function lazilyProjected(county: County, year: number, f: number, keys: readonly string[] = Object.keys(county)): County {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (key === 'drivers') Object.defineProperty(out, key, DRIVERS_ACCESSOR);
    else out[key] = county[key as keyof County];
  }
  lazyDrivers.set(out, { base: county, year, f });
  return out as unknown as County;
}

/** Projected driver columns: rate drivers as they are, the others base × f × cohort ratio. */
class ProjectedDriverColumns extends DriverColumns {
  constructor(
    counties: readonly County[],
    private readonly base: DriverColumns,
    private readonly f: number,
    private readonly ratiosOf: (name: string) => Float64Array | undefined,
    private readonly unchanged: Uint8Array,
  ) {
    super(counties);
  }

  /**
   * As on the projected object: projectDrivers copies every key, so a key whose base value is
   * undefined becomes NaN (v × f × r), except for rate drivers and counties returned unchanged.
   */
  override has(name: string, c: number): boolean {
    const base = this.base.counties[c]!.drivers;
    return base[name] !== undefined || (name in base && !RATE_DRIVERS.has(name) && this.unchanged[c] === 0);
  }

  protected override build(name: string): Float64Array {
    const base = this.base.column(name);
    if (RATE_DRIVERS.has(name)) return base;
    const ratios = this.ratiosOf(name);
    const f = this.f;
    const col = new Float64Array(base.length);
    if (ratios) for (let c = 0; c < col.length; c++) col[c] = base[c]! * f * ratios[c]!;
    else for (let c = 0; c < col.length; c++) col[c] = base[c]! * f;
    return col;
  }
}

export class ProjectionError extends Error {}

/** The years of each dated column, newest first, read once per column object (a county's columns do not change). */
const yearsNewestFirst = new WeakMap<object, readonly number[]>();

function newestFirst(byYear: Readonly<Record<number, number>>): readonly number[] {
  let years = yearsNewestFirst.get(byYear);
  if (!years) yearsNewestFirst.set(byYear, (years = Object.keys(byYear).map(Number).sort((a, b) => b - a)));
  return years;
}

/** The latest year before `year` the column has a value for (undefined: none). */
function latestYearBefore(byYear: Readonly<Record<number, number>>, year: number): number | undefined {
  for (const y of newestFirst(byYear)) if (y < year) return y;
  return undefined;
}

/** The latest year up to `year` the column has a value for (undefined: none). */
function latestYearAtOrBefore(byYear: Readonly<Record<number, number>>, year: number): number | undefined {
  for (const y of newestFirst(byYear)) if (y <= year) return y;
  return undefined;
}

/** A dated fiscal figure for `year` in fen: the file's value, or the latest earlier one grown. */
export function fiscalValueFen(county: County, stem: string, year: number, growth: Dated<number>): number {
  const byYear = county.fiscal[stem] ?? {};
  const exact = byYear[year];
  if (exact !== undefined) {
    // productToFen([exact]) without its list and label, unless at a half-fen (the same double and rounding)
    const yuan = (100 * exact) / 100;
    return nearHalfFen(yuan) ? productToFen([exact], `${stem} ${year}`) : roundYuanToFen(yuan);
  }
  const earlier = latestYearBefore(byYear, year);
  if (earlier === undefined) {
    throw new ProjectionError(`county ${county.code} has no ${stem} for ${year} or any earlier year to project from`);
  }
  const value = byYear[earlier]!;
  const g = growthFactor(growth, earlier, year);
  // productToFen([value, g]) without its list and label, unless at a half-fen (the same double and rounding)
  const yuan = (100 * value * g) / 100;
  return nearHalfFen(yuan) ? productToFen([value, g], `${stem} ${year} (projected from ${earlier})`) : roundYuanToFen(yuan);
}

/** The dated fiscal stems a year's budget reads, and how each is carried past the last year given. */
const FLAT: Dated<number> = [];

/** A stem the county file does not hold at all counts as zero (the loader says which columns are required). */
function stemFen(county: County, stem: string, year: number, growth: Dated<number>): number {
  return county.fiscal[stem] === undefined ? 0 : fiscalValueFen(county, stem, year, growth);
}

/**
 * The county's fiscal inputs for `year`: own revenue and the tax base grow with revenue past
 * the last year given; rebates, system subsidies and remittances are held at their last value
 * (the two-tax rebate grows far slower than revenue and the other two are fixed bases).
 */
export function fiscalForYear(county: County, year: number, revenueGrowth: Dated<number>): CountyFiscalYear {
  try {
    return {
      ownRevenueFen: fiscalValueFen(county, 'own_revenue', year, revenueGrowth),
      rebateTwoTaxFen: stemFen(county, 'rebate_two_tax', year, FLAT),
      rebateIncomeTaxFen: stemFen(county, 'rebate_income_tax', year, FLAT),
      rebateOilFen: stemFen(county, 'rebate_oil', year, FLAT),
      systemSubsidyFen: stemFen(county, 'system_subsidy', year, FLAT),
      remittanceFen: stemFen(county, 'remittance', year, FLAT),
      taxBaseFen: stemFen(county, 'tax_base', year, revenueGrowth),
    };
  } catch (e) {
    // a projected amount too large for exact money: say which county
    throw e instanceof MoneyOverflowError ? e.at({ county: `${county.code} ${county.name}` }) : e;
  }
}

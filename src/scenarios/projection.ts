/**
 * Project county data to a year: population drivers grow from the census year by the
 * population growth in force each year, and the pupil drivers also follow their birth cohorts
 * where the county file gives dated pupil columns (cohortRatio); fiscal figures are taken from the county file for
 * years it holds and grown from the latest earlier year otherwise.
 */
import { valueAt, type Dated } from '../input/datedValues.ts';
import type { County } from '../model/county.ts';
import { CENSUS_FACT_COLUMNS, OPTIONAL_COLUMNS } from '../input/countyColumns.ts';
import { MoneyOverflowError, productToFen } from '../model/money.ts';
import type { CountyFiscalYear } from '../model/budget/countyFiscalYear.ts';

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
  const y = Object.keys(byYear).map(Number).filter((k) => k <= year).sort((a, b) => b - a)[0];
  return y === undefined ? 1 : byYear[y]! / base;
}

export function projectDrivers(county: County, year: number, populationGrowth: Dated<number>): County {
  const f = growthFactor(populationGrowth, CENSUS_YEAR, year);
  const ratios: Record<string, number> = {};
  if (county.datedDrivers) {
    for (const [stem, moved] of Object.entries(COHORT_DRIVERS)) {
      const r = cohortRatio(county, stem, year);
      if (r !== 1) for (const d of moved) ratios[d] = r;
    }
  }
  if (f === 1 && Object.keys(ratios).length === 0) return county;
  const drivers: Record<string, number> = {};
  for (const [k, v] of Object.entries(county.drivers)) drivers[k] = RATE_DRIVERS.has(k) ? v : v * f * (ratios[k] ?? 1);
  return { ...county, drivers };
}

export class ProjectionError extends Error {}

/** The years of each dated column, newest first, read once per column object (a county's columns do not change). */
const yearsNewestFirst = new WeakMap<object, readonly number[]>();

/** The latest year before `year` the column has a value for (undefined: none). */
function latestYearBefore(byYear: Readonly<Record<number, number>>, year: number): number | undefined {
  let years = yearsNewestFirst.get(byYear);
  if (!years) yearsNewestFirst.set(byYear, (years = Object.keys(byYear).map(Number).sort((a, b) => b - a)));
  for (const y of years) if (y < year) return y;
  return undefined;
}

/** A dated fiscal figure for `year` in fen: the file's value, or the latest earlier one grown. */
export function fiscalValueFen(county: County, stem: string, year: number, growth: Dated<number>): number {
  const byYear = county.fiscal[stem] ?? {};
  const exact = byYear[year];
  if (exact !== undefined) return productToFen([exact], `${stem} ${year}`);
  const earlier = latestYearBefore(byYear, year);
  if (earlier === undefined) {
    throw new ProjectionError(`county ${county.code} has no ${stem} for ${year} or any earlier year to project from`);
  }
  return productToFen([byYear[earlier]!, growthFactor(growth, earlier, year)], `${stem} ${year} (projected from ${earlier})`);
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

/**
 * Project county data to a year: population drivers grow from the census year by the
 * population growth in force each year; fiscal figures are taken from the county file for
 * years it holds and grown from the latest earlier year otherwise.
 */
import { valueAt, type Dated } from '../input/datedValues.ts';
import type { County } from '../model/county.ts';
import { MoneyOverflowError, productToFen } from '../model/money.ts';
import type { CountyFiscalYear } from '../model/runYear.ts';

/** The census year the population drivers describe. */
export const CENSUS_YEAR = 2010;

/** Π (1 + g_y) for y in (from, to]. */
export function growthFactor(growth: Dated<number>, from: number, to: number): number {
  let f = 1;
  for (let y = from + 1; y <= to; y++) f *= 1 + (valueAt(growth, y) ?? 0);
  return f;
}

export function projectDrivers(county: County, year: number, populationGrowth: Dated<number>): County {
  const f = growthFactor(populationGrowth, CENSUS_YEAR, year);
  if (f === 1) return county;
  const drivers: Record<string, number> = {};
  for (const [k, v] of Object.entries(county.drivers)) drivers[k] = v * f;
  return { ...county, drivers };
}

export class ProjectionError extends Error {}

/** A dated fiscal figure for `year` in fen: the file's value, or the latest earlier one grown. */
export function fiscalValueFen(county: County, stem: string, year: number, growth: Dated<number>): number {
  const byYear = county.fiscal[stem] ?? {};
  const exact = byYear[year];
  if (exact !== undefined) return productToFen([exact], `${stem} ${year}`);
  const earlier = Object.keys(byYear).map(Number).filter((y) => y < year).sort((a, b) => b - a)[0];
  if (earlier === undefined) {
    throw new ProjectionError(`county ${county.code} has no ${stem} for ${year} or any earlier year to project from`);
  }
  return productToFen([byYear[earlier]!, growthFactor(growth, earlier, year)], `${stem} ${year} (projected from ${earlier})`);
}

export function fiscalForYear(county: County, year: number, revenueGrowth: Dated<number>, otherGrowth: Dated<number>): CountyFiscalYear {
  try {
    return {
      ownRevenueFen: fiscalValueFen(county, 'own_revenue', year, revenueGrowth),
      otherStdExpenditureFen: fiscalValueFen(county, 'other_std_expenditure', year, otherGrowth),
    };
  } catch (e) {
    // a projected amount too large for exact money: say which county
    throw e instanceof MoneyOverflowError ? e.at({ county: `${county.code} ${county.name}` }) : e;
  }
}

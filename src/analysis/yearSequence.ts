/**
 * The exact engine over a run of years, as `runSimulation` runs it (years in order from the
 * first year the equalization pool has a value, each handing the next its result for growth
 * control), with a hook that changes each year's parameters (a scheme, a pool) and with each
 * year's fiscal inputs and previous-year input kept: the analysis layer needs both.
 *
 * The warm-up rule is runSimulation's (src/simulation/runSimulation.ts); with no transform a
 * year's result here is the one `run` gives (tested).
 */
import type { PolicyData } from '../input/policyData.ts';
import type { County } from '../model/county.ts';
import type { PopulationBasis, YearParameters } from '../model/parameters.ts';
import type { YearResult } from '../model/results.ts';
import { previousYearOf, runYear, type CountyFiscalYear, type PreviousYear } from '../model/runYear.ts';
import { fiscalForYear, projectDrivers } from '../scenarios/projection.ts';
import { resolveYear } from '../scenarios/resolveYear.ts';

/** Years run before the first one asked for, at most (runSimulation's MAX_WARM_UP_YEARS). */
const MAX_WARM_UP_YEARS = 10;

export interface SequenceYear {
  readonly year: number;
  readonly params: YearParameters;
  /** counties as projected to the year (input order) */
  readonly counties: readonly County[];
  readonly fiscal: readonly CountyFiscalYear[];
  readonly result: YearResult;
  /** what the year was run with from the year before (none for the first year run) */
  readonly previous: PreviousYear | undefined;
}

/** The first year runSimulation computes for these years. */
export function firstYearRun(policy: PolicyData, years: readonly number[]): number {
  const first = Math.min(...years);
  const poolStart = policy.transfers[policy.mechanisms.equalization.pool]?.values[0]?.from ?? first;
  return Math.min(first, Math.max(poolStart, first - MAX_WARM_UP_YEARS));
}

export interface SequenceOptions {
  readonly basis: PopulationBasis;
  /** change a year's resolved parameters (default: as resolved) */
  readonly transform?: (params: YearParameters) => YearParameters;
  /** called after each year asked for is computed */
  readonly onYear?: (year: number) => void;
}

/** The asked years (ascending), each computed in sequence from the warm-up year. */
export function runSequence(policy: PolicyData, counties: readonly County[], years: readonly number[], o: SequenceOptions): SequenceYear[] {
  const asked = new Set(years);
  if (asked.size === 0) return [];
  const last = Math.max(...asked);
  const growth = policy.growth;
  let previous: PreviousYear | undefined;
  const out: SequenceYear[] = [];
  for (let year = firstYearRun(policy, [...asked]); year <= last; year++) {
    const resolved = resolveYear(policy, year, o.basis);
    const params = o.transform ? o.transform(resolved) : resolved;
    const projected = counties.map((c) => projectDrivers(c, year, growth.population_growth.values));
    const fiscal = projected.map((c) => fiscalForYear(c, year, growth.revenue_growth.values));
    const result = runYear(projected, fiscal, params, previous);
    if (asked.has(year)) {
      out.push({ year, params, counties: projected, fiscal, result, previous });
      o.onYear?.(year);
    }
    previous = previousYearOf(result);
  }
  return out;
}

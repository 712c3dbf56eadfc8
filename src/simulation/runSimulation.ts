/**
 * Run the model over the requested years: resolve the parameters for each year, project
 * the county data to it, and run the pure model. No I/O.
 */
import type { PolicyData } from '../input/policyData.ts';
import type { County } from '../model/county.ts';
import type { PopulationBasis, YearParameters } from '../model/parameters.ts';
import type { YearResult } from '../model/results.ts';
import { runYear } from '../model/runYear.ts';
import { fiscalForYear, projectDrivers } from '../scenarios/projection.ts';
import { resolveYear } from '../scenarios/resolveYear.ts';
import type { SchemeConfig } from '../model/transfers/schemes/registry.ts';

export interface YearRun {
  readonly year: number;
  readonly params: YearParameters;
  /** counties as projected to the year (same order as the input) */
  readonly counties: readonly County[];
  readonly result: YearResult;
}

export interface SimulationSettings {
  readonly years: readonly number[];
  readonly basis: PopulationBasis;
  /** called before each year is computed (progress) */
  readonly onYear?: (year: number) => void;
  /** transfer scheme for the province → county stage (default: gap × coefficient) */
  readonly scheme?: SchemeConfig;
}

export function runSimulation(policy: PolicyData, counties: readonly County[], settings: SimulationSettings): YearRun[] {
  return settings.years.map((year) => {
    settings.onYear?.(year);
    const resolved = resolveYear(policy, year, settings.basis);
    const params = settings.scheme ? { ...resolved, transfers: { ...resolved.transfers, scheme: settings.scheme } } : resolved;
    const projected = counties.map((c) => projectDrivers(c, year, policy.growth.population_growth.values));
    const fiscal = projected.map((c) => fiscalForYear(c, year, policy.growth.revenue_growth.values, policy.growth.other_expenditure_growth.values));
    return { year, params, counties: projected, result: runYear(projected, fiscal, params) };
  });
}

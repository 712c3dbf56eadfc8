/**
 * Run the model over the requested years: resolve the parameters for each year, project
 * the county data to it, and run the pure model. No I/O.
 */
import type { PolicyData } from '../input/policyData.ts';
import type { County } from '../model/county.ts';
import type { PopulationBasis, YearParameters } from '../model/parameters.ts';
import { COUNTY_COLUMNS, type YearResult } from '../model/results.ts';
import { previousYearOf, runYear, type ItemRows, type PreviousYear } from '../model/runYear.ts';
import { MoneyOverflowError } from '../model/money.ts';
import { CountyProjection, fiscalForYear } from '../scenarios/projection.ts';
import { resolveYear } from '../scenarios/resolveYear.ts';
import type { SchemeConfig } from '../model/transfers/schemes/registry.ts';
import type { FixedAllocations } from '../model/transfers/fixedAllocations.ts';

export interface YearRun {
  readonly year: number;
  readonly params: YearParameters;
  /** counties as projected to the year (same order as the input) */
  readonly counties: readonly County[];
  readonly result: YearResult;
}

/** Years run before the first one asked for, at most, so that growth control has its previous year. */
const MAX_WARM_UP_YEARS = 10;

export interface SimulationSettings {
  readonly years: readonly number[];
  readonly basis: PopulationBasis;
  /** called before each year is computed (progress) */
  readonly onYear?: (year: number) => void;
  /** transfer scheme for the province → county stage (default: gap × coefficient) */
  readonly scheme?: SchemeConfig;
  /** allocations held at another run, and transfer amounts given, by year (see ownFigures.ts) */
  readonly fixedAllocations?: (year: number) => FixedAllocations | undefined;
  /**
   * When each year's item rows are computed (runYear's ItemRows): default 'on-demand', the first
   * time they are read; 'full' computes them with the county figures, in one pass, for a caller
   * that will read every row anyway (the years asked for only: a warm-up year's rows are never read).
   */
  readonly items?: ItemRows;
}

export function runSimulation(policy: PolicyData, counties: readonly County[], settings: SimulationSettings): YearRun[] {
  // Growth control reads last year's transfers, so years run in order, each handing the next its
  // result, from the first year the equalization pool has a value: a year's figures are then the
  // same whichever other years are asked for. Only the years asked for are returned.
  const asked = new Set(settings.years);
  const sorted = [...asked].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const poolStart = policy.transfers[policy.mechanisms.equalization.pool]?.values[0]?.from ?? sorted[0]!;
  // and no earlier than every county has own revenue to start from
  const dataStart = counties.reduce((a, c) => Math.max(a, Math.min(...Object.keys(c.fiscal['own_revenue'] ?? {}).map(Number))), Number.NEGATIVE_INFINITY);
  const first = Math.min(sorted[0]!, Math.max(poolStart, dataStart, sorted[0]! - MAX_WARM_UP_YEARS));
  const all = Array.from({ length: sorted[sorted.length - 1]! - first + 1 }, (_, i) => first + i);
  let previous: PreviousYear | undefined;
  const runs: YearRun[] = [];
  const projection = new CountyProjection(counties, policy.growth.population_growth.values);
  for (const year of all) {
    if (asked.has(year)) settings.onYear?.(year);
    const resolved = resolveYear(policy, year, settings.basis);
    const params = settings.scheme ? { ...resolved, transfers: { ...resolved.transfers, scheme: settings.scheme } } : resolved;
    const { counties: projected, drivers } = projection.year(year);
    let fiscal;
    try {
      fiscal = projected.map((c) => fiscalForYear(c, year, policy.growth.revenue_growth.values));
    } catch (e) {
      throw e instanceof MoneyOverflowError ? e.at({ year }) : e;
    }
    let result: YearResult;
    try {
      result = runYear(projected, fiscal, params, previous, drivers, settings.fixedAllocations?.(year), { items: asked.has(year) ? (settings.items ?? 'on-demand') : 'on-demand' });
      checkExactMoney(result, projected, params);
    } catch (e) {
      // an amount too large for exact money: say which year
      throw e instanceof MoneyOverflowError ? e.at({ year }) : e;
    }
    previous = previousYearOf(result);
    if (asked.has(year)) runs.push({ year, params, counties: projected, result });
  }
  return runs;
}

/**
 * Every money figure of a year must be an exact integer of fen, and so must every total a report
 * makes of them (sums over counties of each figure, by absolute value). An amount past that
 * raises MoneyOverflowError naming the county (and the item) where it happened, rather than
 * printing an inexact number. Checked here, outside the pure model, over whatever *Fen fields
 * the results carry.
 */
export function checkExactMoney(result: YearResult, counties: readonly County[], params: YearParameters): void {
  const name = (c: number): string => `${counties[c]?.code ?? c} ${counties[c]?.name ?? ''}`.trim();
  const items = result.items as unknown as { columns?: Readonly<Record<string, Float64Array>>; itemsPerCounty?: number; exactMoney?: boolean };
  // the model knows when every item figure is exact (it checked each cell as it took the sums):
  // then the rows need not be read (nor, when computed on demand, filled) to check them
  if (items.exactMoney !== true && items.columns && items.itemsPerCounty) {
    for (const [column, values] of Object.entries(items.columns)) {
      if (!column.endsWith('Fen')) continue;
      for (let k = 0; k < values.length; k++) {
        if (!Number.isSafeInteger(values[k]!)) {
          throw new MoneyOverflowError(column, values[k]!, { county: name(Math.floor(k / items.itemsPerCounty)), item: params.items[k % items.itemsPerCounty]?.id });
        }
      }
    }
  }
  // the money fields of a county row (numbers named *Fen), in row order, read from the columns
  const table = result.countyTable;
  const fields = COUNTY_COLUMNS.filter((f) => f.endsWith('Fen'));
  // pushed (not mapped): one kind of array every call
  const columns: Float64Array[] = [];
  for (const f of fields) columns.push(table.columns[f]);
  const totals = new Float64Array(fields.length);
  for (let c = 0; c < table.length; c++) {
    for (let k = 0; k < fields.length; k++) {
      const v = columns[k]![c]!;
      if (!Number.isSafeInteger(v)) throw new MoneyOverflowError(fields[k]!, v, { county: name(c) });
      const total = totals[k]! + Math.abs(v);
      if (!Number.isSafeInteger(total)) throw new MoneyOverflowError(`the national total of ${fields[k]!} (reached at this county)`, total, { county: name(c) });
      totals[k] = total;
    }
  }
}

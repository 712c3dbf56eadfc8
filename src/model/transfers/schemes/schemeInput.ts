/**
 * The common input every transfer scheme reads: one column per quantity, one entry per
 * county (struct of arrays, so that the exact engine and the Monte Carlo float path can
 * hand schemes the same shape, and a province's counties can be passed as sub-array views).
 *
 * Money columns are in fen. On the exact path they hold integers; on the analytic (Monte
 * Carlo, sweep) path they hold floats.
 */
import type { RegionGroup } from '../../county.ts';

export const REGION_INDEX: Readonly<Record<RegionGroup, number>> = { east: 0, central: 1, west: 2 };

export interface SchemeInput {
  readonly n: number;
  /** residents on the run's population basis */
  readonly population: Float64Array;
  /** standard expenditure (need): own burden of basic services + other standard expenditure */
  readonly standardExpenditure: Float64Array;
  /** standard revenue (fiscal capacity) */
  readonly standardRevenue: Float64Array;
  readonly ownRevenue: Float64Array;
  /** standard cost of the basic-service bundle (before any sharing) */
  readonly standardCost: Float64Array;
  /** must-fund spending: the county's own burden of mandated basic services */
  readonly mustFund: Float64Array;
  readonly otherStdExpenditure: Float64Array;
  /** this scheme's transfer to the county last year; NaN when unknown */
  readonly previousTransfer: Float64Array;
  /** own revenue last year; NaN when unknown */
  readonly previousOwnRevenue: Float64Array;
  /** 0 east, 1 central, 2 west (REGION_INDEX) */
  readonly regionGroup: Uint8Array;
}

export interface SchemeCounty {
  readonly population: number;
  readonly standardExpenditure: number;
  readonly standardRevenue: number;
  readonly ownRevenue: number;
  readonly standardCost: number;
  readonly mustFund: number;
  readonly otherStdExpenditure: number;
  readonly previousTransfer?: number;
  readonly previousOwnRevenue?: number;
  readonly regionGroup: RegionGroup;
}

/** Columns from one object per county (tests, the exact engine). */
export function schemeInput(counties: readonly SchemeCounty[]): SchemeInput {
  const n = counties.length;
  const col = (f: (c: SchemeCounty) => number): Float64Array => Float64Array.from(counties, f);
  return {
    n,
    population: col((c) => c.population),
    standardExpenditure: col((c) => c.standardExpenditure),
    standardRevenue: col((c) => c.standardRevenue),
    ownRevenue: col((c) => c.ownRevenue),
    standardCost: col((c) => c.standardCost),
    mustFund: col((c) => c.mustFund),
    otherStdExpenditure: col((c) => c.otherStdExpenditure),
    previousTransfer: col((c) => c.previousTransfer ?? Number.NaN),
    previousOwnRevenue: col((c) => c.previousOwnRevenue ?? Number.NaN),
    regionGroup: Uint8Array.from(counties, (c) => REGION_INDEX[c.regionGroup]),
  };
}

/** The counties [start, end) of an input, as views (no copy). */
export function sliceInput(input: SchemeInput, start: number, end: number): SchemeInput {
  return {
    n: end - start,
    population: input.population.subarray(start, end),
    standardExpenditure: input.standardExpenditure.subarray(start, end),
    standardRevenue: input.standardRevenue.subarray(start, end),
    ownRevenue: input.ownRevenue.subarray(start, end),
    standardCost: input.standardCost.subarray(start, end),
    mustFund: input.mustFund.subarray(start, end),
    otherStdExpenditure: input.otherStdExpenditure.subarray(start, end),
    previousTransfer: input.previousTransfer.subarray(start, end),
    previousOwnRevenue: input.previousOwnRevenue.subarray(start, end),
    regionGroup: input.regionGroup.subarray(start, end),
  };
}

/** max(0, standard expenditure − standard revenue) for each county. */
export function standardGaps(input: SchemeInput): Float64Array {
  const g = new Float64Array(input.n);
  for (let i = 0; i < input.n; i++) g[i] = Math.max(0, input.standardExpenditure[i]! - input.standardRevenue[i]!);
  return g;
}

/**
 * Compare transfer schemes on the same counties and the same pool (exact money): each scheme
 * spends the pool over the reported counties in one stage, in whole fen, in place of the
 * general transfers (equalization + guarantee) the engine computed. Earmarked transfers, own
 * revenue and spending needs are the scenario's, so the schemes differ only in who gets the pool.
 *
 * Per scheme: inequality of per-capita resources after all transfers (own revenue + scheme
 * transfer + earmarked), counties and residents left in a gap, the gap, how much each level of
 * government pays for the basic-service bundle, and how far the scheme moves each county from
 * the status quo. Two reference rows: the status quo (the engine's general transfers) and no
 * general transfer at all.
 *
 * Who pays (an attribution, in floating point): the earmarked shares of each level; the part
 * of the county's own burden its capacity can fund is paid first from general transfers (split
 * centre/province by the pool's central share), then from own revenue (county); the rest is
 * unfunded.
 */
import type { County } from '../model/county.ts';
import { inequalitySummary, gini, type InequalitySummary } from '../model/measures/inequality.ts';
import { allocateSchemeExact, type SchemeConfig } from '../model/transfers/schemes/registry.ts';
import { schemeInput, type SchemeCounty, type SchemeInput } from '../model/transfers/schemes/schemeInput.ts';
import type { CountyResult, YearResult } from '../model/results.ts';

export interface ComparisonYear {
  readonly year: number;
  readonly result: YearResult;
  /** counties as projected to the year */
  readonly counties: readonly County[];
}

export interface LevelPayments {
  readonly centralFen: number;
  readonly provincialFen: number;
  readonly prefectureFen: number;
  readonly countyFen: number;
  readonly unfundedFen: number;
}

export interface SchemeOutcome {
  /** scheme id, or 'status_quo' / 'no_general_transfer' */
  readonly name: string;
  readonly title: string;
  readonly poolFen: number;
  /** per reported county (same order as `focus`), fen */
  readonly transfersFen: readonly number[];
  readonly gapsFen: readonly number[];
  readonly measures: InequalitySummary;
  readonly giniAfterGeneral: number;
  readonly countiesInGap: number;
  readonly residentsInGap: number;
  readonly shortfallFen: number;
  readonly netGapFen: number;
  readonly payments: LevelPayments;
  /** population-weighted mean of |transfer − status quo| per resident, yuan */
  readonly meanAbsChangePerCapita: number;
  readonly countiesGaining: number;
  readonly countiesLosing: number;
  /** mean absolute change of a county's percentile rank in per-capita resources, before → after transfers (points) */
  readonly meanRankShift: number;
  /** per county: rank (0 = poorest) of per-capita resources before general transfers and after */
  readonly rankBefore: readonly number[];
  readonly rankAfter: readonly number[];
}

export interface Comparison {
  readonly year: number;
  readonly poolFen: number;
  readonly centralShareOfPool: number;
  readonly focus: readonly number[];
  readonly outcomes: readonly SchemeOutcome[];
}

export interface ComparisonOptions {
  readonly focus: readonly number[];
  readonly poolFen: number;
  /** share of the pool the centre funds (the rest provinces); default: the status quo's */
  readonly centralShareOfPool?: number;
  readonly schemes: readonly SchemeConfig[];
  readonly titles: Readonly<Record<string, string>>;
}

function schemeCounties(rows: readonly CountyResult[], counties: readonly County[]): SchemeCounty[] {
  return rows.map((r) => ({
    population: r.population,
    standardExpenditure: r.ownBurdenFen + r.otherStdExpenditureFen,
    standardRevenue: r.standardRevenueFen,
    ownRevenue: r.ownRevenueFen,
    standardCost: r.standardCostFen,
    mustFund: r.ownBurdenFen,
    otherStdExpenditure: r.otherStdExpenditureFen,
    regionGroup: counties[r.countyIndex]!.regionGroup,
  }));
}

/** The central share of the status quo's general transfers to the given counties. */
export function statusQuoCentralShare(result: YearResult, counties: readonly County[], focus: readonly number[]): number {
  const provinces = new Map(result.provinces.map((p) => [p.provinceCode, p]));
  let central = 0, total = 0;
  for (const i of focus) {
    const r = result.counties[i]!;
    const p = provinces.get(counties[i]!.provinceCode);
    const cf = p && p.poolFen > 0 ? p.centralAllocationFen / p.poolFen : 0;
    central += r.equalizationFen * cf + r.guaranteeCentralFen;
    total += r.generalFen;
  }
  return total > 0 ? central / total : 0;
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const r = new Array<number>(values.length);
  order.forEach((i, k) => (r[i] = k));
  return r;
}

function outcome(
  name: string,
  title: string,
  poolFen: number,
  transfers: readonly number[],
  rows: readonly CountyResult[],
  counties: readonly County[],
  statusQuo: readonly number[],
  centralShare: number,
): SchemeOutcome {
  const withPop = rows.map((r, k) => ({ r, k })).filter(({ r }) => r.population > 0);
  const groups = withPop.map(({ r }) => counties[r.countyIndex]!.provinceCode);
  const weights = withPop.map(({ r }) => r.population);
  const after = withPop.map(({ r, k }) => (r.ownRevenueFen + transfers[k]! + r.specialFen) / 100 / r.population);
  const measures = inequalitySummary(after, groups, weights);
  const giniAfterGeneral = gini(withPop.map(({ r, k }) => (r.ownRevenueFen + transfers[k]!) / 100 / r.population), weights);
  const gaps = rows.map((r, k) => r.ownBurdenFen - (r.ownRevenueFen + transfers[k]! - r.otherStdExpenditureFen));
  let countiesInGap = 0, residentsInGap = 0, shortfallFen = 0, netGapFen = 0;
  let central = 0, provincial = 0, prefecture = 0, county = 0, unfunded = 0;
  let absChange = 0, popTotal = 0, gaining = 0, losing = 0;
  rows.forEach((r, k) => {
    const g = gaps[k]!;
    netGapFen += g;
    if (g > 0) {
      countiesInGap++;
      residentsInGap += counties[r.countyIndex]!.drivers['resident_pop'] ?? 0;
      shortfallFen += g;
    }
    const capacity = r.ownRevenueFen + transfers[k]! - r.otherStdExpenditureFen;
    const funded = Math.min(Math.max(capacity, 0), Math.max(r.ownBurdenFen, 0));
    const byTransfers = Math.min(funded, transfers[k]!);
    central += r.centralFen + centralShare * byTransfers;
    provincial += r.provincialFen - r.retainedFen + (1 - centralShare) * byTransfers;
    prefecture += r.prefectureFen;
    county += funded - byTransfers;
    unfunded += Math.max(r.ownBurdenFen, 0) - funded;
    const delta = transfers[k]! - statusQuo[k]!;
    if (delta > 0) gaining++;
    if (delta < 0) losing++;
    if (r.population > 0) {
      absChange += Math.abs(delta) / 100;
      popTotal += r.population;
    }
  });
  const before = rows.map((r) => (r.population > 0 ? (r.ownRevenueFen + r.specialFen) / r.population : 0));
  const afterAll = rows.map((r, k) => (r.population > 0 ? (r.ownRevenueFen + transfers[k]! + r.specialFen) / r.population : 0));
  const rankBefore = ranks(before);
  const rankAfter = ranks(afterAll);
  const n = rows.length;
  const meanRankShift = n > 1 ? (rankBefore.reduce((a, rb, k) => a + Math.abs(rb - rankAfter[k]!), 0) / n / (n - 1)) * 100 : 0;
  return {
    name, title, poolFen, transfersFen: transfers, gapsFen: gaps, measures, giniAfterGeneral,
    countiesInGap, residentsInGap, shortfallFen, netGapFen,
    payments: { centralFen: central, provincialFen: provincial, prefectureFen: prefecture, countyFen: county, unfundedFen: unfunded },
    meanAbsChangePerCapita: popTotal > 0 ? absChange / popTotal : 0,
    countiesGaining: gaining,
    countiesLosing: losing,
    meanRankShift,
    rankBefore,
    rankAfter,
  };
}

/** Allocate with each scheme, last year first when it is given (for growth control and awards). */
function allocate(config: SchemeConfig, input: SchemeInput, previous: SchemeInput | undefined, poolFen: number): number[] {
  if (!previous) return allocateSchemeExact(config, input, poolFen);
  const last = allocateSchemeExact(config, previous, poolFen);
  const withPrevious: SchemeInput = { ...input, previousTransfer: Float64Array.from(last), previousOwnRevenue: previous.ownRevenue };
  return allocateSchemeExact(config, withPrevious, poolFen);
}

/**
 * Compare schemes in `year` (the last of `years`); when the year before is given, each scheme
 * first allocates the same pool in it, so that growth control and revenue-growth awards apply.
 */
export function compareSchemes(years: readonly ComparisonYear[], o: ComparisonOptions): Comparison {
  const current = years[years.length - 1]!;
  const prior = years.length > 1 ? years[years.length - 2] : undefined;
  const rows = o.focus.map((i) => current.result.counties[i]!);
  const input = schemeInput(schemeCounties(rows, current.counties));
  const previous = prior ? schemeInput(schemeCounties(o.focus.map((i) => prior.result.counties[i]!), prior.counties)) : undefined;
  const statusQuo = rows.map((r) => r.generalFen);
  const centralShare = o.centralShareOfPool ?? statusQuoCentralShare(current.result, current.counties, o.focus);
  const outcomes: SchemeOutcome[] = [
    outcome('no_general_transfer', 'No general transfer', 0, rows.map(() => 0), rows, current.counties, statusQuo, centralShare),
    outcome('status_quo', 'Status quo (engine: equalization + guarantee)', statusQuo.reduce((a, b) => a + b, 0), statusQuo, rows, current.counties, statusQuo, statusQuoCentralShare(current.result, current.counties, o.focus)),
  ];
  for (const config of o.schemes) {
    const t = allocate(config, input, previous, o.poolFen);
    outcomes.push(outcome(config.id, o.titles[config.id] ?? config.id, o.poolFen, t, rows, current.counties, statusQuo, centralShare));
  }
  return { year: current.year, poolFen: o.poolFen, centralShareOfPool: centralShare, focus: o.focus, outcomes };
}

/**
 * The equalization transfer (均衡性转移支付) by the 2011 formula (财预〔2011〕392号), in two stages:
 *
 *  1. Centre → provinces, on provincial aggregates: a province's standard expenditure and
 *     revenue are its counties' grossed up to the whole province (provincial and prefecture
 *     budgets included) by the county level's share of local expenditure and revenue.
 *     transfer_p = gap_p × k × difficulty_p, gap_p = max(0, E_p − R_p), with k = pool ÷ Σ gap × difficulty
 *     never above 1 (what k = 1 leaves is not spent and is reported).
 *  2. Province → counties, with the province's own pool: the share of its central allocation it
 *     passes down plus its top-up, a share of the province's and prefectures' own revenue
 *     bounded by what their budget can spare. Counties whose standard revenue covers their
 *     standard expenditure get nothing; the others gap × k_p × difficulty, k_p ≤ 1 (what is
 *     left stays with the province). A configured scheme replaces this stage.
 *
 * Growth control (增幅控制): when last year's transfer is known, this year's stays within
 * [last × (1 + floor), last × (1 + cap)], k re-solved so that the pool is still spent.
 * Every allocation is exact to the fen (largest remainder).
 */
import { allocateByWeights, PPM, takeShare } from '../money.ts';
import type { EqualizationParameters } from '../parameters.ts';
import { boundedProportional, exactAllocation } from './schemes/allocation.ts';
import { allocateSchemeExact, type SchemeConfig } from './schemes/registry.ts';
import { schemeInput } from './schemes/schemeInput.ts';
import type { RegionGroup } from '../county.ts';

export interface EqualizationCounty {
  readonly provinceCode: string;
  readonly standardExpenditureFen: number;
  readonly standardRevenueFen: number;
  readonly ownRevenueFen: number;
  readonly population: number;
  /** for the schemes: the catalog's standard cost, the county's own burden of it, and its other guarantee-level spending */
  readonly standardCostFen: number;
  readonly ownBurdenFen: number;
  readonly otherSpendingFen: number;
  readonly regionGroup: RegionGroup;
}

export interface ProvinceEqualization {
  readonly provinceCode: string;
  /** grossed-up provincial aggregates, fen */
  readonly standardExpenditureFen: number;
  readonly standardRevenueFen: number;
  readonly gapFen: number;
  readonly difficulty: number;
  readonly centralAllocationFen: number;
  /** central allocation ÷ gap */
  readonly centralCoefficient: number;
  readonly passedDownFen: number;
  /** the province's and prefectures' own revenue (estimate: counties' grossed up less theirs) */
  readonly upperOwnRevenueFen: number;
  /** what the province and prefectures can spend on county support */
  readonly capacityFen: number;
  readonly topUpFen: number;
  /** passed down + top-up */
  readonly countyPoolFen: number;
  readonly countyGapsFen: number;
  /** county-stage coefficient k_p (≤ 1; NaN when no county has a gap or a scheme is used) */
  readonly countyCoefficient: number;
  /** county pool not spent (k_p capped at 1), back in the province's budget */
  readonly returnedFen: number;
}

export interface EqualizationResult {
  readonly provinces: ProvinceEqualization[];
  /** per county, fen */
  readonly countyTransfersFen: number[];
  /** the county's standard gap max(0, E − R) and difficulty multiplier */
  readonly countyGapsFen: number[];
  readonly countyDifficulty: number[];
  /** central pool ÷ Σ provincial gap × difficulty (capped at 1) */
  readonly centralCoefficient: number;
  /** central pool not spent because k is capped at 1 */
  readonly unspentFen: number;
}

export interface PreviousEqualization {
  /** last year's central allocation by province code */
  readonly province: ReadonlyMap<string, number>;
  /** last year's transfer per county (same order), NaN when unknown */
  readonly county: readonly number[];
}

/** clamp(1 + weight × z(rate), min, max) over the units in a gap; 1 elsewhere. */
export function difficultyMultipliers(gapsFen: readonly number[], expenditureFen: readonly number[], d: EqualizationParameters['difficulty']): number[] {
  const out = gapsFen.map(() => 1);
  if (d.weight === 0) return out;
  const ids = gapsFen.map((g, i) => i).filter((i) => gapsFen[i]! > 0 && expenditureFen[i]! > 0);
  if (ids.length < 2) return out;
  const rates = ids.map((i) => gapsFen[i]! / expenditureFen[i]!);
  const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
  const sd = Math.sqrt(rates.reduce((a, r) => a + (r - mean) ** 2, 0) / rates.length);
  if (!(sd > 0)) return out;
  ids.forEach((i, k) => (out[i] = Math.min(d.max, Math.max(d.min, 1 + (d.weight * (rates[k]! - mean)) / sd))));
  return out;
}

interface CappedSpend {
  readonly allocationsFen: number[];
  readonly coefficient: number;
  readonly unspentFen: number;
}

/**
 * Spend up to `poolFen` over gap × multiplier, no unit ever receiving more than its gap (the
 * coefficient is at most 1), within growth bounds when last year's amounts are known (NaN
 * entries: no bound). What the caps leave is not spent and is returned as `unspentFen`.
 */
export function cappedGapSpend(poolFen: number, gapsFen: readonly number[], mult: readonly number[], previousFen: readonly number[] | undefined, growthCap: number | null, growthFloor: number | null): CappedSpend {
  const n = gapsFen.length;
  const gaps = gapsFen.map((g) => Math.max(0, g));
  const weights = Float64Array.from(gaps, (g, i) => g * mult[i]!);
  let total = 0;
  for (const w of weights) total += w;
  if (n === 0 || total === 0 || poolFen === 0) return { allocationsFen: gaps.map(() => 0), coefficient: total === 0 ? Number.NaN : 0, unspentFen: poolFen };
  const lo = new Float64Array(n);
  const hi = Float64Array.from(gaps);
  const bounded = previousFen !== undefined && (growthCap !== null || growthFloor !== null) && previousFen.some((x) => x >= 0);
  if (bounded) {
    for (let i = 0; i < n; i++) {
      const prev = previousFen[i]!;
      if (!(prev >= 0)) continue;
      if (growthCap !== null) hi[i] = Math.min(hi[i]!, Math.max(0, prev * (1 + growthCap)));
      if (growthFloor !== null) lo[i] = Math.min(hi[i]!, Math.max(0, prev * (1 + growthFloor)));
    }
  }
  let hiTotal = 0;
  for (let i = 0; i < n; i++) if (weights[i]! > 0) hiTotal += hi[i]!;
  if (poolFen >= hiTotal) {
    // every unit with a gap reaches its cap: the rest of the pool is not spent
    const allocationsFen = Array.from(hi, (h, i) => (weights[i]! > 0 ? Math.floor(h) : 0));
    const spent = allocationsFen.reduce((a, b) => a + b, 0);
    return { allocationsFen, coefficient: 1, unspentFen: poolFen - spent };
  }
  const coefficient = poolFen / total;
  if (!bounded && mult.every((m) => m === 1)) return { allocationsFen: allocateByWeights(poolFen, gaps), coefficient, unspentFen: 0 };
  const allocation = boundedProportional(poolFen, weights, lo, hi, gaps);
  return { allocationsFen: exactAllocation(poolFen, allocation), coefficient: Math.min(1, coefficient), unspentFen: 0 };
}

function grossUp(fen: number, sharePpm: number): number {
  return Math.round((fen * PPM) / sharePpm);
}

export function equalization2011(units: readonly EqualizationCounty[], p: EqualizationParameters, previous?: PreviousEqualization, scheme?: SchemeConfig): EqualizationResult {
  const byProvince = new Map<string, number[]>();
  units.forEach((u, i) => (byProvince.get(u.provinceCode) ?? byProvince.set(u.provinceCode, []).get(u.provinceCode)!).push(i));
  const codes = [...byProvince.keys()].sort();
  const countyGapsFen = units.map((u) => Math.max(0, u.standardExpenditureFen - u.standardRevenueFen));

  // stage 1: centre → provinces on grossed-up aggregates
  const agg = codes.map((code) => {
    const members = byProvince.get(code)!;
    let e = 0, r = 0, own = 0;
    for (const i of members) {
      e += units[i]!.standardExpenditureFen;
      r += units[i]!.standardRevenueFen;
      own += Math.max(0, units[i]!.ownRevenueFen);
    }
    const E = grossUp(e, p.countyShareOfExpenditurePpm);
    const R = grossUp(r, p.countyShareOfRevenuePpm);
    return { code, members, E, R, gap: Math.max(0, E - R), upperOwn: grossUp(own, p.countyShareOfRevenuePpm) - own };
  });
  const provinceDifficulty = difficultyMultipliers(agg.map((a) => a.gap), agg.map((a) => a.E), p.difficulty);
  const prevProvince = previous ? agg.map((a) => previous.province.get(a.code) ?? Number.NaN) : undefined;
  const central = cappedGapSpend(p.poolFen, agg.map((a) => a.gap), provinceDifficulty, prevProvince, p.growthCap, p.growthFloor);

  // stage 2: province → counties
  const countyTransfersFen = units.map(() => 0);
  const countyDifficulty = units.map(() => 1);
  const provinces = agg.map((a, k): ProvinceEqualization => {
    const centralAllocationFen = central.allocationsFen[k]!;
    const passedDownFen = takeShare(centralAllocationFen, p.passDownPpm);
    const capacityFen = takeShare(Math.max(0, a.upperOwn), p.provincialCapacityPpm);
    const topUpFen = Math.min(takeShare(Math.max(0, a.upperOwn), p.provincialTopUpRatePpm), capacityFen);
    const countyPoolFen = passedDownFen + topUpFen;
    const gaps = a.members.map((i) => countyGapsFen[i]!);
    const countyGapTotal = gaps.reduce((x, y) => x + y, 0);
    let allocations: number[];
    let coefficient = Number.NaN;
    let returnedFen = 0;
    if (scheme) {
      const input = schemeInput(a.members.map((i) => {
        const u = units[i]!;
        return { population: u.population, standardExpenditure: u.standardExpenditureFen, standardRevenue: u.standardRevenueFen, ownRevenue: u.ownRevenueFen, standardCost: u.standardCostFen, mustFund: u.ownBurdenFen, otherStdExpenditure: u.otherSpendingFen, regionGroup: u.regionGroup, ...(previous ? { previousTransfer: previous.county[i] } : {}) };
      }));
      allocations = countyPoolFen > 0 ? allocateSchemeExact(scheme, input, countyPoolFen) : gaps.map(() => 0);
    } else {
      const mult = difficultyMultipliers(gaps, a.members.map((i) => units[i]!.standardExpenditureFen), p.difficulty);
      a.members.forEach((i, j) => (countyDifficulty[i] = mult[j]!));
      const spend = cappedGapSpend(countyPoolFen, gaps, mult, previous ? a.members.map((i) => previous.county[i]!) : undefined, p.growthCap, p.growthFloor);
      allocations = spend.allocationsFen;
      coefficient = spend.coefficient;
      returnedFen = spend.unspentFen;
    }
    a.members.forEach((i, j) => (countyTransfersFen[i] = allocations[j]!));
    return {
      provinceCode: a.code,
      standardExpenditureFen: a.E,
      standardRevenueFen: a.R,
      gapFen: a.gap,
      difficulty: provinceDifficulty[k]!,
      centralAllocationFen,
      centralCoefficient: a.gap > 0 ? centralAllocationFen / a.gap : Number.NaN,
      passedDownFen,
      upperOwnRevenueFen: a.upperOwn,
      capacityFen,
      topUpFen,
      countyPoolFen,
      countyGapsFen: countyGapTotal,
      countyCoefficient: coefficient,
      returnedFen,
    };
  });
  return { provinces, countyTransfersFen, countyGapsFen, countyDifficulty, centralCoefficient: central.coefficient, unspentFen: central.unspentFen };
}

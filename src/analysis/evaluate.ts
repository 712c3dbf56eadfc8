/**
 * Evaluate the model at one parameter point from its pieces (linearModel.ts), in floating
 * point, year after year as the exact engine (src/model/runYear.ts) computes one:
 *
 *   catalog cost and shares → earmarked transfers (less what prefectures keep)
 *   → pool transfers (those weighted by the standard gap re-allocated from their pools; the
 *     others held at the exact run's allocations)
 *   → equalization by the 2011 formula: centre → provinces on grossed-up aggregates (difficulty,
 *     coefficient capped at 1, growth control), province → counties with the province's pool
 *     (pass-down + top-up within capacity; the gap rule with difficulty and growth control, or
 *     the scheme in force), less what prefectures keep
 *   → the basic financial guarantee (gap against resources before it, close rate, the award
 *     pool shared by the provinces' shortfalls before any general transfer, closing bounded by
 *     award + budget room)
 *   → the county budget account: gap = needs − resources → measures.
 *
 * Growth control reads the evaluation's own previous year when the model holds it, else the
 * exact run's. This is the analytic path of the Monte Carlo and the sweeps: it reproduces the
 * exact engine at the scenario's own point to within rounding (tested), but it is not exact
 * money. Growth rates given here replace the baseline rate in every projected year.
 */
import { allocateScheme, type SchemeConfig } from '../model/transfers/schemes/registry.ts';
import { sliceInput, type SchemeInput } from '../model/transfers/schemes/schemeInput.ts';
import { InequalityScratch } from './fastInequality.ts';
import type { LinearModel } from './linearModel.ts';
import { CELLS_PER_GROUP, IN_SCOPE, ITEM_TIED } from './modelCells.ts';

/** A parameter point. Anything not given keeps the scenario's value (every year). */
export interface Point {
  /** central equalization pool, fen */
  readonly equalizationPoolFen?: number;
  /** central share of every item under a central share (ratio, subsidy, …) */
  readonly centralShare?: number;
  /** share of the province's central allocation passed down to counties */
  readonly passDown?: number;
  /** provincial top-up rate (share of the upper levels' own revenue) */
  readonly topUpRate?: number;
  /** standard revenue = tax base × this rate */
  readonly standardRevenueRate?: number;
  /** share of each guarantee gap provinces set out to close */
  readonly closeRate?: number;
  /** central guarantee award pool, fen */
  readonly awardPoolFen?: number;
  /** share of upper-level earmarked money prefectures keep */
  readonly retentionRate?: number;
  /** scheme of the province → county stage (null: the 2011 formula; undefined: the model's) */
  readonly scheme?: SchemeConfig | null;
  /** per county in model order (length n), or one value for all */
  readonly populationGrowth?: Float64Array | number;
  readonly revenueGrowth?: Float64Array | number;
  /** multiplier of own revenue and the tax base */
  readonly revenueLevel?: Float64Array | number;
  /** multipliers per county × group (length n·G), or one value for all */
  readonly coverage?: Float64Array | number;
  readonly unitCost?: Float64Array | number;
}

/** What each year's evaluation yields, in `measures` (money in yuan). */
export const YEAR_MEASURES = [
  'gini', 'theil', 'theil_between', 'theil_within', 'cv', 'max_min', 'decile_ratio', 'mean_resources_pc',
  'gini_before_transfers', 'gini_after_general', 'gini_after_general_mof',
  'counties_in_gap', 'residents_in_gap', 'shortfall', 'net_gap', 'plan_shortfall',
  'equalization', 'guarantee',
  'central_pays', 'provincial_pays', 'prefecture_pays', 'county_pays', 'unfunded',
] as const;
export type YearMeasure = (typeof YEAR_MEASURES)[number];
export const M = YEAR_MEASURES.length;
/** Position of each measure in a year's measures. */
export const IX = Object.fromEntries(YEAR_MEASURES.map((m, i) => [m, i])) as Readonly<Record<YearMeasure, number>>;

/** Per-province working memory of a year's evaluation. */
interface ProvinceScratch {
  readonly expenditure: Float64Array;
  readonly revenue: Float64Array;
  readonly own: Float64Array;
  readonly gap: Float64Array;
  readonly grossExpenditure: Float64Array;
  readonly allocation: Float64Array;
  readonly pool: Float64Array;
  readonly room: Float64Array;
  readonly centralShareEq: Float64Array;
  readonly target: Float64Array;
  readonly basis: Float64Array;
  readonly closed: Float64Array;
  readonly centralShareG: Float64Array;
  readonly previous: Float64Array;
  readonly multiplier: Float64Array;
  readonly bounds: { lo: Float64Array; hi: Float64Array; weightsScratch: Float64Array };
  readonly gapPoolTotal: Float64Array;
}

/** Fields of a county-year's record in FixedTerms.record. */
const R_SPLIT_PROVINCE = 0, R_SPLIT_PREFECTURE = 1, R_SPLIT_COUNTY = 2, R_OWN = 3, R_TAX = 4, R_SALARY_RUNNING = 5, R_OTHER_MANDATED = 6;
const R_RESIDENT = 7, R_ETHNIC = 8, R_REGION = 9, R_STD_EXP_BASE = 10, R_REBATES = 11, R_POPULATION = 12, R_POOLS = 13;
const RECORD = 14;
/** Fields of a cell in FixedTerms.cells. */
const CELL_COST = 0, CELL_CENTRAL_RATE = 1, CELL_FIXED = 2;
const CELL = 3;

/**
 * The model's figures that no point changes, laid out for the evaluation to read in one pass
 * (each county-year's figures side by side, rather than one array per figure), with the sums
 * and factors of them it would otherwise form every time, computed with the same operations
 * (so the results are the same numbers).
 */
interface FixedTerms {
  /**
   * per year × county, RECORD values: the local split (province, prefecture, county), own revenue
   * and tax base, salaries + running costs, other mandated spending, resident population,
   * 1 + ethnic weight × minority share, the region factor, standard expenditure before the
   * coefficient, rebates, population, the held pool transfers
   */
  readonly record: Float64Array;
  /** per cell (as model.cost), CELL values: cost, central full + central on the share (at the model's share), central fixed */
  readonly cells: Float64Array;
  /** per year: 1 when some county's revenue or tax base is projected (a growth rate then acts) */
  readonly projected: Uint8Array;
}

function fixedTerms(model: LinearModel): FixedTerms {
  const { n } = model;
  const Y = model.years.length;
  const cells = new Float64Array(model.cost.length * CELL);
  for (let i = 0; i < model.cost.length; i++) {
    cells[i * CELL + CELL_COST] = model.cost[i]!;
    cells[i * CELL + CELL_CENTRAL_RATE] = model.centralFull[i]! + model.shareBearingCentral[i]!;
    cells[i * CELL + CELL_FIXED] = model.centralFixed[i]!;
  }
  const record = new Float64Array(Y * n * RECORD);
  const projected = new Uint8Array(Y);
  for (let y = 0; y < Y; y++) {
    const ew = model.ethnicWeight[y]!;
    for (let c = 0; c < n; c++) {
      const k = y * n + c;
      const o = k * RECORD;
      record[o + R_SPLIT_PROVINCE] = model.splitProvince[k]!;
      record[o + R_SPLIT_PREFECTURE] = model.splitPrefecture[k]!;
      record[o + R_SPLIT_COUNTY] = model.splitCounty[k]!;
      record[o + R_OWN] = model.ownRevenue[k]!;
      record[o + R_TAX] = model.taxBase[k]!;
      record[o + R_SALARY_RUNNING] = model.salaryFen[k]! + model.runningFen[k]!;
      record[o + R_OTHER_MANDATED] = model.otherMandatedFen[k]!;
      record[o + R_RESIDENT] = model.residentPop[k]!;
      record[o + R_ETHNIC] = 1 + ew * (Math.min(100, Math.max(0, model.minorityPct[k]!)) / 100);
      record[o + R_REGION] = model.regionFactor[y * 3 + model.regionGroup[c]!]!;
      record[o + R_STD_EXP_BASE] = model.stdExpBase[k]!;
      record[o + R_REBATES] = model.rebatesNet[k]!;
      record[o + R_POPULATION] = model.population[k]!;
      record[o + R_POOLS] = model.poolsFen[k]!;
      if (model.revenueYears[k] !== 0 || model.taxBaseYears[k] !== 0) projected[y] = 1;
    }
  }
  return { record, cells, projected };
}

export class EvaluationScratch {
  readonly n: number;
  readonly G: number;
  /** per year: gap of each county (fen), measures */
  readonly gap: Float64Array[];
  readonly measures: Float64Array[];
  /** per year: each county's equalization (received) and guarantee transfer, fen */
  readonly equalization: Float64Array[];
  readonly guarantee: Float64Array[];
  readonly input: SchemeInput;
  readonly centralE: Float64Array;
  readonly provincialE: Float64Array;
  readonly prefectureE: Float64Array;
  readonly special: Float64Array;
  readonly livelihood: Float64Array;
  readonly tied: Float64Array;
  readonly rebates: Float64Array;
  readonly pools: Float64Array;
  readonly needsOther: Float64Array;
  readonly guaranteeNeeds: Float64Array;
  readonly allocation: Float64Array;
  readonly gapBefore: Float64Array;
  readonly gaps: Float64Array;
  readonly mult: Float64Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly weightsScratch: Float64Array;
  /** the evaluation's own previous year: county allocations (before retention) and provincial central allocations */
  readonly prevCounty: Float64Array;
  readonly prevProvince: Float64Array;
  /** model positions of the reported counties, ascending */
  readonly reported: Int32Array;
  /** per province: 1 when it holds a reported county */
  readonly reportedProvince: Uint8Array;
  /** per reported county: the value (resources per resident, yuan) and weight (residents) of the measures */
  readonly values: Float64Array;
  readonly weights: Float64Array;
  readonly scratch: Array<[InequalityScratch, InequalityScratch, InequalityScratch, InequalityScratch]>;
  /** per province, working memory of a year (length P each) */
  readonly province: ProvinceScratch;
  /** the model's figures that no point changes, combined once (the evaluation's first steps on them) */
  readonly fixed: FixedTerms;
  private readonly broadcast = new Map<string, Float64Array>();

  /**
   * @param extraGinis also compute the Ginis before transfers and after general transfers (three
   * more sorts a year; the Monte Carlo leaves them out)
   * @param reportedOnly compute the province → county stage, the guarantee's closing and the
   * budget account only in the provinces that hold a reported county: the measures and the
   * reported counties' figures are the same numbers, but `gap`, `equalization` and `guarantee`
   * of the other counties are not computed (the Monte Carlo reads the reported counties alone)
   */
  constructor(
    readonly model: LinearModel,
    readonly extraGinis = true,
    readonly reportedOnly = false,
  ) {
    const n = model.n;
    this.n = n;
    this.G = model.groups.length;
    const Y = model.years.length;
    const P = model.provinceCodes.length;
    this.gap = Array.from({ length: Y }, () => new Float64Array(n));
    this.measures = Array.from({ length: Y }, () => new Float64Array(M));
    this.equalization = Array.from({ length: Y }, () => new Float64Array(n));
    this.guarantee = Array.from({ length: Y }, () => new Float64Array(n));
    const col = (): Float64Array => new Float64Array(n);
    this.input = {
      n,
      population: col(), standardExpenditure: col(), standardRevenue: col(), ownRevenue: col(), standardCost: col(), mustFund: col(),
      otherStdExpenditure: col(), previousTransfer: col(), previousOwnRevenue: col().fill(Number.NaN), regionGroup: model.regionGroup,
    };
    this.centralE = col();
    this.provincialE = col();
    this.prefectureE = col();
    this.special = col();
    this.livelihood = col();
    this.tied = col();
    this.rebates = col();
    this.pools = col();
    this.needsOther = col();
    this.guaranteeNeeds = col();
    this.allocation = col();
    this.gapBefore = col();
    const wide = Math.max(n, P);
    this.gaps = new Float64Array(wide);
    this.mult = new Float64Array(wide);
    this.lo = new Float64Array(wide);
    this.hi = new Float64Array(wide);
    this.weightsScratch = new Float64Array(wide);
    this.prevCounty = col();
    this.prevProvince = new Float64Array(P);
    // the measures are taken over the reported counties alone, in model order
    const reported: number[] = [];
    for (let c = 0; c < n; c++) if (model.focus[c]) reported.push(c);
    this.reported = Int32Array.from(reported);
    this.reportedProvince = new Uint8Array(P);
    for (const c of reported) this.reportedProvince[model.provinceOf[c]!] = 1;
    const F = reported.length;
    const reportedProvince = Int32Array.from(reported, (c) => model.provinceOf[c]!);
    this.values = new Float64Array(F);
    this.weights = new Float64Array(F);
    this.scratch = Array.from({ length: Y }, () => [
      new InequalityScratch(F, reportedProvince, P), new InequalityScratch(F, reportedProvince, P),
      new InequalityScratch(F, reportedProvince, P), new InequalityScratch(F, reportedProvince, P),
    ]);
    const p = (): Float64Array => new Float64Array(P);
    this.province = {
      expenditure: p(), revenue: p(), own: p(), gap: p(), grossExpenditure: p(), allocation: p(), pool: p(), room: p(), centralShareEq: p(),
      target: p(), basis: p(), closed: p(), centralShareG: p(), previous: p(), multiplier: p(),
      bounds: { lo: p(), hi: p(), weightsScratch: p() }, gapPoolTotal: new Float64Array(model.gapPoolIds.length),
    };
    this.fixed = fixedTerms(model);
  }

  /** A per-county (or per county × group) array for a point value (a constant is broadcast). */
  array(key: string, v: Float64Array | number | undefined, length: number, fallback: number): Float64Array {
    if (v instanceof Float64Array) {
      if (v.length !== length) throw new RangeError(`${key}: ${v.length} values for ${length}`);
      return v;
    }
    const value = v ?? fallback;
    let a = this.broadcast.get(key);
    if (!a) this.broadcast.set(key, (a = new Float64Array(length)));
    if (a[0] !== value || a[length - 1] !== value) a.fill(value);
    return a;
  }
}

/** (1 + rate)^years ÷ base, remembering the last answer (national and provincial draws repeat it). */
class GrowthRatio {
  private rate = Number.NaN;
  private years = Number.NaN;
  private base = Number.NaN;
  private value = 1;
  of(rate: number, years: number, base: number): number {
    if (years === 0) return 1;
    if (rate !== this.rate || years !== this.years || base !== this.base) {
      this.rate = rate;
      this.years = years;
      this.base = base;
      this.value = (1 + rate) ** years / base;
    }
    return this.value;
  }
}

/**
 * The difficulty multipliers of units [start, end) into out (difficultyMultipliers of
 * equalization2011.ts in floats): clamp(1 + weight × z(gap ÷ expenditure), min, max) over the
 * units in a gap, 1 elsewhere.
 */
export function difficultyInto(gaps: Float64Array, expenditure: Float64Array, start: number, end: number, weight: number, min: number, max: number, out: Float64Array): void {
  if (weight === 0) {
    for (let i = start; i < end; i++) out[i] = 1;
    return;
  }
  // out holds each unit's gap ratio (NaN: not in a gap) until the multipliers replace it
  let count = 0, sum = 0;
  for (let i = start; i < end; i++) {
    if (gaps[i]! > 0 && expenditure[i]! > 0) {
      const ratio = gaps[i]! / expenditure[i]!;
      out[i] = ratio;
      count++;
      sum += ratio;
    } else out[i] = Number.NaN;
  }
  let sd = 0, mean = 0;
  if (count >= 2) {
    mean = sum / count;
    let ss = 0;
    for (let i = start; i < end; i++) if (out[i] === out[i]) ss += (out[i]! - mean) ** 2;
    sd = Math.sqrt(ss / count);
  }
  if (!(sd > 0)) {
    for (let i = start; i < end; i++) out[i] = 1;
    return;
  }
  for (let i = start; i < end; i++) {
    const ratio = out[i]!;
    out[i] = ratio === ratio ? Math.min(max, Math.max(min, 1 + (weight * (ratio - mean)) / sd)) : 1;
  }
}

/**
 * cappedGapSpend of equalization2011.ts in floats, over units [start, end): spend up to `pool`
 * over gap × multiplier, no unit above its gap, within the growth band around `previous` (NaN:
 * no bound; cap and floor NaN: no band). Amounts go to out[start…end); returns what is not spent.
 */
export function cappedSpendInto(
  pool: number, gaps: Float64Array, mult: Float64Array, previous: Float64Array | null, cap: number, floor: number,
  start: number, end: number, out: Float64Array, s: { lo: Float64Array; hi: Float64Array; weightsScratch: Float64Array },
): number {
  const w = s.weightsScratch;
  let total = 0;
  let plain = true;
  // bounded: some unit has a previous amount (NaN: none) and there is a band to bound it by
  const banded = previous !== null && !(Number.isNaN(cap) && Number.isNaN(floor));
  let bounded = false;
  for (let i = start; i < end; i++) {
    const g = gaps[i]! > 0 ? gaps[i]! : 0;
    w[i] = g * mult[i]!;
    total += w[i]!;
    if (mult[i] !== 1) plain = false;
    if (banded && previous[i]! >= 0) bounded = true;
  }
  if (end === start || total === 0 || pool === 0) {
    for (let i = start; i < end; i++) out[i] = 0;
    return pool;
  }
  const lo = s.lo, hi = s.hi;
  const capped = !Number.isNaN(cap), floored = !Number.isNaN(floor);
  let hiTotal = 0;
  for (let i = start; i < end; i++) {
    let l = 0;
    let h = gaps[i]! > 0 ? gaps[i]! : 0;
    if (bounded) {
      const prev = previous![i]!;
      if (prev >= 0) {
        if (capped) h = Math.min(h, Math.max(0, prev * (1 + cap)));
        if (floored) l = Math.min(h, Math.max(0, prev * (1 + floor)));
      }
    }
    lo[i] = l;
    hi[i] = h;
    if (w[i]! > 0) hiTotal += h;
  }
  if (pool >= hiTotal) {
    for (let i = start; i < end; i++) out[i] = w[i]! > 0 ? hi[i]! : 0;
    return pool - hiTotal;
  }
  if (!bounded && plain) {
    const k = pool / total;
    for (let i = start; i < end; i++) out[i] = w[i]! * k;
    return 0;
  }
  boundedInto(pool, w, lo, hi, start, end, out);
  return 0;
}

/** What segmentSolution found: the line's solution, and whether it lies on the segment. */
const segment = { k: 0, onSegment: false };

/**
 * The solution k of pool = Σ clamp(k·w_i, lo_i, hi_i) on the linear segment of Σ clamp(·) that
 * holds `mid` (units at or below their lower bound and at or above their upper bound held, the
 * others free), and whether it lies on that segment (within 1e-12), into `segment`.
 */
function segmentSolution(pool: number, mid: number, w: Float64Array, lo: Float64Array, hi: Float64Array, start: number, end: number): void {
  let constant = 0, slope = 0;
  for (let i = start; i < end; i++) {
    const x = mid * w[i]!;
    if (x <= lo[i]!) constant += lo[i]!;
    else if (x >= hi[i]!) constant += hi[i]!;
    else slope += w[i]!;
  }
  const kk = slope > 0 ? (pool - constant) / slope : mid;
  let onSegment = slope > 0;
  for (let i = start; i < end && onSegment; i++) {
    const x = mid * w[i]!;
    const y = kk * w[i]!;
    if (x <= lo[i]!) onSegment = y <= lo[i]! * (1 + 1e-12);
    else if (x >= hi[i]!) onSegment = y >= hi[i]! * (1 - 1e-12);
    else onSegment = y >= lo[i]! * (1 - 1e-12) && y <= hi[i]! * (1 + 1e-12);
  }
  segment.k = kk;
  segment.onSegment = onSegment;
}

/** Newton steps on the piecewise-linear Σ clamp(k·w_i, lo_i, hi_i) before bisection (1.6 on average in the national Monte Carlo). */
const NEWTON_STEPS = 4;

/**
 * amounts clamp(k·w_i, lo_i, hi_i) summing to `pool` (boundedProportional of allocation.ts,
 * without allocating), for Σ lo < pool < Σ hi over the units with a weight: k is the solution on
 * the linear segment that holds it. The segment is found by a few Newton steps from the
 * unbounded share pool ÷ Σ w (each step solves the line of the current guess's segment); failing
 * that, by bisection, trying the segment of the bracket's midpoint every few steps. Both find
 * the segment that holds the solution, hence the same k; the start depends on the inputs alone,
 * so the answer never depends on what was evaluated before.
 */
function boundedInto(pool: number, w: Float64Array, lo: Float64Array, hi: Float64Array, start: number, end: number, out: Float64Array): void {
  let loTotal = 0;
  for (let i = start; i < end; i++) loTotal += lo[i]!;
  if (loTotal >= pool) {
    const k = pool / loTotal;
    for (let i = start; i < end; i++) out[i] = lo[i]! * k;
    return;
  }
  let a = 0, b = 0, total = 0;
  for (let i = start; i < end; i++) {
    if (w[i]! > 0 && hi[i]! / w[i]! > b) b = hi[i]! / w[i]!;
    total += w[i]!;
  }
  let k = Number.NaN;
  let guess = pool / total;
  for (let step = 0; step < NEWTON_STEPS && guess > 0 && guess < b; step++) {
    segmentSolution(pool, guess, w, lo, hi, start, end);
    if (segment.onSegment) {
      k = segment.k;
      break;
    }
    if (segment.k === guess) break;
    guess = segment.k;
  }
  // bisect; every few steps try the linear segment of the bracket's midpoint, and stop when its
  // solution lies on that segment (every free unit strictly between its bounds, the others clamped)
  for (let it = 0; it < 128 && k !== k; it++) {
    const mid = (a + b) / 2;
    const narrow = !(b - a > b * 1e-15);
    if (it % 6 === 5 || it === 127 || narrow) {
      segmentSolution(pool, mid, w, lo, hi, start, end);
      if (segment.onSegment || it === 127 || narrow) {
        k = segment.k;
        break;
      }
    }
    let sum = 0;
    for (let i = start; i < end; i++) {
      const x = mid * w[i]!;
      sum += x < lo[i]! ? lo[i]! : x > hi[i]! ? hi[i]! : x;
    }
    if (sum < pool) a = mid;
    else b = mid;
  }
  for (let i = start; i < end; i++) {
    const x = k * w[i]!;
    out[i] = x < lo[i]! ? lo[i]! : x > hi[i]! ? hi[i]! : x;
  }
}

/** Evaluate every year of the model at a point; results are left in the scratch (gap, measures, transfers). */
export function evaluatePoint(model: LinearModel, point: Point, s: EvaluationScratch): void {
  const { n, G } = s;
  const C = G * CELLS_PER_GROUP;
  const P = model.provinceCodes.length;
  const scheme = point.scheme === undefined ? model.scheme : point.scheme;
  const popGrowth = point.populationGrowth === undefined ? null : s.array('pop', point.populationGrowth, n, 0);
  const revGrowth = point.revenueGrowth === undefined ? null : s.array('rev', point.revenueGrowth, n, 0);
  const revLevel = s.array('level', point.revenueLevel, n, 1);
  const coverage = s.array('cov', point.coverage, n * G, 1);
  const unitCost = s.array('unit', point.unitCost, n * G, 1);
  const v = point.centralShare;
  const input = s.input;
  const { centralFull: mFull, shareBearingCost: mShareCost } = model;
  const { directlyManaged: direct, provinceOf, provinceStart } = model;
  const { centralE, provincialE, prefectureE, special, livelihood, tied, rebates, pools, needsOther, guaranteeNeeds, allocation, gaps, mult } = s;
  const { population: inPop, standardCost: inCost, mustFund: inMust, otherStdExpenditure: inOther, ownRevenue: inOwn, standardRevenue: inStdRev, standardExpenditure: inStdExp } = input;
  const { revenueYears: mRevYears, revenueBase: mRevBase, taxBaseYears: mTaxYears, taxBaseGrowth: mTaxGrowth, focus } = model;
  const popRatio = new GrowthRatio(), revRatio = new GrowthRatio(), taxRatio = new GrowthRatio();
  const { expenditure: provE, revenue: provR, own: provOwn, gap: provGap, grossExpenditure: provExp, allocation: provAlloc, pool: provPool, room: provRoom } = s.province;
  const { centralShareEq: provCentralEq, target: provTarget, basis: provBasis, closed: provClosed, centralShareG: provCentralG, previous: provPrevScratch } = s.province;
  const fixed = s.fixed;
  const { record, cells } = fixed;
  const prevCounty = s.prevCounty;
  const J = model.gapPoolIds.length;
  const eligible = model.gapPoolEligible;
  const gapPoolFen = model.gapPoolFen;
  const gapBefore = s.gapBefore;
  const { gapPoolTotal, multiplier: pMult, bounds: provScratch } = s.province;
  // provinces without a reported county: only what the others read (their aggregates for stage 1, the award basis)
  const skipProvince = s.reportedOnly;
  const reportedProvince = s.reportedProvince;

  for (let y = 0; y < model.years.length; y++) {
    const retention = point.retentionRate ?? model.retentionRate[y]!;
    const generalRetention = model.generalRetentionRate[y]!;
    const stdRate = point.standardRevenueRate ?? model.standardRevenueRate[y]!;
    const topUpRate = point.topUpRate ?? model.topUpRate[y]!;
    const passDown = point.passDown ?? model.passDown[y]!;
    const closeRate = point.closeRate ?? model.closeRate[y]!;
    const awardPool = point.awardPoolFen ?? model.awardPoolFen[y]!;
    const pool = point.equalizationPoolFen ?? model.equalizationPoolFen[y]!;
    const popYears = model.populationYears[y]!;
    const popBase = model.populationBase[y]!;
    const bonus = model.smallScaleBonus[y]!, threshold = model.smallScaleThreshold[y]!;
    const cap = model.growthCap[y]!, floor = model.growthFloor[y]!;
    const dW = model.difficultyWeight[y]!, dMin = model.difficultyMin[y]!, dMax = model.difficultyMax[y]!;
    provE.fill(0); provR.fill(0); provOwn.fill(0); gapPoolTotal.fill(0);

    // catalog costs, shares and earmarked money; needs; revenue; standard expenditure and revenue
    // growth rates act on revenue only in a projected year ((1 + rate)^0 = 1 otherwise)
    const revenueGrowth = fixed.projected[y] ? revGrowth : null;
    for (let c = 0; c < n; c++) {
      const k = y * n + c;
      const o = k * RECORD;
      const popF = popGrowth ? popRatio.of(popGrowth[c]!, popYears, popBase) : 1;
      let cost = 0, central = 0, scopeLocal = 0, tiedCentral = 0;
      for (let g = 0; g < G; g++) {
        const cov = coverage[c * G + g]! * popF;
        const mul = cov * unitCost[c * G + g]!;
        for (let f = 0; f < CELLS_PER_GROUP; f++) {
          const kc = k * C + g * CELLS_PER_GROUP + f;
          const q = kc * CELL;
          const base = cells[q + CELL_COST]!;
          if (base === 0) continue;
          const cellCost = base * mul;
          let cen = (v === undefined ? cells[q + CELL_CENTRAL_RATE]! : mFull[kc]! + v * mShareCost[kc]!) * mul + cells[q + CELL_FIXED]! * cov;
          if (cen > cellCost) cen = cellCost;
          cost += cellCost;
          central += cen;
          if (f & IN_SCOPE) scopeLocal += cellCost - cen;
          if (f & ITEM_TIED) tiedCentral += cen;
        }
      }
      const local = cost - central;
      const provincial = local * record[o + R_SPLIT_PROVINCE]!;
      const prefecture = local * record[o + R_SPLIT_PREFECTURE]!;
      const rr = direct[c] ? 0 : retention;
      const sp = central + provincial - (central + provincial) * rr + prefecture;
      centralE[c] = central * (1 - rr);
      provincialE[c] = provincial * (1 - rr);
      prefectureE[c] = prefecture;
      special[c] = sp;
      const livelihoodC = scopeLocal * record[o + R_SPLIT_COUNTY]!;
      livelihood[c] = livelihoodC;
      tied[c] = tiedCentral;
      const level = revLevel[c]!;
      const own = record[o + R_OWN]! * level * (revenueGrowth ? revRatio.of(revenueGrowth[c]!, mRevYears[k]!, mRevBase[k]!) : 1);
      const taxBase = record[o + R_TAX]! * level * (revenueGrowth ? taxRatio.of(revenueGrowth[c]!, mTaxYears[k]!, mTaxGrowth[k]!) : 1);
      const salaryRunning = record[o + R_SALARY_RUNNING]! * popF;
      const other = salaryRunning + record[o + R_OTHER_MANDATED]! * popF;
      const resident = record[o + R_RESIDENT]! * popF;
      const scale = resident > 0 && resident < threshold ? bonus * (1 - resident / threshold) : 0;
      const coefficient = (record[o + R_ETHNIC]! + scale) * record[o + R_REGION]!;
      const stdExp = record[o + R_STD_EXP_BASE]! * popF * coefficient;
      const reb = record[o + R_REBATES]!;
      const ownStd = stdRate * (taxBase > 0 ? taxBase : 0);
      // the standard gap before the pool transfers (weight of the standard-gap pools)
      const before = stdExp - ownStd - reb;
      const gb = before > 0 ? before : 0;
      gapBefore[c] = gb;
      for (let j = 0; j < J; j++) if (eligible[j * n + c]) gapPoolTotal[j]! += gb;
      rebates[c] = reb;
      needsOther[c] = other;
      guaranteeNeeds[c] = salaryRunning + livelihoodC;
      inPop[c] = record[o + R_POPULATION]! * popF;
      inCost[c] = cost;
      inMust[c] = cost - sp;
      inOther[c] = other;
      inOwn[c] = own;
      inStdExp[c] = stdExp;
      inStdRev[c] = ownStd + reb;
    }
    // pool transfers: the standard-gap ones re-allocated, less what prefectures keep; the others held
    for (let c = 0; c < n; c++) {
      let gapPools = 0;
      for (let j = 0; j < J; j++) if (eligible[j * n + c] && gapPoolTotal[j]! > 0) gapPools += (gapPoolFen[y * J + j]! * gapBefore[c]!) / gapPoolTotal[j]!;
      const pl = record[(y * n + c) * RECORD + R_POOLS]! + (direct[c] ? gapPools : gapPools * (1 - generalRetention));
      pools[c] = pl;
      const stdRev = inStdRev[c]! + pl;
      inStdRev[c] = stdRev;
      const stdExp = inStdExp[c]!;
      gaps[c] = stdExp - stdRev > 0 ? stdExp - stdRev : 0;
      const p = provinceOf[c]!;
      provE[p]! += stdExp;
      provR[p]! += stdRev;
      provOwn[p]! += inOwn[c]! > 0 ? inOwn[c]! : 0;
    }

    // growth control: the evaluation's own previous year, else the exact run's
    const chained = model.chained[y] === 1;
    const prevProvince = chained ? s.prevProvince : model.previousProvinceFen.subarray(y * P, (y + 1) * P);
    if (!chained) prevCounty.set(model.previousCountyFen.subarray(y * n, (y + 1) * n));
    provPrevScratch.set(prevProvince);

    // stage 1: centre → provinces on grossed-up aggregates
    const eShare = model.expenditureShare[y]!, rShare = model.revenueShare[y]!;
    for (let p = 0; p < P; p++) {
      const E = provE[p]! / eShare;
      const R = provR[p]! / rShare;
      provExp[p] = E;
      provGap[p] = E - R > 0 ? E - R : 0;
      provOwn[p] = provOwn[p]! / rShare - provOwn[p]!;
    }
    difficultyInto(provGap, provExp, 0, P, dW, dMin, dMax, pMult);
    cappedSpendInto(pool, provGap, pMult, provPrevScratch, cap, floor, 0, P, provAlloc, provScratch);

    // stage 2: province → counties
    const capacityRate = model.capacityRate[y]!;
    for (let p = 0; p < P; p++) {
      if (skipProvince && !reportedProvince[p]) continue;
      const start = provinceStart[p]!;
      const end = provinceStart[p + 1]!;
      const passed = provAlloc[p]! * passDown;
      const upper = provOwn[p]! > 0 ? provOwn[p]! : 0;
      const capacity = upper * capacityRate;
      const topUp = Math.min(upper * topUpRate, capacity);
      const countyPool = passed + topUp;
      provPool[p] = countyPool;
      let returned = 0;
      if (scheme) {
        for (let c = start; c < end; c++) input.previousTransfer[c] = prevCounty[c]!;
        if (countyPool > 0) {
          const amounts = allocateScheme(scheme, sliceInput(input, start, end), countyPool).amounts;
          for (let c = start; c < end; c++) allocation[c] = amounts[c - start]!;
        } else for (let c = start; c < end; c++) allocation[c] = 0;
      } else {
        difficultyInto(gaps, inStdExp, start, end, dW, dMin, dMax, mult);
        returned = cappedSpendInto(countyPool, gaps, mult, prevCounty, cap, floor, start, end, allocation, s);
      }
      provRoom[p] = capacity - topUp + returned;
      provCentralEq[p] = countyPool > 0 ? passed / countyPool : 0;
    }
    s.prevProvince.set(provAlloc);

    // the guarantee, against resources before it
    const eqOut = s.equalization[y]!;
    const gtOut = s.guarantee[y]!;
    provTarget.fill(0);
    provBasis.fill(0);
    for (let c = 0; c < n; c++) {
      const p = provinceOf[c]!;
      if (!skipProvince || reportedProvince[p]) {
        const a = allocation[c]!;
        prevCounty[c] = a;
        const received = direct[c] ? a : a * (1 - generalRetention);
        eqOut[c] = received;
        const before = inOwn[c]! + rebates[c]! + pools[c]! + received;
        const gg = guaranteeNeeds[c]! - before;
        const target = gg > 0 ? gg * closeRate : 0;
        gtOut[c] = target;
        provTarget[p]! += target;
      }
      // the award basis: the shortfall before any general transfer
      const basis = guaranteeNeeds[c]! - inOwn[c]! - rebates[c]!;
      if (basis > 0) provBasis[p]! += basis;
    }
    let totalBasis = 0;
    for (let p = 0; p < P; p++) totalBasis += provBasis[p]!;
    for (let p = 0; p < P; p++) {
      const award = totalBasis > 0 && awardPool > 0 ? (awardPool * provBasis[p]!) / totalBasis : 0;
      const closed = Math.min(provTarget[p]!, award + (provRoom[p]! > 0 ? provRoom[p]! : 0));
      provClosed[p] = provTarget[p]! > 0 ? closed / provTarget[p]! : 0;
      provCentralG[p] = closed > 0 ? Math.min(award, closed) / closed : 0;
    }

    // the budget account, gap, who pays; measures over the reported counties
    const gap = s.gap[y]!;
    const out = s.measures[y]!;
    out.fill(0);
    const w = s.weights;
    const x = s.values;
    // the sums over the reported counties, in county order (as adding into `out` would)
    let inGap = 0, residentsInGap = 0, shortfall = 0, netGap = 0, planShortfall = 0, equalization = 0, guarantee = 0;
    let centralPays = 0, provincialPays = 0, prefecturePays = 0, countyPays = 0, unfunded = 0;
    let f = 0;
    for (let c = 0; c < n; c++) {
      const p = provinceOf[c]!;
      if (skipProvince && !reportedProvince[p]) continue;
      const gt = gtOut[c]! * provClosed[p]!;
      gtOut[c] = gt;
      const eq = eqOut[c]!;
      const own = inOwn[c]!;
      const general = pools[c]! + eq + gt;
      const ownBurden = inMust[c]!;
      const capacity = own + rebates[c]! + general - needsOther[c]!;
      const g = ownBurden - capacity;
      gap[c] = g;
      const pop = inPop[c]!;
      if (!focus[c]) continue;
      // the inequality measures skip counties without weight, so leaving out the others changes no sum
      w[f] = pop > 0 ? pop : 0;
      x[f] = pop > 0 ? (own + rebates[c]! + general + special[c]!) / 100 / pop : 0;
      f++;
      if (g > 0) {
        inGap += 1;
        residentsInGap += pop;
        shortfall += g / 100;
      }
      netGap += g / 100;
      const planGap = g < ownBurden ? g : ownBurden;
      if (planGap > 0) planShortfall += planGap / 100;
      equalization += eq / 100;
      guarantee += gt / 100;
      // who pays the catalog: earmarked shares, then general transfers (first), the county's own resources, unfunded
      const mustPay = ownBurden > 0 ? ownBurden : 0;
      const funded = Math.min(capacity > 0 ? capacity : 0, mustPay);
      const byTransfers = Math.min(funded, general);
      const centralGeneral = pools[c]! + eq * provCentralEq[p]! + gt * provCentralG[p]!;
      const phi = general > 0 ? centralGeneral / general : 0;
      centralPays += (centralE[c]! + phi * byTransfers) / 100;
      provincialPays += (provincialE[c]! + (1 - phi) * byTransfers) / 100;
      prefecturePays += prefectureE[c]! / 100;
      countyPays += (funded - byTransfers) / 100;
      unfunded += (mustPay - funded) / 100;
    }
    out[IX.counties_in_gap] = inGap;
    out[IX.residents_in_gap] = residentsInGap;
    out[IX.shortfall] = shortfall;
    out[IX.net_gap] = netGap;
    out[IX.plan_shortfall] = planShortfall;
    out[IX.equalization] = equalization;
    out[IX.guarantee] = guarantee;
    out[IX.central_pays] = centralPays;
    out[IX.provincial_pays] = provincialPays;
    out[IX.prefecture_pays] = prefecturePays;
    out[IX.county_pays] = countyPays;
    out[IX.unfunded] = unfunded;
    const [all, before, afterGeneral, afterGeneralMof] = s.scratch[y]!;
    all.summarize(x, w, out, 0);
    if (!s.extraGinis) {
      out[IX.gini_before_transfers] = Number.NaN;
      out[IX.gini_after_general] = Number.NaN;
      out[IX.gini_after_general_mof] = Number.NaN;
      continue;
    }
    const reported = s.reported;
    for (let i = 0; i < reported.length; i++) {
      const c = reported[i]!;
      x[i] = w[i]! > 0 ? inOwn[c]! / 100 / w[i]! : 0;
    }
    out[IX.gini_before_transfers] = before.gini(x, w);
    for (let i = 0; i < reported.length; i++) {
      const c = reported[i]!;
      x[i] = w[i]! > 0 ? (inOwn[c]! + rebates[c]! + pools[c]! + eqOut[c]! + gtOut[c]!) / 100 / w[i]! : 0;
    }
    out[IX.gini_after_general] = afterGeneral.gini(x, w);
    for (let i = 0; i < reported.length; i++) {
      const c = reported[i]!;
      x[i] = w[i]! > 0 ? x[i]! + tied[c]! / 100 / w[i]! : 0;
    }
    out[IX.gini_after_general_mof] = afterGeneralMof.gini(x, w);
  }
}

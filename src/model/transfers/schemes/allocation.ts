/**
 * The allocation rules the schemes are built from, and the one step that turns a scheme's
 * amounts into exact money.
 *
 * A scheme computes amounts in floating point (so that the Monte Carlo path can use the very
 * same code); `exactAllocation` then spends the pool to the fen by largest remainder
 * (allocateByWeights, BigInt): the parts always sum to the pool exactly. Where a scheme's
 * amounts are exactly proportional to integer weights (gaps in fen, standard costs) it says
 * so, and those integers are used as the weights, so that no floating-point rounding enters.
 */
import { allocateByWeights, assertFen } from '../../money.ts';

export interface SchemeAllocation {
  /** amounts in fen (floats) summing to the pool up to rounding; never negative */
  readonly amounts: Float64Array;
  /** integer weights the amounts are exactly proportional to, when there are such */
  readonly integerWeights?: Float64Array;
  /** the scheme's own rule could not place the pool and the fallback (population) was used */
  readonly usedFallback: boolean;
}

function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
}

/** pool × w_i ÷ Σw, or by the fallback weights when every w is zero. */
export function proportional(poolFen: number, weights: Float64Array, fallback: ArrayLike<number>, integerWeights = false): SchemeAllocation {
  const n = weights.length;
  const amounts = new Float64Array(n);
  if (poolFen === 0 || n === 0) return { amounts, usedFallback: false };
  const total = sum(weights);
  if (total > 0) {
    const k = poolFen / total;
    for (let i = 0; i < n; i++) amounts[i] = weights[i]! * k;
    return integerWeights ? { amounts, integerWeights: weights, usedFallback: false } : { amounts, usedFallback: false };
  }
  const fb = Float64Array.from({ length: n }, (_, i) => Math.max(0, fallback[i]!));
  const fbTotal = sum(fb);
  if (!(fbTotal > 0)) throw new RangeError('cannot allocate the pool: no county has a claim or any population');
  const k = poolFen / fbTotal;
  for (let i = 0; i < n; i++) amounts[i] = fb[i]! * k;
  return { amounts, usedFallback: true };
}

/**
 * Proportional with bounds: amounts clamp(k·w_i, lo_i, hi_i) with k solved so that they sum
 * to the pool (the growth-control band of China's formula, caps).
 * - Σ lo ≥ pool: the floors themselves are scaled down to the pool.
 * - the bounds stop the pool from being spent (every county with a weight at its cap): the
 *   rest goes by the fallback weights, over the caps.
 */
export function boundedProportional(poolFen: number, weights: Float64Array, lo: Float64Array, hi: Float64Array, fallback: ArrayLike<number>): SchemeAllocation {
  const n = weights.length;
  const amounts = new Float64Array(n);
  if (n === 0 || poolFen === 0) return { amounts, usedFallback: false };
  const loTotal = sum(lo);
  if (loTotal >= poolFen) {
    const k = poolFen / loTotal;
    for (let i = 0; i < n; i++) amounts[i] = lo[i]! * k;
    return { amounts, usedFallback: false };
  }
  // f(k) = Σ clamp(k w_i, lo_i, hi_i): constant part C plus slope W between breakpoints
  const events: Array<{ k: number; i: number; start: boolean }> = [];
  let constant = 0;
  let slope = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (w > 0) {
      events.push({ k: lo[i]! / w, i, start: true });
      if (Number.isFinite(hi[i]!)) events.push({ k: hi[i]! / w, i, start: false });
    }
    constant += lo[i]!;
  }
  events.sort((a, b) => a.k - b.k || (a.start === b.start ? a.i - b.i : a.start ? -1 : 1));
  // state: 0 at the floor, 1 proportional, 2 at the cap
  const state = new Uint8Array(n);
  let active = 0;
  let found = false;
  for (const e of events) {
    if (active > 0 && constant + e.k * slope >= poolFen) {
      found = true;
      break;
    }
    const w = weights[e.i]!;
    if (e.start) {
      constant -= lo[e.i]!;
      slope += w;
      state[e.i] = 1;
      active++;
    } else {
      constant += hi[e.i]!;
      slope -= w;
      state[e.i] = 2;
      active--;
    }
  }
  let k = Number.NaN;
  if (found || active > 0) {
    // the running sums lose precision when large weights come and go: sum the segment afresh
    constant = 0;
    slope = 0;
    for (let i = 0; i < n; i++) {
      if (state[i] === 1) slope += weights[i]!;
      else constant += state[i] === 2 ? hi[i]! : lo[i]!;
    }
    k = (poolFen - constant) / slope;
  }
  if (!Number.isNaN(k)) {
    for (let i = 0; i < n; i++) amounts[i] = Math.min(hi[i]!, Math.max(lo[i]!, k * weights[i]!));
    return { amounts, usedFallback: false };
  }
  // every county with a weight is capped: give the caps (floors where there is no weight), the rest by fallback
  let placed = 0;
  for (let i = 0; i < n; i++) {
    amounts[i] = weights[i]! > 0 ? hi[i]! : lo[i]!;
    placed += amounts[i]!;
  }
  const rest = proportional(poolFen - placed, new Float64Array(n), fallback);
  for (let i = 0; i < n; i++) amounts[i]! += rest.amounts[i]!;
  return { amounts, usedFallback: true };
}

export interface WaterFill {
  readonly amounts: Float64Array;
  /** the level L: every county with a per-capita claim above L is brought down to L */
  readonly level: number;
}

/**
 * Water-filling on per-capita claims: amount_i = p_i × max(0, d_i − L), with the level L
 * solved so that the amounts sum to the pool, never below `minLevel`. When the pool is larger
 * than the claims above `minLevel`, the level stops there and the rest goes by population.
 * Counties with no population get nothing.
 */
export function waterFill(poolFen: number, perCapitaClaim: Float64Array, population: Float64Array, minLevel = Number.NEGATIVE_INFINITY): WaterFill {
  const n = population.length;
  const amounts = new Float64Array(n);
  if (n === 0 || poolFen === 0) return { amounts, level: Number.POSITIVE_INFINITY };
  const ids: number[] = [];
  for (let i = 0; i < n; i++) if (population[i]! > 0) ids.push(i);
  if (ids.length === 0) throw new RangeError('cannot allocate the pool: no county has any population');
  ids.sort((a, b) => perCapitaClaim[b]! - perCapitaClaim[a]! || a - b);
  let sumPD = 0;
  let sumP = 0;
  let level = Number.NaN;
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k]!;
    sumPD += population[i]! * perCapitaClaim[i]!;
    sumP += population[i]!;
    const candidate = (sumPD - poolFen) / sumP;
    const next = k + 1 < ids.length ? perCapitaClaim[ids[k + 1]!]! : Number.NEGATIVE_INFINITY;
    if (candidate >= next) {
      level = candidate;
      break;
    }
  }
  if (level < minLevel) {
    let placed = 0;
    let totalP = 0;
    for (const i of ids) {
      amounts[i] = population[i]! * Math.max(0, perCapitaClaim[i]! - minLevel);
      placed += amounts[i];
      totalP += population[i]!;
    }
    const perHead = (poolFen - placed) / totalP;
    for (const i of ids) amounts[i]! += population[i]! * perHead;
    return { amounts, level: minLevel };
  }
  for (const i of ids) amounts[i] = population[i]! * Math.max(0, perCapitaClaim[i]! - level);
  return { amounts, level };
}

/**
 * Spend the pool to the fen, in proportion to the allocation's integer weights when it has
 * them, else to its amounts (scaled by a power of two to integers below 2^52, so that amounts
 * that are already whole fen keep their exact proportions). The parts sum to the pool exactly.
 */
export function exactAllocation(poolFen: number, allocation: SchemeAllocation): number[] {
  assertFen(poolFen, 'pool');
  const n = allocation.amounts.length;
  if (poolFen === 0) return new Array<number>(n).fill(0);
  const source = allocation.integerWeights ?? allocation.amounts;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const a = source[i]!;
    if (!(a >= 0) || !Number.isFinite(a)) throw new RangeError(`amount ${i} (${a}) is negative or not finite`);
    max = Math.max(max, a);
  }
  if (max === 0) throw new RangeError('cannot spend the pool: every amount is zero');
  let weights: number[];
  if (allocation.integerWeights && max <= 2 ** 52) {
    weights = Array.from(source);
  } else {
    const factor = 2 ** Math.floor(52 - Math.log2(max));
    weights = Array.from(source, (a) => Math.round(a * factor));
    // guard the top of the range against log2 rounding
    if (weights.some((w) => w > 2 ** 53 - 1)) weights = Array.from(source, (a) => Math.round((a * factor) / 2));
  }
  return allocateByWeights(poolFen, weights);
}

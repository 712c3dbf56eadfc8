/**
 * China's equalization transfer (均衡性转移支付), 财预〔2022〕58号 structure:
 *
 *   transfer_i = (standard expenditure_i − standard revenue_i) × coefficient_i + growth-control adjustment_i
 *
 * The coefficient is solved so that the pool is spent exactly (pool ÷ Σ gaps). Optionally it
 * is blended with a difficulty coefficient (困难程度系数): with z-scores over the counties in a
 * gap of two indicators, must-fund spending ÷ standard revenue and gap ÷ standard expenditure,
 *   d_i = w · z(must-fund_i ÷ standard revenue_i) + (1 − w) · z(gap_i ÷ standard expenditure_i)
 *   coefficient_i ∝ clamp(1 + β · d_i, min, max)
 * Growth control (增幅控制): when last year's transfer is known, this year's stays within
 * [last × (1 + floor), last × (1 + cap)], the coefficient re-solved so the pool is still spent.
 * With β = 0 and no growth control this is exactly the engine's default gap-proportional rule.
 */
import { boundedProportional, proportional, type SchemeAllocation } from './allocation.ts';
import { standardGaps, type SchemeInput } from './schemeInput.ts';

export interface ChinaEqualizationSettings {
  /** β: weight of the difficulty coefficient (0 = gaps alone) */
  readonly difficulty_weight: number;
  /** w: weight of must-fund ÷ standard revenue in the difficulty score (the gap rate has 1 − w) */
  readonly must_fund_weight: number;
  readonly difficulty_min: number;
  readonly difficulty_max: number;
  /** standard revenue is floored at this many yuan per resident in the must-fund ratio */
  readonly revenue_floor_per_resident: number;
  /** highest growth of a county's transfer over last year's (null: no cap) */
  readonly growth_cap: number | null;
  /** lowest growth (negative: the largest fall; null: no floor) */
  readonly growth_floor: number | null;
}

function zScores(xs: readonly number[]): number[] {
  const n = xs.length;
  if (n === 0) return [];
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= n;
  let v = 0;
  for (const x of xs) v += (x - mean) ** 2;
  const sd = Math.sqrt(v / n);
  return xs.map((x) => (sd > 0 ? (x - mean) / sd : 0));
}

/** The difficulty multiplier clamp(1 + β d_i, min, max) for each county (1 where not in a gap). */
export function difficultyMultipliers(input: SchemeInput, gaps: Float64Array, s: ChinaEqualizationSettings): Float64Array {
  const m = new Float64Array(input.n).fill(1);
  if (s.difficulty_weight === 0) return m;
  const ids: number[] = [];
  for (let i = 0; i < input.n; i++) if (gaps[i]! > 0) ids.push(i);
  const floorFen = s.revenue_floor_per_resident * 100;
  const mustFundRatio = zScores(ids.map((i) => input.mustFund[i]! / Math.max(input.standardRevenue[i]!, floorFen * input.population[i]!, 1)));
  const gapRate = zScores(ids.map((i) => gaps[i]! / input.standardExpenditure[i]!));
  ids.forEach((i, k) => {
    const d = s.must_fund_weight * mustFundRatio[k]! + (1 - s.must_fund_weight) * gapRate[k]!;
    m[i] = Math.min(s.difficulty_max, Math.max(s.difficulty_min, 1 + s.difficulty_weight * d));
  });
  return m;
}

export function chinaEqualization(input: SchemeInput, poolFen: number, s: ChinaEqualizationSettings): SchemeAllocation {
  const gaps = standardGaps(input);
  const blended = s.difficulty_weight !== 0;
  let weights = gaps;
  if (blended) {
    const m = difficultyMultipliers(input, gaps, s);
    weights = gaps.map((g, i) => g * m[i]!);
  }
  const controlled = (s.growth_cap !== null || s.growth_floor !== null) && input.previousTransfer.some((p) => p >= 0);
  if (!controlled) return proportional(poolFen, weights, input.population, !blended);
  const lo = new Float64Array(input.n);
  const hi = new Float64Array(input.n).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < input.n; i++) {
    const prev = input.previousTransfer[i]!;
    if (!(prev >= 0)) continue;
    if (s.growth_floor !== null) lo[i] = Math.max(0, prev * (1 + s.growth_floor));
    if (s.growth_cap !== null) hi[i] = Math.max(lo[i]!, prev * (1 + s.growth_cap));
  }
  return boundedProportional(poolFen, weights, lo, hi, input.population);
}

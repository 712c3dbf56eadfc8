/**
 * Spend a pool exactly in proportion to gaps: transfer = gap × coefficient with
 * coefficient = pool ÷ Σ gaps (财预〔2022〕58号 structure), allocated in fen by largest
 * remainder so the allocations sum to the pool to the fen. When no unit has a gap the pool
 * goes by the fallback weights (population), so it is still spent exactly.
 */
import { allocateByWeights } from '../money.ts';

export interface PoolAllocation {
  readonly allocationsFen: number[];
  /** pool ÷ Σ gaps (NaN when the fallback was used) */
  readonly coefficient: number;
  readonly usedFallback: boolean;
}

export function allocatePoolByGaps(poolFen: number, gapsFen: readonly number[], fallbackWeights: readonly number[]): PoolAllocation {
  if (gapsFen.length === 0) return { allocationsFen: [], coefficient: Number.NaN, usedFallback: false };
  const positive = gapsFen.map((g) => Math.max(0, g));
  const total = positive.reduce((a, b) => a + b, 0);
  if (total > 0) return { allocationsFen: allocateByWeights(poolFen, positive), coefficient: poolFen / total, usedFallback: false };
  const fallback = fallbackWeights.map((w) => Math.max(0, Math.round(w)));
  if (fallback.every((w) => w === 0)) {
    if (poolFen === 0) return { allocationsFen: gapsFen.map(() => 0), coefficient: Number.NaN, usedFallback: true };
    throw new RangeError('cannot allocate a pool: no unit has a gap or any population');
  }
  return { allocationsFen: allocateByWeights(poolFen, fallback), coefficient: Number.NaN, usedFallback: true };
}

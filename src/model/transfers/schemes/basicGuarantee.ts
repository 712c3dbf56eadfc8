/**
 * The county basic financial guarantee (县级基本财力保障机制, 财预〔2010〕443号) as a scheme:
 *
 *   guarantee gap_i = max(0, basic standard expenditure_i − own revenue_i)
 *   fill_i  = guarantee gap_i × min(1, (1 − a) × pool ÷ Σ guarantee gaps)
 *   award_i = (pool − Σ fill) × growth_i ÷ Σ growth       (以奖代补)
 *
 * The award share a of the pool rewards revenue effort: growth_i = max(0, own revenue_i − own
 * revenue last year); by population when no growth is known. Money the gaps cannot use goes
 * to the awards.
 */
import { proportional, type SchemeAllocation } from './allocation.ts';
import type { SchemeInput } from './schemeInput.ts';

export interface BasicGuaranteeSettings {
  /** share of the pool kept for awards (以奖代补) */
  readonly award_share: number;
}

export function basicGuarantee(input: SchemeInput, poolFen: number, s: BasicGuaranteeSettings): SchemeAllocation {
  const n = input.n;
  const gaps = new Float64Array(n);
  let gapTotal = 0;
  for (let i = 0; i < n; i++) {
    gaps[i] = Math.max(0, input.standardExpenditure[i]! - input.ownRevenue[i]!);
    gapTotal += gaps[i]!;
  }
  const fillPool = poolFen * (1 - s.award_share);
  const fillRate = gapTotal > 0 ? Math.min(1, fillPool / gapTotal) : 0;
  const amounts = new Float64Array(n);
  let filled = 0;
  for (let i = 0; i < n; i++) {
    amounts[i] = gaps[i]! * fillRate;
    filled += amounts[i]!;
  }
  const awardPool = poolFen - filled;
  if (awardPool <= 0) return { amounts, usedFallback: false };
  const growth = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const prev = input.previousOwnRevenue[i]!;
    growth[i] = prev >= 0 ? Math.max(0, input.ownRevenue[i]! - prev) : 0;
  }
  const awards = proportional(awardPool, growth, input.population);
  for (let i = 0; i < n; i++) amounts[i]! += awards.amounts[i]!;
  return { amounts, usedFallback: awards.usedFallback };
}

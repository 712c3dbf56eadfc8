/**
 * The simple comparison schemes:
 * - simple gap:        transfer_i = pool × gap_i ÷ Σ gaps, gap = max(0, standard expenditure −
 *                      standard revenue), with no cap at the gap (the gap-proportional rule the
 *                      model used before the 2011 formula, kept for comparison); by population
 *                      when no county has a gap
 * - equal per capita:  transfer_i = pool × population_i ÷ Σ population
 * - needs-based:       transfer_i = pool × standard cost_i ÷ Σ standard cost   (standard cost share)
 * - gap-filling:       fill the deepest per-capita gaps first (levelling down the per-capita
 *                      gap max(0, standard expenditure − standard revenue) ÷ population to a
 *                      common level L); what is left once every gap is closed goes per capita
 * - matching grant:    transfer_i ∝ match rate(region group) × the county's own-source spending
 *                      on basic services, clamp(own revenue − other standard expenditure, 0, own burden)
 */
import { proportional, waterFill, type SchemeAllocation } from './allocation.ts';
import { standardGaps, type SchemeInput } from './schemeInput.ts';

export type NoSettings = Readonly<Record<string, never>>;

export function simpleGap(input: SchemeInput, poolFen: number): SchemeAllocation {
  const gaps = standardGaps(input);
  const integral = gaps.every((x) => Number.isSafeInteger(x));
  return proportional(poolFen, gaps, input.population, integral);
}

export function equalPerCapita(input: SchemeInput, poolFen: number): SchemeAllocation {
  return proportional(poolFen, input.population, input.population);
}

export function needsBased(input: SchemeInput, poolFen: number): SchemeAllocation {
  const integral = input.standardCost.every((x) => Number.isSafeInteger(x) && x >= 0);
  return proportional(poolFen, input.standardCost.map((x) => Math.max(0, x)), input.population, integral);
}

export function gapFilling(input: SchemeInput, poolFen: number): SchemeAllocation {
  const gaps = standardGaps(input);
  const perCapita = gaps.map((g, i) => (input.population[i]! > 0 ? g / input.population[i]! : 0));
  const { amounts } = waterFill(poolFen, perCapita, input.population, 0);
  return { amounts, usedFallback: false };
}

export interface MatchingSettings {
  readonly match_rate_east: number;
  readonly match_rate_central: number;
  readonly match_rate_west: number;
}

export function matchingGrant(input: SchemeInput, poolFen: number, s: MatchingSettings): SchemeAllocation {
  const rates = [s.match_rate_east, s.match_rate_central, s.match_rate_west];
  const weights = new Float64Array(input.n);
  for (let i = 0; i < input.n; i++) {
    const own = Math.min(Math.max(0, input.ownRevenue[i]! - input.otherStdExpenditure[i]!), Math.max(0, input.mustFund[i]!));
    weights[i] = rates[input.regionGroup[i]!]! * own;
  }
  return proportional(poolFen, weights, input.population);
}

/**
 * Other countries' equalization methods, applied to counties:
 *
 * Japan, Local Allocation Tax (地方交付税法 第10条・第14条):
 *   entitlement_i = max(0, standard need_i − r × standard revenue_i), r = 75%
 *   with a pool smaller (larger) than Σ entitlements, the adjustment (調整額) is proportional to
 *   need: transfer_i = max(0, entitlement_i − ρ × need_i), ρ solved so the pool is spent.
 *
 * Australia, horizontal fiscal equalisation (Commonwealth Grants Commission relativities):
 *   per-capita entitlement_i = average grant + (assessed expense pc_i − average) − (assessed revenue pc_i − average)
 *   relativity_i = per-capita entitlement_i ÷ average grant, floored (0.75 from 2024–25);
 *   transfer_i = pool × population_i × relativity_i ÷ Σ population × relativity.
 *
 * Canada, fiscal capacity standard with a cap (Federal-Provincial Fiscal Arrangements Act, Part I):
 *   entitlement_i = population_i × max(0, S − fiscal capacity pc_i), S = the average per-capita
 *   standard revenue; a pool smaller than Σ entitlements lowers the standard (the equal
 *   per-capita adjustment of the ceiling); a larger pool raises it, never above the cap
 *   (cap ratio × average), and what the cap keeps back goes per capita.
 */
import { proportional, waterFill, type SchemeAllocation } from './allocation.ts';
import type { SchemeInput } from './schemeInput.ts';

export interface JapanSettings {
  /** share of standard tax revenue counted as standard revenue (基準税率) */
  readonly revenue_inclusion_rate: number;
}

export function japanLocalAllocationTax(input: SchemeInput, poolFen: number, s: JapanSettings): SchemeAllocation {
  const n = input.n;
  const amounts = new Float64Array(n);
  if (n === 0 || poolFen === 0) return { amounts, usedFallback: false };
  const ent = new Float64Array(n);
  let entTotal = 0;
  let needTotal = 0;
  for (let i = 0; i < n; i++) {
    const need = Math.max(0, input.standardExpenditure[i]!);
    ent[i] = Math.max(0, need - s.revenue_inclusion_rate * input.standardRevenue[i]!);
    entTotal += ent[i]!;
    needTotal += need;
  }
  if (needTotal === 0) return proportional(poolFen, ent, input.population);
  if (entTotal <= poolFen) {
    // ρ ≤ 0: every county gets its entitlement plus the same share of its need
    const rho = (entTotal - poolFen) / needTotal;
    for (let i = 0; i < n; i++) amounts[i] = ent[i]! - rho * Math.max(0, input.standardExpenditure[i]!);
    return { amounts, usedFallback: false };
  }
  // ρ > 0: transfer_i = need_i × max(0, ent_i/need_i − ρ), water-filling on ent ÷ need weighted by need
  const need = input.standardExpenditure.map((x) => Math.max(0, x));
  const ratio = ent.map((e, i) => (need[i]! > 0 ? e / need[i]! : 0));
  return { amounts: waterFill(poolFen, ratio, need).amounts, usedFallback: false };
}

export interface AustraliaSettings {
  /** lowest relativity a county can have (the GST relativity floor) */
  readonly relativity_floor: number;
}

export function australiaRelativities(input: SchemeInput, poolFen: number, s: AustraliaSettings): SchemeAllocation {
  const n = input.n;
  let pop = 0, exp = 0, rev = 0;
  for (let i = 0; i < n; i++) {
    if (!(input.population[i]! > 0)) continue;
    pop += input.population[i]!;
    exp += input.standardExpenditure[i]!;
    rev += input.standardRevenue[i]!;
  }
  if (n === 0 || poolFen === 0) return { amounts: new Float64Array(n), usedFallback: false };
  if (!(pop > 0)) throw new RangeError('cannot allocate the pool: no county has any population');
  const avgGrant = poolFen / pop;
  const avgExp = exp / pop;
  const avgRev = rev / pop;
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = input.population[i]!;
    if (!(p > 0)) continue;
    const entitlement = avgGrant + (input.standardExpenditure[i]! / p - avgExp) - (input.standardRevenue[i]! / p - avgRev);
    weights[i] = p * Math.max(s.relativity_floor, entitlement / avgGrant);
  }
  return proportional(poolFen, weights, input.population);
}

export interface CanadaSettings {
  /** the cap: no county is raised above this multiple of the average per-capita capacity */
  readonly cap_ratio: number;
}

export function canadaCapacity(input: SchemeInput, poolFen: number, s: CanadaSettings): SchemeAllocation {
  const n = input.n;
  let pop = 0, rev = 0;
  for (let i = 0; i < n; i++) {
    if (!(input.population[i]! > 0)) continue;
    pop += input.population[i]!;
    rev += input.standardRevenue[i]!;
  }
  if (n === 0 || poolFen === 0) return { amounts: new Float64Array(n), usedFallback: false };
  if (!(pop > 0)) throw new RangeError('cannot allocate the pool: no county has any population');
  const standard = rev / pop;
  // amount_i = p_i × max(0, S' − c_i): water-filling on −c_i with level −S', S' at most cap × S
  const negCapacity = input.population.map((p, i) => (p > 0 ? -input.standardRevenue[i]! / p : 0));
  const { amounts } = waterFill(poolFen, negCapacity, input.population, -s.cap_ratio * standard);
  return { amounts, usedFallback: false };
}

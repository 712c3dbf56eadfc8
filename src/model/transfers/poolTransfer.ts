/**
 * A general transfer with a pool, eligible counties and a weight (ethnic-area, old-revolutionary
 * and border-area transfers, salary adjustment, rural tax reform, key ecological function zones,
 * resource-exhausted cities, grain-county rewards). The pool is spent exactly, to the fen, over
 * the eligible counties in proportion to their weights (largest remainder); with no eligible
 * county or no weight it is not spent and says so. Each county's allocation is then split into
 * what reaches the county level and what the province and prefecture keep for their own units.
 */
import { countyFlag, type County } from '../county.ts';
import { allocateByWeights, takeShare } from '../money.ts';
import type { PoolMechanismParameters } from '../parameters.ts';
import { DriverColumns } from '../driverColumns.ts';

export interface PoolTransfer {
  /** per county: allocation reaching the county level, fen */
  readonly toCountyFen: number[];
  /** per county: the part kept by the province and prefecture for their own units, fen */
  readonly upperLevelFen: number[];
  /** pool left unspent (no eligible county with a weight), fen */
  readonly unspentFen: number;
  readonly eligibleCount: number;
}

export function isEligible(county: County, m: Pick<PoolMechanismParameters, 'flag' | 'regionGroups'>): boolean {
  if (m.flag !== undefined && !countyFlag(county, m.flag)) return false;
  return m.regionGroups === undefined || m.regionGroups.includes(county.regionGroup);
}

/**
 * @param drivers the counties' drivers as columns (read from the county objects when not given)
 * @param standardGapsFen the equalization formula's standard gap per county (for the
 *   `standard_gap` weight), max(0, standard expenditure − standard revenue)
 */
export function poolTransfer(counties: readonly County[], m: PoolMechanismParameters, standardGapsFen: ArrayLike<number>, drivers: DriverColumns = new DriverColumns(counties)): PoolTransfer {
  const n = counties.length;
  const weightDriver = m.weight.kind === 'driver' ? drivers.orZero(m.weight.driver) : undefined;
  const weights = new Array<number>(n).fill(0);
  let eligibleCount = 0;
  for (let c = 0; c < n; c++) {
    const county = counties[c]!;
    if (!isEligible(county, m)) continue;
    eligibleCount++;
    const w = m.weight;
    weights[c] = w.kind === 'equal' ? 1 : w.kind === 'standard_gap' ? Math.max(0, standardGapsFen[c]!) : Math.max(0, Math.round(weightDriver![c]!));
  }
  const total = weights.reduce((a, b) => a + b, 0);
  const zero = new Array<number>(n).fill(0);
  if (m.poolFen === 0 || total === 0) return { toCountyFen: zero, upperLevelFen: [...zero], unspentFen: m.poolFen, eligibleCount };
  const allocation = allocateByWeights(m.poolFen, weights);
  const toCountyFen = allocation.map((a) => takeShare(a, m.countySharePpm));
  return { toCountyFen, upperLevelFen: allocation.map((a, c) => a - toCountyFen[c]!), unspentFen: 0, eligibleCount };
}

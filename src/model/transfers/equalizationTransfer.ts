/**
 * The general equalization transfer (均衡性转移支付) in two stages:
 *  1. centre → provinces: the central pool by provincial gaps, where a province's standard
 *     expenditure is Σ over its counties of (own burden of basic services + other standard
 *     expenditure) and its standard revenue Σ standard revenue;
 *  2. province → counties: the province's pool (its central allocation plus the provincial
 *     top-up, a share of its counties' own revenue) by county gaps
 *     max(0, standard expenditure − standard revenue).
 */
import { takeShare } from '../money.ts';
import { allocatePoolByGaps } from './poolAllocation.ts';

export interface EqualizationUnit {
  readonly provinceCode: string;
  /** own burden of basic services + other standard expenditure, fen */
  readonly standardExpenditureFen: number;
  readonly standardRevenueFen: number;
  readonly ownRevenueFen: number;
  readonly population: number;
}

export interface ProvinceEqualization {
  readonly provinceCode: string;
  readonly standardExpenditureFen: number;
  readonly standardRevenueFen: number;
  readonly gapFen: number;
  readonly centralAllocationFen: number;
  readonly provincialTopUpFen: number;
  readonly poolFen: number;
  /** pool ÷ Σ county gaps in the province */
  readonly coefficient: number;
}

export interface EqualizationResult {
  readonly provinces: ProvinceEqualization[];
  /** per county (same order as the input), fen */
  readonly countyTransfersFen: number[];
  /** central pool ÷ Σ provincial gaps */
  readonly centralCoefficient: number;
}

export function equalizationTransfer(
  units: readonly EqualizationUnit[],
  centralPoolFen: number,
  provincialPoolRatePpm: number,
): EqualizationResult {
  const byProvince = new Map<string, number[]>();
  units.forEach((u, i) => {
    const list = byProvince.get(u.provinceCode);
    if (list) list.push(i);
    else byProvince.set(u.provinceCode, [i]);
  });
  const codes = [...byProvince.keys()].sort();
  const aggregates = codes.map((code) => {
    const members = byProvince.get(code)!;
    let e = 0, r = 0, own = 0, pop = 0;
    for (const i of members) {
      const u = units[i]!;
      e += u.standardExpenditureFen;
      r += u.standardRevenueFen;
      own += u.ownRevenueFen;
      pop += u.population;
    }
    return { code, members, e, r, own, pop, gap: Math.max(0, e - r) };
  });
  const central = allocatePoolByGaps(centralPoolFen, aggregates.map((a) => a.gap), aggregates.map((a) => a.pop));
  const countyTransfersFen = units.map(() => 0);
  const provinces = aggregates.map((a, k): ProvinceEqualization => {
    const centralAllocationFen = central.allocationsFen[k]!;
    const provincialTopUpFen = takeShare(Math.max(0, a.own), provincialPoolRatePpm);
    const poolFen = centralAllocationFen + provincialTopUpFen;
    const gaps = a.members.map((i) => units[i]!.standardExpenditureFen - units[i]!.standardRevenueFen);
    const inner = allocatePoolByGaps(poolFen, gaps, a.members.map((i) => units[i]!.population));
    a.members.forEach((i, j) => (countyTransfersFen[i] = inner.allocationsFen[j]!));
    return {
      provinceCode: a.code,
      standardExpenditureFen: a.e,
      standardRevenueFen: a.r,
      gapFen: a.gap,
      centralAllocationFen,
      provincialTopUpFen,
      poolFen,
      coefficient: inner.coefficient,
    };
  });
  return { provinces, countyTransfersFen, centralCoefficient: central.coefficient };
}

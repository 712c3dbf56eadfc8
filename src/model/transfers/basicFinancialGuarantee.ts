/**
 * The county basic financial guarantee (县级基本财力保障机制, 财预〔2010〕443号).
 *
 * Guarantee needs are narrower and lower than the plan's: staff on establishment at state
 * salary standards (保工资), office running at a standard per staff member (保运转), and the
 * county's own share of the national livelihood policies in force (保民生). The guarantee gap
 * is computed against the county's resources before the guarantee:
 *
 *   guarantee gap = max(0, needs − (own revenue + tax rebates + system subsidy − remittance
 *                                    + general transfers received before the guarantee))
 *
 * Each province sets out to close a share of its counties' gaps (the close rate) from its own
 * budget. The centre rewards provinces from a bounded award pool (以奖代补), spent exactly and
 * shared in proportion to the basic financial shortfall their counties have before any general
 * transfer (guarantee needs − own revenue − rebates − system subsidy + remittance): the part of
 * the guarantee the province secures with transfers, this year's closing included. What a province can close is
 * bounded by its award plus the budget room it has left after its equalization top-up; where
 * that falls short, every county's closing is cut in proportion. An award larger than what the
 * province closes stays in the provincial budget.
 */
import { allocateByWeights, takeShare } from '../money.ts';

export interface GuaranteeCounty {
  readonly provinceCode: string;
  readonly needsFen: number;
  readonly resourcesBeforeFen: number;
  /** the county's shortfall before any general transfer: the basis of the province's award */
  readonly awardBasisFen: number;
}

export interface GuaranteeProvince {
  readonly provinceCode: string;
  /** Σ gaps the province set out to close (gap × close rate) */
  readonly targetFen: number;
  readonly awardFen: number;
  /** budget room left for the guarantee (capacity − equalization top-up + returned equalization) */
  readonly roomFen: number;
  /** what the province closed: min(target, award + room) */
  readonly closedFen: number;
  /** the province's own money in it: max(0, closed − award) */
  readonly provincialFen: number;
  /** award not needed for closing, kept in the provincial budget */
  readonly awardKeptFen: number;
}

export interface GuaranteeResult {
  /** per county: gap before the guarantee, transfer, gap left after */
  readonly gapFen: number[];
  readonly transferFen: number[];
  readonly gapAfterFen: number[];
  readonly provinces: GuaranteeProvince[];
  /** award pool not spent (no county short of its guarantee needs before general transfers) */
  readonly unspentAwardFen: number;
}

export function basicFinancialGuarantee(
  counties: readonly GuaranteeCounty[],
  closeRatePpm: number,
  awardPoolFen: number,
  roomByProvinceFen: ReadonlyMap<string, number>,
): GuaranteeResult {
  const gapFen = counties.map((c) => Math.max(0, c.needsFen - c.resourcesBeforeFen));
  const targetFen = gapFen.map((g) => takeShare(g, closeRatePpm));
  const members = new Map<string, number[]>();
  counties.forEach((c, i) => (members.get(c.provinceCode) ?? members.set(c.provinceCode, []).get(c.provinceCode)!).push(i));
  const codes = [...members.keys()].sort();
  const targets = codes.map((code) => members.get(code)!.reduce((s, i) => s + targetFen[i]!, 0));
  const bases = codes.map((code) => members.get(code)!.reduce((s, i) => s + Math.max(0, counties[i]!.awardBasisFen), 0));
  const totalBasis = bases.reduce((a, b) => a + b, 0);
  const awards = totalBasis > 0 && awardPoolFen > 0 ? allocateByWeights(awardPoolFen, bases) : bases.map(() => 0);
  const transferFen = counties.map(() => 0);
  const provinces = codes.map((code, k): GuaranteeProvince => {
    const ids = members.get(code)!;
    const target = targets[k]!;
    const award = awards[k]!;
    const room = Math.max(0, roomByProvinceFen.get(code) ?? 0);
    const closed = Math.min(target, award + room);
    if (closed === target) for (const i of ids) transferFen[i] = targetFen[i]!;
    else if (closed > 0) allocateByWeights(closed, ids.map((i) => targetFen[i]!)).forEach((x, j) => (transferFen[ids[j]!] = x));
    return { provinceCode: code, targetFen: target, awardFen: award, roomFen: room, closedFen: closed, provincialFen: Math.max(0, closed - award), awardKeptFen: Math.max(0, award - closed) };
  });
  return {
    gapFen,
    transferFen,
    gapAfterFen: gapFen.map((g, i) => g - transferFen[i]!),
    provinces,
    unspentAwardFen: totalBasis > 0 ? 0 : awardPoolFen,
  };
}

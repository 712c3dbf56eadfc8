/**
 * cost[c,i,t] = beneficiaries × annual unit standard × cost index, rounded once to the fen.
 */
import type { County } from '../county.ts';
import { exactProductToFen, MoneyOverflowError, nearHalfFen, roundYuanToFen } from '../money.ts';
import { valueFor, type ItemParameters, type PopulationBasis } from '../parameters.ts';
import { beneficiaryCount, beneficiaryFactors } from './beneficiaries.ts';

export interface ItemCost {
  readonly beneficiaries: number;
  readonly costFen: number;
}

export function itemCost(county: County, item: ItemParameters, basis: PopulationBasis): ItemCost {
  const beneficiaries = beneficiaryCount(county, item, basis);
  return { beneficiaries, costFen: costFenFor(county, item, basis, beneficiaries) };
}

/** The cost in fen for a known beneficiary count (the hot path: no allocation unless at a half-fen tie). */
export function costFenFor(county: County, item: ItemParameters, basis: PopulationBasis, beneficiaries: number): number {
  const standard = valueFor(item.annualStandard, county);
  const yuan = beneficiaries * standard * county.costIndex;
  if (!nearHalfFen(yuan)) return roundYuanToFen(yuan);
  return exactCostFen(county, item, beneficiaryFactors(county, item, basis), standard);
}

/** The cost at a half-fen tie: the exact product of the beneficiary factors, the standard and the cost index. */
export function exactCostFen(county: County, item: ItemParameters, factors: readonly number[], standard: number): number {
  try {
    return exactProductToFen([...factors, standard, county.costIndex]);
  } catch (e) {
    // an amount too large to hold exactly: say which county and item
    throw e instanceof MoneyOverflowError ? e.at({ county: `${county.code} ${county.name}`, item: item.id }) : e;
  }
}

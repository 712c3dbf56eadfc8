/**
 * cost[c,i,t] = beneficiaries × annual unit standard × cost index, rounded once to the fen.
 */
import type { County } from '../county.ts';
import { productToFen } from '../money.ts';
import type { ItemParameters, PopulationBasis } from '../parameters.ts';
import { beneficiaryFactors } from './beneficiaries.ts';

export interface ItemCost {
  readonly beneficiaries: number;
  readonly costFen: number;
}

export function itemCost(county: County, item: ItemParameters, basis: PopulationBasis): ItemCost {
  const factors = beneficiaryFactors(county, item, basis);
  const beneficiaries = factors.reduce((a, b) => a * b, 1);
  const costFen = productToFen([...factors, item.annualStandard, county.costIndex]);
  return { beneficiaries, costFen };
}

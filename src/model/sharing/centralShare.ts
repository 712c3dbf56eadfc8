/**
 * The central government's part of an item's cost under its responsibility rule (MODEL.md §1).
 *
 * ratio / joint / government_full / subsidy: cost × central share of the county's group
 * subsidy_difficult: as subsidy, but only difficult counties get it
 * pilot: 100% in counties carrying the pilot flag, the central share elsewhere
 * fixed_amount: beneficiaries × central yuan per beneficiary, never more than the cost
 * local / county_and_above: nothing
 */
import type { County } from '../county.ts';
import { PPM, productToFen, takeShare } from '../money.ts';
import { groupValue, type RuleParameters } from '../parameters.ts';

function shareOf(rule: RuleParameters, county: County): number {
  if (!rule.centralSharePpm) throw new RangeError(`rule ${rule.id} has no central share`);
  return groupValue(rule.centralSharePpm, county.regionGroup, county.tier2018);
}

export function centralShareFen(county: County, rule: RuleParameters, costFen: number, beneficiaries: number): number {
  switch (rule.kind) {
    case 'local':
    case 'county_and_above':
      return 0;
    case 'ratio':
    case 'joint':
    case 'government_full':
    case 'subsidy':
      return takeShare(costFen, shareOf(rule, county));
    case 'subsidy_difficult':
      return county.difficult ? takeShare(costFen, shareOf(rule, county)) : 0;
    case 'pilot': {
      const inPilot = rule.pilotFlag === 'difficult' ? county.difficult : county.nutritionPilot;
      return inPilot ? takeShare(costFen, PPM) : takeShare(costFen, shareOf(rule, county));
    }
    case 'fixed_amount': {
      if (!rule.centralAmount) throw new RangeError(`rule ${rule.id} has no central amount`);
      const amount = groupValue(rule.centralAmount, county.regionGroup, county.tier2018);
      return Math.min(costFen, productToFen([beneficiaries, amount]));
    }
  }
}

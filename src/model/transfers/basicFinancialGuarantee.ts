/**
 * County basic financial guarantee (县级基本财力保障机制, 2010): the guarantee gap is the
 * basic standard expenditure (other standard expenditure for staff and running, plus the
 * county's own burden of basic services) less the resources it has (own revenue and the
 * equalization transfer). Upper levels fill a share of it; the centre pays its award share
 * (以奖代补) and the province the rest.
 */
import { takeShare } from '../money.ts';

export interface GuaranteeInput {
  readonly ownBurdenFen: number;
  readonly otherStdExpenditureFen: number;
  readonly ownRevenueFen: number;
  readonly equalizationFen: number;
}

export interface Guarantee {
  readonly guaranteeGapFen: number;
  readonly transferFen: number;
  readonly centralFen: number;
  readonly provincialFen: number;
}

export function basicFinancialGuarantee(input: GuaranteeInput, fillRatePpm: number, centralSharePpm: number): Guarantee {
  const guaranteeGapFen = Math.max(0, input.ownBurdenFen + input.otherStdExpenditureFen - input.ownRevenueFen - input.equalizationFen);
  const transferFen = takeShare(guaranteeGapFen, fillRatePpm);
  const centralFen = takeShare(transferFen, centralSharePpm);
  return { guaranteeGapFen, transferFen, centralFen, provincialFen: transferFen - centralFen };
}

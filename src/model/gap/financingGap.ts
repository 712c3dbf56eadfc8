/**
 * The county's basic-service financing gap (MODEL.md §5):
 *   own burden = standard cost − earmarked transfers received
 *   capacity   = own revenue + general transfers − other standard expenditure
 *   gap        = own burden − capacity      (positive = shortfall, negative = room to spare)
 */
export interface GapInput {
  readonly standardCostFen: number;
  readonly specialReceivedFen: number;
  readonly ownRevenueFen: number;
  readonly generalTransferFen: number;
  readonly otherStdExpenditureFen: number;
}

export interface FinancingGap {
  readonly ownBurdenFen: number;
  readonly capacityFen: number;
  readonly gapFen: number;
}

export function financingGap(input: GapInput): FinancingGap {
  const ownBurdenFen = input.standardCostFen - input.specialReceivedFen;
  const capacityFen = input.ownRevenueFen + input.generalTransferFen - input.otherStdExpenditureFen;
  return { ownBurdenFen, capacityFen, gapFen: ownBurdenFen - capacityFen };
}

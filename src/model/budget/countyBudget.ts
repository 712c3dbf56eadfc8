/**
 * The county budget account (MODEL.md §4–5): needs on one side, resources on the other, and
 * the financing gap between them.
 *
 *   needs     = standard cost of the plan's catalog in the county
 *               + other guarantee-level spending (salaries and running costs of staff on
 *                 establishment at standards, and other mandated spending per resident)
 *   resources = own revenue + tax rebates + system subsidy − remittance
 *               + every general transfer received + earmarked transfers for catalog items
 *   gap       = needs − resources          (positive: shortfall; negative: room to spare, 结余)
 *   plan gap  = min(gap, own burden of the catalog): the shortfall on the plan's services when
 *               salaries, running costs and other mandated spending are paid first
 */
export interface BudgetInput {
  readonly standardCostFen: number;
  readonly earmarkedFen: number;
  readonly salaryFen: number;
  readonly runningFen: number;
  readonly otherMandatedFen: number;
  readonly ownRevenueFen: number;
  readonly rebatesFen: number;
  readonly systemSubsidyFen: number;
  readonly remittanceFen: number;
  readonly generalFen: number;
}

export interface BudgetAccount {
  readonly otherSpendingFen: number;
  readonly needsFen: number;
  readonly resourcesFen: number;
  readonly gapFen: number;
  readonly ownBurdenFen: number;
  readonly planGapFen: number;
}

export function countyBudget(b: BudgetInput): BudgetAccount {
  const otherSpendingFen = b.salaryFen + b.runningFen + b.otherMandatedFen;
  const needsFen = b.standardCostFen + otherSpendingFen;
  const resourcesFen = b.ownRevenueFen + b.rebatesFen + b.systemSubsidyFen - b.remittanceFen + b.generalFen + b.earmarkedFen;
  const gapFen = needsFen - resourcesFen;
  const ownBurdenFen = b.standardCostFen - b.earmarkedFen;
  return { otherSpendingFen, needsFen, resourcesFen, gapFen, ownBurdenFen, planGapFen: Math.min(gapFen, ownBurdenFen) };
}

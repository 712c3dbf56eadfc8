/**
 * Standard expenditure and standard revenue of the equalization formula (财预〔2011〕392号):
 *
 *   standard expenditure = Σ over spending functions of driver × unit standard × cost-difference coefficient
 *   standard revenue     = tax base × standard rate + tax rebates + system subsidy − remittance
 *                          + the general transfers received before equalization
 *
 * Standard revenue uses the tax base, not what the county actually collected, so that
 * collecting more is not punished. The cost-difference coefficient (成本差异系数) raises the
 * standard for ethnic-minority areas, small counties (scale) and by region.
 */
import type { County } from '../county.ts';
import { productToFen, takeShare } from '../money.ts';
import type { EqualizationParameters } from '../parameters.ts';
import type { CountyFiscalYear } from '../budget/countyFiscalYear.ts';

/** The county's cost-difference coefficient. */
export function costDifferenceCoefficient(county: County, p: EqualizationParameters['costCoefficient']): number {
  const minority = Math.min(100, Math.max(0, county.drivers['minority_pct'] ?? 0)) / 100;
  const pop = county.drivers['resident_pop'] ?? 0;
  const scale = pop > 0 && pop < p.smallScaleThreshold ? p.smallScaleBonus * (1 - pop / p.smallScaleThreshold) : 0;
  return (1 + p.ethnicWeight * minority + scale) * p.regionFactor[county.regionGroup];
}

/** Standard expenditure in fen, and each function's part. */
export function standardExpenditure(county: County, p: EqualizationParameters, basisFactor = 1): { totalFen: number; byFunctionFen: number[]; coefficient: number } {
  const coefficient = costDifferenceCoefficient(county, p.costCoefficient);
  let totalFen = 0;
  const byFunctionFen = p.functions.map((f) => {
    let driver = 0;
    for (const d of f.drivers) driver += county.drivers[d] ?? 0;
    const fen = productToFen([driver * basisFactor, f.unitStandard, coefficient]);
    totalFen += fen;
    return fen;
  });
  return { totalFen, byFunctionFen, coefficient };
}

/** Own standard revenue: the tax base × the standard rate (fen). */
export function ownStandardRevenueFen(fiscal: CountyFiscalYear, p: EqualizationParameters): number {
  return takeShare(Math.max(0, fiscal.taxBaseFen), p.standardRevenueRatePpm);
}

/** Rebates and system subsidy less remittance (fen). */
export function rebatesAndSubsidiesFen(f: CountyFiscalYear): number {
  return f.rebateTwoTaxFen + f.rebateIncomeTaxFen + f.rebateOilFen + f.systemSubsidyFen - f.remittanceFen;
}

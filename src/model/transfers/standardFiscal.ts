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
import type { County, RegionGroup } from '../county.ts';
import { product3ToFen, productToFen, takeShare } from '../money.ts';
import type { DriverColumns } from '../driverColumns.ts';
import type { EqualizationParameters } from '../parameters.ts';
import type { CountyFiscalYear } from '../budget/countyFiscalYear.ts';

/** The county's cost-difference coefficient. */
export function costDifferenceCoefficient(county: County, p: EqualizationParameters['costCoefficient']): number {
  return coefficientOf(county.drivers['minority_pct'] ?? 0, county.drivers['resident_pop'] ?? 0, county.regionGroup, p);
}

/** The cost-difference coefficient from the minority share (percent) and resident population. */
function coefficientOf(minorityPct: number, pop: number, regionGroup: RegionGroup, p: EqualizationParameters['costCoefficient']): number {
  const minority = Math.min(100, Math.max(0, minorityPct)) / 100;
  const scale = pop > 0 && pop < p.smallScaleThreshold ? p.smallScaleBonus * (1 - pop / p.smallScaleThreshold) : 0;
  return (1 + p.ethnicWeight * minority + scale) * p.regionFactor[regionGroup];
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

/** Every county's standard expenditure (fen) and cost-difference coefficient: standardExpenditure over driver columns. */
export function standardExpenditures(counties: readonly County[], drivers: DriverColumns, p: EqualizationParameters, basisFactors: Float64Array): { totalFen: Float64Array; coefficient: Float64Array } {
  const n = counties.length;
  const minority = drivers.orZero('minority_pct');
  const pop = drivers.orZero('resident_pop');
  const coefficient = Float64Array.from(counties, (county, c) => coefficientOf(minority[c]!, pop[c]!, county.regionGroup, p.costCoefficient));
  const totalFen = new Float64Array(n);
  for (const f of p.functions) {
    const columns = f.drivers.map((d) => drivers.orZero(d));
    for (let c = 0; c < n; c++) {
      // the driver sum in the order standardExpenditure adds it (from 0)
      let driver = 0;
      for (const col of columns) driver += col[c]!;
      totalFen[c]! += product3ToFen(driver * basisFactors[c]!, f.unitStandard, coefficient[c]!);
    }
  }
  return { totalFen, coefficient };
}

/** Own standard revenue: the tax base × the standard rate (fen). */
export function ownStandardRevenueFen(fiscal: CountyFiscalYear, p: EqualizationParameters): number {
  return takeShare(Math.max(0, fiscal.taxBaseFen), p.standardRevenueRatePpm);
}

/** Rebates and system subsidy less remittance (fen). */
export function rebatesAndSubsidiesFen(f: CountyFiscalYear): number {
  return f.rebateTwoTaxFen + f.rebateIncomeTaxFen + f.rebateOilFen + f.systemSubsidyFen - f.remittanceFen;
}

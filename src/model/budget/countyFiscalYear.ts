/** A county's fiscal inputs for one year, in fen (the county file's dated columns, projected). */
export interface CountyFiscalYear {
  /** own general-budget revenue (本级一般预算收入) */
  readonly ownRevenueFen: number;
  /** two-tax rebate (两税返还) */
  readonly rebateTwoTaxFen: number;
  /** income-tax base rebate (所得税基数返还) */
  readonly rebateIncomeTaxFen: number;
  /** refined-oil tax reform rebate (成品油价格和税费改革税收返还) */
  readonly rebateOilFen: number;
  /** fiscal-system subsidy received (体制补助) */
  readonly systemSubsidyFen: number;
  /** remittance paid upward (上解) */
  readonly remittanceFen: number;
  /** tax base (value added of industry and services) for standard revenue */
  readonly taxBaseFen: number;
}

/** A year with nothing but own revenue (tests, synthetic cases). */
export function ownRevenueOnly(ownRevenueFen: number): CountyFiscalYear {
  return { ownRevenueFen, rebateTwoTaxFen: 0, rebateIncomeTaxFen: 0, rebateOilFen: 0, systemSubsidyFen: 0, remittanceFen: 0, taxBaseFen: 0 };
}

/** What one year of the model produces: item rows, county rows, province rows. Money in fen. */
import type { InequalitySummary } from './measures/inequality.ts';

export interface ItemResult {
  readonly countyIndex: number;
  readonly itemIndex: number;
  readonly beneficiaries: number;
  readonly costFen: number;
  readonly centralFen: number;
  readonly provincialFen: number;
  readonly prefectureFen: number;
  readonly countyFen: number;
  /** earmarked money received for the item */
  readonly specialFen: number;
  /** provincial earmarked money kept by the prefecture */
  readonly retainedFen: number;
}

export interface CountyResult {
  readonly countyIndex: number;
  readonly population: number;
  readonly standardCostFen: number;
  readonly centralFen: number;
  readonly provincialFen: number;
  readonly prefectureFen: number;
  readonly countyFen: number;
  readonly specialFen: number;
  readonly retainedFen: number;
  readonly ownBurdenFen: number;
  readonly ownRevenueFen: number;
  readonly standardRevenueFen: number;
  readonly otherStdExpenditureFen: number;
  readonly equalizationFen: number;
  readonly guaranteeGapFen: number;
  readonly guaranteeFen: number;
  readonly guaranteeCentralFen: number;
  readonly generalFen: number;
  readonly capacityFen: number;
  readonly gapFen: number;
}

export interface ProvinceResult {
  readonly provinceCode: string;
  readonly standardExpenditureFen: number;
  readonly standardRevenueFen: number;
  readonly gapFen: number;
  readonly centralAllocationFen: number;
  readonly provincialTopUpFen: number;
  readonly poolFen: number;
  readonly coefficient: number;
}

export interface EqualizationMeasures {
  readonly beforeTransfers: InequalitySummary;
  readonly afterGeneral: InequalitySummary;
  readonly afterAll: InequalitySummary;
}

export interface YearResult {
  readonly year: number;
  readonly items: readonly ItemResult[];
  readonly counties: readonly CountyResult[];
  readonly provinces: readonly ProvinceResult[];
  readonly centralCoefficient: number;
}

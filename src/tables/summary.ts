/**
 * The run summary: totals by level of government and by flow, counties and residents in a
 * gap, and the equalization measures, for the selected counties of one year.
 */
import type { County } from '../model/county.ts';
import { equalizationMeasures } from '../model/measures/equalizationMeasures.ts';
import type { CountyResult, EqualizationMeasures } from '../model/results.ts';
import { sumFen } from '../model/money.ts';
import type { YearRun } from '../simulation/runSimulation.ts';

export interface Totals {
  readonly standardCostFen: number;
  readonly centralFen: number;
  readonly provincialFen: number;
  readonly prefectureFen: number;
  readonly countyFen: number;
  readonly specialFen: number;
  readonly retainedFen: number;
  readonly ownBurdenFen: number;
  readonly ownRevenueFen: number;
  readonly equalizationFen: number;
  readonly guaranteeFen: number;
  readonly generalFen: number;
  readonly itemTiedGeneralFen: number;
  readonly rebatesFen: number;
  readonly systemSubsidyFen: number;
  readonly remittanceFen: number;
  readonly resourcesFen: number;
  readonly otherSpendingFen: number;
  readonly needsFen: number;
  readonly guaranteeGapFen: number;
  readonly guaranteeGapAfterFen: number;
  readonly planGapFen: number;
  readonly gapFen: number;
  /** Σ of positive gaps only */
  readonly shortfallFen: number;
}

export interface YearSummary {
  readonly year: number;
  readonly counties: number;
  readonly residents: number;
  readonly totals: Totals;
  readonly countiesInGap: number;
  readonly residentsInGap: number;
  readonly measuresWeighted: EqualizationMeasures;
  readonly measuresUnweighted: EqualizationMeasures;
}

export function totalsOf(rows: readonly CountyResult[]): Totals {
  const s = (f: (r: CountyResult) => number): number => sumFen(rows.map(f));
  return {
    standardCostFen: s((r) => r.standardCostFen),
    centralFen: s((r) => r.centralFen),
    provincialFen: s((r) => r.provincialFen),
    prefectureFen: s((r) => r.prefectureFen),
    countyFen: s((r) => r.countyFen),
    specialFen: s((r) => r.specialFen),
    retainedFen: s((r) => r.retainedFen),
    ownBurdenFen: s((r) => r.ownBurdenFen),
    ownRevenueFen: s((r) => r.ownRevenueFen),
    equalizationFen: s((r) => r.equalizationFen),
    guaranteeFen: s((r) => r.guaranteeFen),
    generalFen: s((r) => r.generalFen),
    itemTiedGeneralFen: s((r) => r.itemTiedGeneralFen),
    rebatesFen: s((r) => r.rebatesFen),
    systemSubsidyFen: s((r) => r.systemSubsidyFen),
    remittanceFen: s((r) => r.remittanceFen),
    resourcesFen: s((r) => r.resourcesFen),
    otherSpendingFen: s((r) => r.otherSpendingFen),
    needsFen: s((r) => r.needsFen),
    guaranteeGapFen: s((r) => r.guaranteeGapFen),
    guaranteeGapAfterFen: s((r) => r.guaranteeGapAfterFen),
    planGapFen: s((r) => r.planGapFen),
    gapFen: s((r) => r.gapFen),
    shortfallFen: s((r) => Math.max(0, r.gapFen)),
  };
}

export function summarize(run: YearRun, selected: readonly number[]): YearSummary {
  const rows = selected.map((i) => run.result.counties[i]!);
  const counties: County[] = run.counties as County[];
  const inGap = rows.filter((r) => r.gapFen > 0);
  return {
    year: run.year,
    counties: rows.length,
    residents: rows.reduce((a, r) => a + (counties[r.countyIndex]!.drivers['resident_pop'] ?? 0), 0),
    totals: totalsOf(rows),
    countiesInGap: inGap.length,
    residentsInGap: inGap.reduce((a, r) => a + (counties[r.countyIndex]!.drivers['resident_pop'] ?? 0), 0),
    measuresWeighted: equalizationMeasures(counties, rows, 'population'),
    measuresUnweighted: equalizationMeasures(counties, rows, 'unweighted'),
  };
}

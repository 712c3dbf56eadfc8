/**
 * Equalization measures of per-capita resources across counties (MODEL.md §6), at four stages:
 *   before transfers          own revenue
 *   after general (economic)  + tax rebates + system subsidy − remittance + general transfers
 *   after general (MoF)       + the central money of item-tied transfers the MoF's accounts class as general
 *   after all transfers       + every earmarked transfer (the county's resources)
 * The two "after general" stages are the two classifications of item-tied transfers: the
 * literature's claim that general transfers equalize and earmarked ones do not depends on it.
 */
import type { County } from '../county.ts';
import type { CountyResult, EqualizationMeasures } from '../results.ts';
import { inequalitySummary } from './inequality.ts';

export type Weighting = 'population' | 'unweighted';

/** Per-capita resources (yuan per person of the population basis) at each stage. */
export interface PerCapitaResources {
  readonly before: number;
  readonly afterGeneral: number;
  readonly afterGeneralMof: number;
  readonly afterAll: number;
}

export type Stage = keyof PerCapitaResources;
export const STAGES: readonly Stage[] = ['before', 'afterGeneral', 'afterGeneralMof', 'afterAll'];
export const MEASURE_OF_STAGE: Readonly<Record<Stage, keyof EqualizationMeasures>> = {
  before: 'beforeTransfers',
  afterGeneral: 'afterGeneral',
  afterGeneralMof: 'afterGeneralMof',
  afterAll: 'afterAll',
};

export function perCapitaResources(r: CountyResult): PerCapitaResources | undefined {
  if (!(r.population > 0)) return undefined;
  const general = r.ownRevenueFen + r.rebatesFen + r.systemSubsidyFen - r.remittanceFen + r.generalFen;
  const d = 100 * r.population;
  return { before: r.ownRevenueFen / d, afterGeneral: general / d, afterGeneralMof: (general + r.itemTiedGeneralFen) / d, afterAll: r.resourcesFen / d };
}

/** The measures over the given rows, the Theil index decomposed by the group of each row. */
export function measuresOf(rows: readonly CountyResult[], groups: readonly string[], weighting: Weighting): EqualizationMeasures {
  const kept = rows.map((r, i) => [r, groups[i]!] as const).filter(([r]) => r.population > 0);
  const pc = kept.map(([r]) => perCapitaResources(r)!);
  const g = kept.map(([, k]) => k);
  const weights = weighting === 'population' ? kept.map(([r]) => r.population) : undefined;
  return {
    beforeTransfers: inequalitySummary(pc.map((p) => p.before), g, weights),
    afterGeneral: inequalitySummary(pc.map((p) => p.afterGeneral), g, weights),
    afterGeneralMof: inequalitySummary(pc.map((p) => p.afterGeneralMof), g, weights),
    afterAll: inequalitySummary(pc.map((p) => p.afterAll), g, weights),
  };
}

export function equalizationMeasures(counties: readonly County[], results: readonly CountyResult[], weighting: Weighting): EqualizationMeasures {
  return measuresOf(results, results.map((r) => counties[r.countyIndex]!.provinceCode), weighting);
}

/**
 * Equalization measures of per-capita resources across counties (MODEL.md §6):
 * before transfers (own revenue), after general transfers, after all transfers (plus earmarked).
 */
import type { County } from '../county.ts';
import type { CountyResult, EqualizationMeasures } from '../results.ts';
import { inequalitySummary } from './inequality.ts';

export type Weighting = 'population' | 'unweighted';

export function equalizationMeasures(
  counties: readonly County[],
  results: readonly CountyResult[],
  weighting: Weighting,
): EqualizationMeasures {
  const rows = results.filter((r) => r.population > 0);
  const groups = rows.map((r) => counties[r.countyIndex]!.provinceCode);
  const weights = weighting === 'population' ? rows.map((r) => r.population) : undefined;
  const perCapita = (f: (r: CountyResult) => number): number[] => rows.map((r) => f(r) / 100 / r.population);
  return {
    beforeTransfers: inequalitySummary(perCapita((r) => r.ownRevenueFen), groups, weights),
    afterGeneral: inequalitySummary(perCapita((r) => r.ownRevenueFen + r.generalFen), groups, weights),
    afterAll: inequalitySummary(perCapita((r) => r.ownRevenueFen + r.generalFen + r.specialFen), groups, weights),
  };
}

/**
 * The transfer schemes by id: what each is called, where its formula comes from, and the
 * function that allocates a pool with it. A scheme is chosen and configured as a
 * SchemeConfig (id + resolved settings); default settings live in data/schemes/<id>.yaml.
 */
import { exactAllocation, type SchemeAllocation } from './allocation.ts';
import { basicGuarantee, type BasicGuaranteeSettings } from './basicGuarantee.ts';
import { chinaEqualization, type ChinaEqualizationSettings } from './chinaEqualization.ts';
import { australiaRelativities, canadaCapacity, japanLocalAllocationTax, type AustraliaSettings, type CanadaSettings, type JapanSettings } from './internationalSchemes.ts';
import type { SchemeInput } from './schemeInput.ts';
import { SCHEME_IDS, type SchemeId } from './schemeIds.ts';
import { equalPerCapita, gapFilling, matchingGrant, needsBased, simpleGap, type MatchingSettings, type NoSettings } from './simpleSchemes.ts';

export { SCHEME_IDS, type SchemeId } from './schemeIds.ts';

export interface SchemeSettingsById {
  china_equalization: ChinaEqualizationSettings;
  simple_gap: NoSettings;
  basic_guarantee: BasicGuaranteeSettings;
  equal_per_capita: NoSettings;
  needs_based: NoSettings;
  gap_filling: NoSettings;
  matching: MatchingSettings;
  japan_lat: JapanSettings;
  australia_hfe: AustraliaSettings;
  canada_capacity: CanadaSettings;
}

export type SchemeConfig = { [K in SchemeId]: { readonly id: K; readonly settings: SchemeSettingsById[K] } }[SchemeId];

export interface SchemeInfo {
  readonly id: SchemeId;
  readonly title: string;
  /** whether the scheme can give a county a negative transfer (none of the bundled ones does) */
  readonly allowsNegative: boolean;
  /** the setting names the scheme takes (all numeric; some may be null) */
  readonly settings: readonly string[];
}

export const SCHEMES: Readonly<Record<SchemeId, SchemeInfo>> = {
  china_equalization: {
    id: 'china_equalization',
    title: 'China equalization transfer: gap × coefficient, difficulty coefficient, growth control',
    allowsNegative: false,
    settings: ['difficulty_weight', 'must_fund_weight', 'difficulty_min', 'difficulty_max', 'revenue_floor_per_resident', 'growth_cap', 'growth_floor'],
  },
  simple_gap: { id: 'simple_gap', title: 'Simple gap rule before 2011: pool × gap ÷ Σ gaps, no cap', allowsNegative: false, settings: [] },
  basic_guarantee: { id: 'basic_guarantee', title: 'County basic financial guarantee with awards', allowsNegative: false, settings: ['award_share'] },
  equal_per_capita: { id: 'equal_per_capita', title: 'Equal per capita', allowsNegative: false, settings: [] },
  needs_based: { id: 'needs_based', title: 'Needs-based (standard cost share)', allowsNegative: false, settings: [] },
  gap_filling: { id: 'gap_filling', title: 'Gap-filling (deepest per-capita gaps first)', allowsNegative: false, settings: [] },
  matching: { id: 'matching', title: 'Matching grant on own-source basic-service spending', allowsNegative: false, settings: ['match_rate_east', 'match_rate_central', 'match_rate_west'] },
  japan_lat: { id: 'japan_lat', title: "Japan's Local Allocation Tax: need − 75% of standard revenue", allowsNegative: false, settings: ['revenue_inclusion_rate'] },
  australia_hfe: { id: 'australia_hfe', title: 'Australian horizontal equalisation relativities', allowsNegative: false, settings: ['relativity_floor'] },
  canada_capacity: { id: 'canada_capacity', title: 'Canadian fiscal-capacity standard with a cap', allowsNegative: false, settings: ['cap_ratio'] },
};

export function isSchemeId(x: string): x is SchemeId {
  return (SCHEME_IDS as readonly string[]).includes(x);
}

/** The scheme's amounts in fen (floating point): the analytic path. */
export function allocateScheme(config: SchemeConfig, input: SchemeInput, poolFen: number): SchemeAllocation {
  if (!(poolFen >= 0)) throw new RangeError(`pool ${poolFen} is negative`);
  switch (config.id) {
    case 'china_equalization':
      return chinaEqualization(input, poolFen, config.settings);
    case 'simple_gap':
      return simpleGap(input, poolFen);
    case 'basic_guarantee':
      return basicGuarantee(input, poolFen, config.settings);
    case 'equal_per_capita':
      return equalPerCapita(input, poolFen);
    case 'needs_based':
      return needsBased(input, poolFen);
    case 'gap_filling':
      return gapFilling(input, poolFen);
    case 'matching':
      return matchingGrant(input, poolFen, config.settings);
    case 'japan_lat':
      return japanLocalAllocationTax(input, poolFen, config.settings);
    case 'australia_hfe':
      return australiaRelativities(input, poolFen, config.settings);
    case 'canada_capacity':
      return canadaCapacity(input, poolFen, config.settings);
  }
}

/** The scheme's transfers in whole fen, summing exactly to the pool (largest remainder). */
export function allocateSchemeExact(config: SchemeConfig, input: SchemeInput, poolFen: number): number[] {
  if (input.n === 0) return [];
  return exactAllocation(poolFen, allocateScheme(config, input, poolFen));
}

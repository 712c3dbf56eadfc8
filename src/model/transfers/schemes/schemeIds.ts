/** The ids of the transfer schemes (registry.ts), in a module of their own so that naming them loads no scheme. */
export const SCHEME_IDS = [
  'china_equalization',
  'simple_gap',
  'basic_guarantee',
  'equal_per_capita',
  'needs_based',
  'gap_filling',
  'matching',
  'japan_lat',
  'australia_hfe',
  'canada_capacity',
] as const;
export type SchemeId = (typeof SCHEME_IDS)[number];

/**
 * Parameters resolved for one year: plain values the model computes with.
 * Built from the catalog, the sharing rules, the transfer settings and a scenario by
 * src/scenarios/resolveYear.ts; the model never sees dated values or files.
 */
import type { Grouping, RuleKind } from '../input/catalogSchema.ts';
import type { County } from './county.ts';
import type { SchemeConfig } from './transfers/schemes/registry.ts';

export type PopulationBasis = 'resident' | 'registered';

/** A value that may differ by province group; `values` keyed by group name ('all' when national). */
export interface Grouped {
  readonly by: Grouping;
  readonly values: Readonly<Record<string, number>>;
}

export interface RuleParameters {
  readonly id: string;
  readonly kind: RuleKind;
  /** central share in ppm by group */
  readonly centralSharePpm?: Grouped;
  /** central yuan per beneficiary per year by group */
  readonly centralAmount?: Grouped;
  readonly pilotFlag?: 'nutrition_pilot' | 'difficult';
}

/** A value that is the same for every county, or computed per county (a scenario formula). */
export type CountyValue = number | ((county: County) => number);

export function valueFor(v: CountyValue, county: County): number {
  return typeof v === 'number' ? v : v(county);
}

/** County flags an eligibility factor can depend on. */
export type CountyFlag = 'nutrition_pilot' | 'difficult' | 'directly_managed';

export function hasFlag(county: County, flag: CountyFlag): boolean {
  return flag === 'nutrition_pilot' ? county.nutritionPilot : flag === 'difficult' ? county.difficult : county.directlyManaged;
}

export interface EligibilityParameters {
  readonly id: string;
  /** the share (in counties with the `when` flag, if one is given) */
  readonly value: CountyValue;
  readonly when?: CountyFlag;
  /** the share in counties without the flag */
  readonly otherwise?: CountyValue;
}

export interface ItemParameters {
  readonly id: string;
  readonly domain: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly driver: string;
  readonly coverage: CountyValue;
  readonly eligibility: readonly EligibilityParameters[];
  /** yuan per beneficiary per year (standard × periods a year) */
  readonly annualStandard: CountyValue;
  readonly rule: RuleParameters;
}

/** Shares of the local part, in ppm, in the order province, prefecture, county. */
export type LocalSplitPpm = readonly [number, number, number];

export interface LocalSplitParameters {
  readonly throughPrefecture: LocalSplitPpm;
  readonly directlyManaged: LocalSplitPpm;
}

export interface TransferParameters {
  /** central equalization (均衡性转移支付) pool, fen */
  readonly centralPoolFen: number;
  /** provinces add this share of their counties' own revenue to the county-stage pool (ppm) */
  readonly provincialPoolRatePpm: number;
  /** share of provincial earmarked money a prefecture keeps from counties it manages (ppm) */
  readonly prefectureRetentionPpm: number;
  /** share of own revenue counted as standard revenue (ppm) */
  readonly standardRevenueRatePpm: number;
  /** share of the county basic financial guarantee gap the upper levels fill (ppm) */
  readonly guaranteeFillRatePpm: number;
  /** share of the guarantee money the centre pays as its award (以奖代补), rest provincial (ppm) */
  readonly guaranteeCentralSharePpm: number;
  /** scheme for the province → county equalization stage (default: gap × coefficient, equalizationTransfer) */
  readonly scheme?: SchemeConfig;
}

export interface YearParameters {
  readonly year: number;
  readonly basis: PopulationBasis;
  readonly items: readonly ItemParameters[];
  readonly localSplit: (provinceCode: string) => LocalSplitParameters;
  readonly transfers: TransferParameters;
}

/** The value of a grouped parameter for a county's group. */
export function groupValue(g: Grouped, regionGroup: string, tier2018: number): number {
  const key = g.by === 'national' ? 'all' : g.by === 'region_group' ? regionGroup : String(tier2018);
  const v = g.values[key];
  if (v === undefined) throw new RangeError(`no value for group ${key} (grouped by ${g.by})`);
  return v;
}

/**
 * Parameters resolved for one year: plain values the model computes with.
 * Built from the catalog, the sharing rules, the transfer settings and a scenario by
 * src/scenarios/resolveYear.ts; the model never sees dated values or files.
 */
import type { County } from './county.ts';
import type { SchemeConfig } from './transfers/schemes/registry.ts';
import type { ItemTiedClass, PoolMechanismId } from './transfers/mechanisms.ts';
import type { RegionGroup } from './county.ts';

/** Values that may differ by province group (standards, eligibility and rules). */
export const GROUPINGS = ['national', 'region_group', 'tier_2018'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** Responsibility (expenditure-sharing) rule kinds: data/sharing/rules.yaml */
export const RULE_KINDS = [
  'ratio', // 中央与地方财政按比例分担
  'subsidy', // 地方政府负责，中央财政适当补助
  'subsidy_difficult', // 地方政府负责，中央财政对困难地区适当补助
  'pilot', // 国家试点地区中央财政承担，其他地区中央财政适当补助
  'fixed_amount', // 中央财政按照一定标准给予补助 (yuan per beneficiary)
  'local', // 地方政府负责
  'county_and_above', // 县级以上政府负责
  'joint', // 中央和地方政府共同负责 / 分级负担
  'government_full', // 基础养老金由政府全额负担
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

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

/** How a pool transfer picks its counties and weighs them. */
export interface PoolMechanismParameters {
  readonly id: PoolMechanismId;
  /** central pool of the year, fen (spent exactly) */
  readonly poolFen: number;
  /** counties eligible: those with this county flag (none: every county) */
  readonly flag?: string;
  /** and only in these region groups (none: all) */
  readonly regionGroups?: readonly RegionGroup[];
  /** weight of an eligible county: a driver column, the standard gap of the equalization formula, or equal */
  readonly weight: { readonly kind: 'driver'; readonly driver: string } | { readonly kind: 'standard_gap' } | { readonly kind: 'equal' };
  /** share of a county's allocation that reaches the county level; the rest stays with the province and prefecture (ppm) */
  readonly countySharePpm: number;
}

/** One spending function of the equalization formula's standard expenditure. */
export interface StandardExpenditureFunction {
  readonly id: string;
  /** county driver columns summed (persons, pupils, staff) */
  readonly drivers: readonly string[];
  /** yuan per driver unit per year */
  readonly unitStandard: number;
}

/** The 2011 equalization formula (财预〔2011〕392号). */
export interface EqualizationParameters {
  readonly poolFen: number;
  readonly functions: readonly StandardExpenditureFunction[];
  /** standard revenue = tax base × this rate (ppm) */
  readonly standardRevenueRatePpm: number;
  /** cost-difference coefficient: 1 + ethnic × minority share, + small-scale bonus below the threshold, × region factor */
  readonly costCoefficient: {
    readonly ethnicWeight: number;
    readonly smallScaleBonus: number;
    readonly smallScaleThreshold: number;
    readonly regionFactor: Readonly<Record<RegionGroup, number>>;
  };
  /** difficulty coefficient clamp(1 + weight × z(gap ÷ standard expenditure), min, max) */
  readonly difficulty: { readonly weight: number; readonly min: number; readonly max: number };
  /** growth control against last year's transfer (null: none) */
  readonly growthCap: number | null;
  readonly growthFloor: number | null;
  /** county level's share of local expenditure and revenue: grosses county aggregates up to the province's */
  readonly countyShareOfExpenditurePpm: number;
  readonly countyShareOfRevenuePpm: number;
  /** share of a province's central allocation it passes on to its counties (ppm) */
  readonly passDownPpm: number;
  /** provincial top-up: this share of the province's and prefectures' own revenue (ppm) */
  readonly provincialTopUpRatePpm: number;
  /** share of the province's and prefectures' own resources they can spend on county support (ppm) */
  readonly provincialCapacityPpm: number;
}

/** The county basic financial guarantee (财预〔2010〕443号). */
export interface GuaranteeParameters {
  /** central award pool (以奖代补), fen */
  readonly awardPoolFen: number;
  /** yuan per staff member per year at state salary standards (保工资) */
  readonly salaryStandard: number;
  /** yuan per staff member per year for office running (保运转) */
  readonly runningStandard: number;
  /** catalog domains whose county share counts as 保民生 (national livelihood policies in force) */
  readonly scopeDomains: readonly string[];
  /** share of each guarantee gap the province closes, within its budget (ppm) */
  readonly closeRatePpm: number;
}

export interface TransferParameters {
  readonly pools: readonly PoolMechanismParameters[];
  readonly equalization: EqualizationParameters;
  readonly guarantee: GuaranteeParameters;
  /** other mandated spending at guarantee level, yuan per resident per year (needs side of the gap) */
  readonly otherMandatedPerResident: number;
  /** share of upper-level earmarked money (central and provincial) a prefecture keeps from counties it manages (ppm) */
  readonly prefectureRetentionPpm: number;
  /** share of general transfers a prefecture keeps from counties it manages (ppm) */
  readonly prefectureGeneralRetentionPpm: number;
  /** catalog items whose central money the MoF's accounts class as general, by class */
  readonly itemTiedGeneral: Readonly<Record<ItemTiedClass, readonly string[]>>;
  /** scheme for the province → county equalization stage (default: the 2011 formula) */
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

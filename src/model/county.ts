/** A county-level unit as the model sees it: typed, validated, no strings to parse. */
/** The three region groups used 2011–2015 (东部/中部/西部); the model owns this vocabulary, the input reads it. */
export const REGION_GROUPS = ['east', 'central', 'west'] as const;
export type RegionGroup = (typeof REGION_GROUPS)[number];

export interface County {
  readonly code: string;
  readonly name: string;
  readonly provinceCode: string;
  readonly province: string;
  readonly prefectureCode: string;
  readonly prefecture: string;
  readonly regionGroup: RegionGroup;
  readonly tier2018: number;
  readonly directlyManaged: boolean;
  readonly difficult: boolean;
  readonly nutritionPilot: boolean;
  /**
   * Programme flags of the county budget by column name (eco_zone, resource_exhausted,
   * grain_county, ethnic_area, old_revolutionary, border); a flag whose column the file lacks is
   * absent. Optional so that counties built in code need not give it.
   */
  readonly flags?: Readonly<Record<string, boolean>>;
  /** Population drivers by column name (persons). */
  readonly drivers: Readonly<Record<string, number>>;
  /** Dated fiscal columns in yuan: stem -> year -> value (own_revenue …, and the budget stems rebate_two_tax, rebate_income_tax, rebate_oil, system_subsidy, remittance, tax_base). */
  readonly fiscal: Readonly<Record<string, Readonly<Record<number, number>>>>;
  /** Dated drivers: driver -> year -> persons (pupils_primary, pupils_junior by cohort); absent when the file has none. */
  readonly datedDrivers?: Readonly<Record<string, Readonly<Record<number, number>>>>;
  readonly costIndex: number;
}

/** A county flag by its column name: the typed ones, then the programme flags (absent = no). */
export function countyFlag(county: County, name: string): boolean {
  switch (name) {
    case 'directly_managed':
      return county.directlyManaged;
    case 'difficult':
      return county.difficult;
    case 'nutrition_pilot':
      return county.nutritionPilot;
    default:
      return county.flags?.[name] ?? false;
  }
}

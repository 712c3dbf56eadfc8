/**
 * Schema of data/provinces/budget.yaml: the parameters of the county budget columns (tax rebates,
 * system subsidies, remittances, tax base, fiscal staff) and the rules of the programme flags.
 */
import { z } from 'zod';
import { valueAt, type Dated } from '../input/datedValues.ts';
import { datedSchema } from '../input/datedSchema.ts';
import { parseYamlText, validateYaml } from '../input/yamlFile.ts';
import { ImportSource } from './params.ts';

const code6 = z.string().regex(/^\d{6}$/, 'a six-digit code');
const provinceCode = z.string().regex(/^\d{2}0000$/, 'a province code xx0000');
/** 亿元 as a decimal string (converted to fen exactly) */
const yi = z.string().regex(/^\d+(\.\d{1,10})?$/, 'an amount in 亿元 written as a decimal string, e.g. "910.19"');
const share = z.number().min(0).max(1);

function dated<T extends z.ZodType>(value: T) {
  return z.strictObject({ values: datedSchema(value), source: ImportSource.optional(), note: z.string().optional() });
}

const Selection = z.strictObject({
  /** non-district units (counties, county-level cities, banners, xx90 units) of these prefectures */
  prefectures: z.record(code6, z.string()).optional(),
  /** districts of these prefecture-level cities; a prefecture without districts: all its units */
  prefecture_districts: z.record(code6, z.string()).optional(),
  /** these units, by 2012 code (the name is checked against the 2012 list) */
  units: z.record(code6, z.string()).optional(),
  /** every unit of these provinces */
  provinces_all: z.array(provinceCode).optional(),
  /** autonomous counties / banners and units of autonomous prefectures (county code list flags) */
  autonomous_units: z.boolean().optional(),
  /** non-district units of these provinces with at least this rural share of residents */
  rural_in_provinces: z.strictObject({ provinces: z.array(provinceCode), min_rural_share: share }).optional(),
  /**
   * grain-county rule by rural residents (proxy for grain output): non-district units of the major
   * provinces with at least min_rural_pop rural residents or among the top_in_major of their
   * province; elsewhere the top_elsewhere non-district units of each province
   */
  rural_rank: z
    .strictObject({
      major_provinces: z.array(provinceCode),
      min_rural_pop: z.number().int().min(0),
      top_in_major: z.number().int().min(0),
      top_elsewhere: z.number().int().min(0),
    })
    .optional(),
});
export type Selection = z.infer<typeof Selection>;

const RosterFlag = z.strictObject({
  published: z.strictObject({ count: z.number().int().positive(), year: z.number().int() }).nullable(),
  published_source: ImportSource.optional(),
  select: Selection,
  source: ImportSource,
});
export type RosterFlag = z.infer<typeof RosterFlag>;

export const ROSTER_FLAGS = ['eco_zone', 'resource_exhausted', 'grain_county', 'ethnic_area', 'old_revolutionary', 'border'] as const;
export type RosterFlagName = (typeof ROSTER_FLAGS)[number];
export const BUDGET_FLAGS = [...ROSTER_FLAGS, 'directly_managed'] as const;
export type BudgetFlagName = (typeof BUDGET_FLAGS)[number];

export const REBATE_TYPES = ['two_tax', 'income_tax', 'oil'] as const;
export type RebateType = (typeof REBATE_TYPES)[number];

export const BudgetFile = z.strictObject({
  years: z.array(z.number().int().min(2000).max(2100)).min(1),
  tax_base: z.strictObject({
    province_nonagri_va_2012: z.record(provinceCode, z.strictObject({ gdp: yi, primary: yi })),
    province_source: ImportSource,
    national_nonagri_va: z.strictObject({ values: datedSchema(yi), source: ImportSource }),
    rural_nonfarm_weight: dated(share),
  }),
  rebates: z.strictObject({
    national: z.strictObject({ two_tax: dated(yi), income_tax: dated(yi), oil: dated(yi) }),
    national_total_source: ImportSource,
    split_source: ImportSource,
    province_key_source: ImportSource,
    county_level_share: z.strictObject({ two_tax: dated(share), income_tax: dated(share), oil: dated(share) }),
    county_level_share_source: ImportSource,
  }),
  system_subsidy: z.strictObject({ county_total: dated(yi), source: ImportSource }),
  remittance: z.strictObject({ county_total: dated(yi), source: ImportSource }),
  fiscal_staff: z.strictObject({
    national_supported: dated(z.number().int().positive()),
    in_service_on_establishment_share: dated(share),
    county_level_share: dated(share),
    scale_exponent: dated(z.number().min(0).max(2)),
  }),
  flags: z.strictObject({
    eco_zone: RosterFlag,
    resource_exhausted: RosterFlag,
    grain_county: RosterFlag,
    ethnic_area: RosterFlag,
    old_revolutionary: RosterFlag,
    border: RosterFlag,
    directly_managed: z.strictObject({
      fiscal_reform_provinces: z.record(provinceCode, z.strictObject({ name: z.string(), except_prefectures: z.array(code6).optional() })),
      source: ImportSource,
    }),
  }),
});
export type BudgetFile = z.infer<typeof BudgetFile>;

export function loadBudgetParams(text: string, file: string): BudgetFile {
  return validateYaml(parseYamlText(text.replace(/^\uFEFF/, ''), file), BudgetFile);
}

/** The value of a dated budget parameter in `year`; a missing year is an error naming it. */
export function budgetAt<T>(values: Dated<T>, year: number, name: string): T {
  const v = valueAt(values, year);
  if (v === undefined) throw new Error(`budget.yaml: ${name} has no value for ${year} (first date ${values[0]?.from})`);
  return v;
}

/**
 * Schema of data/provinces/provinces.yaml: province facts (region group, 2018 tier, fiscal
 * ratios) and every numeric parameter the county import uses, each with its source.
 */
import { z } from 'zod';
import { REGION_GROUPS } from '../input/countyColumns.ts';
import { valueAt, type Dated } from '../input/datedValues.ts';
import { datedSchema } from '../input/datedSchema.ts';
import { AssumptionSource, PolicySource, SeedSource } from '../input/sourceSchema.ts';

/** A census-derived number: which table (and row) it comes from. */
export const CensusSource = z.strictObject({
  kind: z.literal('census'),
  table: z.string().min(2),
  note: z.string().min(2).optional(),
});

export const ImportSource = z.discriminatedUnion('kind', [SeedSource, PolicySource, AssumptionSource, CensusSource]);
export type ImportSource = z.infer<typeof ImportSource>;

export function describeImportSource(s: ImportSource): string {
  switch (s.kind) {
    case 'seed':
      return `seed ch.${s.chapter}: “${s.quote}”`;
    case 'policy':
      return `policy: ${s.document}${s.note ? ` (${s.note})` : ''}`;
    case 'assumption':
      return `assumption: ${s.reasoning}`;
    case 'census':
      return `census: ${s.table}${s.note ? ` (${s.note})` : ''}`;
  }
}

const share = z.number().min(0).max(1);
const positive = z.number().positive();
const code6 = z.string().regex(/^\d{6}$/, 'a six-digit code');
const provinceCode = z.string().regex(/^\d{2}0000$/, 'a province code xx0000');

function param<T extends z.ZodType>(value: T) {
  return z.strictObject({ values: datedSchema(value), source: ImportSource, note: z.string().optional() });
}
export interface Param {
  readonly values: Dated<number>;
  readonly source: ImportSource;
  readonly note?: string | undefined;
}

const Province = z.strictObject({
  name: z.string().min(2),
  /** short name (广东, 内蒙古 …), used by the wide expenditure table province_expenditure_2011_2012.csv */
  short_name: z.string().min(2),
  region_group: z.enum(REGION_GROUPS),
  tier_2018: z.number().int().min(1).max(5),
});
export type ProvinceFacts = z.infer<typeof Province>;

const Split = z.strictObject({
  census_code: code6,
  census_name: z.string().min(1),
  /** 2012 code → share of the census unit's population */
  shares: z.record(code6, share),
  source: ImportSource,
});

const Transfer = z.strictObject({
  census_code: code6,
  census_name: z.string().min(1),
  to: code6,
  to_name: z.string().min(1),
  year: z.number().int().min(2010).max(2012),
  share,
  source: ImportSource,
});

export const ProvincesFile = z
  .strictObject({
    data_year: z.number().int(),
    fiscal_years: z.array(z.number().int()).min(1),
    region_groups: z.strictObject({ source: ImportSource }),
    tier_2018: z.strictObject({
      source: ImportSource,
      /** prefectures whose counties take another tier than their province (计划单列市) */
      prefecture_overrides: z.record(code6, z.strictObject({ name: z.string(), tier: z.number().int().min(1).max(5) })),
      prefecture_overrides_source: ImportSource,
    }),
    provinces: z.record(provinceCode, Province),
    education: z.strictObject({
      primary_net_enrolment: param(z.number().positive().max(1.5)),
      junior_gross_enrolment: param(z.number().positive().max(1.5)),
      senior_gross_enrolment: param(z.number().positive().max(1.5)),
      senior_vocational_share: param(share),
      preschool_gross_enrolment: param(z.number().positive().max(1.5)),
      /**
       * Published national enrolment (persons) that pupils are calibrated to; without it pupils
       * are age group × rate.
       */
      published_pupils: z
        .strictObject({
          primary: param(z.number().int().positive()),
          junior: param(z.number().int().positive()),
        })
        .optional(),
      /** optional per-province replacements of the national rates */
      province_overrides: z
        .record(
          provinceCode,
          z.strictObject({
            primary_net_enrolment: param(positive).optional(),
            junior_gross_enrolment: param(positive).optional(),
            senior_gross_enrolment: param(positive).optional(),
            senior_vocational_share: param(share).optional(),
            preschool_gross_enrolment: param(positive).optional(),
          }),
        )
        .default({}),
    }),
    /** School location rule of rural pupils (2006 rural compulsory-education mechanism). */
    rural_pupils: z.strictObject({
      whole_unit_types: z.array(z.enum(['district', 'county', 'county_level_city', 'city_equivalent', 'residual'])),
      source: ImportSource,
      /** published number of pupils covered by the mechanism, for the check in the import report */
      published_check: z
        .strictObject({ year: z.number().int(), persons: z.number().int().positive(), source: ImportSource })
        .optional(),
      /** published number of urban (city) pupils, for the check */
      published_urban_check: z
        .strictObject({ year: z.number().int(), persons: z.number().int().positive(), share_of_all: share.optional(), source: ImportSource })
        .optional(),
    }),
    hukou: z.strictObject({ migrant_agri_share: param(share), published_agri_share: param(share).optional() }),
    rural_proxy: z.strictObject({
      children_odds_ratio: param(positive),
      age_16_59_odds_ratio: param(positive),
      age_60plus_odds_ratio: param(positive),
    }),
    /** published local general-budget revenue by province, 亿元 (own_revenue is calibrated to it) */
    revenue: z.strictObject({
      source: ImportSource,
      national_totals: param(z.number().positive()).optional(),
      /** largest accepted gap (亿元) between the provinces' sum and the national total */
      national_tolerance: z.number().nonnegative().default(0.1),
      by_province: z.record(provinceCode, z.record(z.string().regex(/^\d{4}$/, 'a year'), z.number().nonnegative())),
    }),
    fiscal: z.strictObject({
      county_share_revenue: param(share),
      county_share_expenditure: param(share),
      /** fixed elasticity; when absent it is estimated across provinces each year */
      revenue_elasticity: param(z.number().min(0).max(8)).optional(),
      revenue_elasticity_method: z.strictObject({ source: ImportSource }).optional(),
      expenditure_elasticity: param(z.number().min(0).max(5)),
      urban_share_floor: param(share),
      non_education_basic_share: param(share),
    }),
    flags: z.strictObject({
      directly_managed: z.strictObject({
        fiscal_reform_provinces: z.array(provinceCode),
        except_prefectures: z.array(code6),
        source: ImportSource,
      }),
      difficult: z.strictObject({
        region_groups: z.array(z.enum(REGION_GROUPS)),
        poverty_list: z.boolean(),
        source: ImportSource,
        prefectures: z.record(code6, z.string()),
        prefectures_source: ImportSource,
      }),
      nutrition_pilot: z.strictObject({
        poverty_list: z.literal(true),
        source: ImportSource,
        /** published number of pilot counties, for the check in the import report */
        published_counties: z.number().int().positive().optional(),
        /**
         * The contiguous poverty areas: an 832-list unit is a pilot county when its province, its
         * prefecture or the unit itself is listed under one of the areas. Without areas, every
         * 832-list unit is flagged.
         */
        areas: z
          .array(
            z.strictObject({
              name: z.string().min(2),
              counties: z.number().int().positive(),
              provinces: z.array(provinceCode).default([]),
              prefectures: z.record(code6, z.string()).default({}),
              units: z.record(code6, z.string()).default({}),
            }),
          )
          .default([]),
        areas_source: ImportSource.optional(),
      }),
    }),
    boundary: z.strictObject({
      county_equivalents: z.record(code6, z.string()),
      county_equivalents_source: ImportSource,
      residual_units: z.array(
        z.strictObject({ prefecture_code: code6, name: z.string().min(2), aliases: z.array(z.string()), source: ImportSource }),
      ),
      name_variants: z.array(z.strictObject({ code: code6, census_name: z.string(), official_name: z.string(), note: z.string() })),
      splits: z.array(Split),
      transfers: z.array(Transfer),
      dropped: z.array(z.strictObject({ code: code6, name: z.string(), reason: z.string().min(10) })),
      unassigned_population: z.array(z.strictObject({ province_code: provinceCode, persons: z.number().int(), reason: z.string().min(10) })),
    }),
  })
  .superRefine((f, ctx) => {
    f.boundary.splits.forEach((s, i) => {
      const sum = Object.values(s.shares).reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > 1e-9) ctx.addIssue({ code: 'custom', path: ['boundary', 'splits', i, 'shares'], message: `shares of ${s.census_code} sum to ${sum}, not 1` });
      if (Object.keys(s.shares).length < 2) ctx.addIssue({ code: 'custom', path: ['boundary', 'splits', i, 'shares'], message: 'a split needs at least two successors' });
    });
    const out = new Map<string, number>();
    for (const t of f.boundary.transfers) out.set(t.census_code, (out.get(t.census_code) ?? 0) + t.share);
    for (const [code, sum] of out) {
      if (sum >= 1) ctx.addIssue({ code: 'custom', path: ['boundary', 'transfers'], message: `transfers out of ${code} sum to ${sum}; at least part must stay` });
    }
    for (const [code, o] of Object.entries(f.tier_2018.prefecture_overrides)) {
      if (!code.endsWith('00') || code.endsWith('0000')) ctx.addIssue({ code: 'custom', path: ['tier_2018', 'prefecture_overrides', code], message: `${o.name}: ${code} is not a prefecture code` });
    }
  });
export type ProvincesFile = z.infer<typeof ProvincesFile>;

/** The value of a dated parameter in `year`; a missing year is an error naming the parameter. */
export function paramAt(p: Param, year: number, name: string): number {
  const v = valueAt(p.values, year);
  if (v === undefined) throw new Error(`provinces.yaml: parameter ${name} has no value for ${year} (first date ${p.values[0]?.from})`);
  return v;
}

export type EnrolmentKey = 'primary_net_enrolment' | 'junior_gross_enrolment' | 'senior_gross_enrolment' | 'senior_vocational_share' | 'preschool_gross_enrolment';

/** An education rate for one province: the province's override if given, else the national value. */
export function enrolmentParam(file: ProvincesFile, provinceCode: string, key: EnrolmentKey): Param {
  return file.education.province_overrides[provinceCode]?.[key] ?? file.education[key];
}

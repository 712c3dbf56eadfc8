/**
 * Schema of the service catalog files (data/standards/*.yaml): one file per domain,
 * one entry per service item of the national basic standards.
 */
import { GROUPINGS, RULE_KINDS } from '../model/parameters.ts';
import { z } from 'zod';
import { DRIVER_COLUMNS } from './countyColumns.ts';
import { datedSchema } from './datedSchema.ts';
import { BilingualSource as Source } from './sourceSchema.ts';

export const DOMAINS = [
  'education',
  'employment',
  'social_insurance',
  'social_services',
  'health',
  'family_planning',
  'housing',
  'culture_sports',
  'disability',
] as const;
export type Domain = (typeof DOMAINS)[number];

export { PERIODS } from './standardPeriods.ts';

const share = z.number().min(0).max(1);
const nonNegative = z.number().min(0);

/** A parameter: dated values with a unit and a source. */
export function parameterSchema<T extends z.ZodType>(value: T) {
  return z.strictObject({
    values: datedSchema(value),
    source: Source,
    note: z.string().optional(),
  });
}

// ---------------------------------------------------------------------------
// Values that may differ by province group (used by standards, eligibility and rules)

// The groupings and rule kinds are the model's vocabulary (src/model/parameters.ts); the schema reads them from there.
export { GROUPINGS, RULE_KINDS, type Grouping, type RuleKind } from '../model/parameters.ts';

/** A value that may differ by province group: a number (national) or { by, <group>: value }. */
export const GroupedNumber = z.union([
  nonNegative,
  z
    .object({ by: z.enum(GROUPINGS) })
    .catchall(nonNegative)
    .superRefine((g, ctx) => {
      const keys = Object.keys(g).filter((k) => k !== 'by');
      const expected = g.by === 'region_group' ? ['central', 'east', 'west'] : g.by === 'tier_2018' ? ['1', '2', '3', '4', '5'] : ['all'];
      const missing = expected.filter((k) => !keys.includes(k));
      const extra = keys.filter((k) => !expected.includes(k));
      if (missing.length) ctx.addIssue({ code: 'custom', message: `grouped by ${g.by}: missing ${missing.join(', ')}` });
      if (extra.length) ctx.addIssue({ code: 'custom', message: `grouped by ${g.by}: unknown group ${extra.join(', ')}` });
    }),
]);
export type GroupedNumber = z.infer<typeof GroupedNumber>;

/** A share (0–1), or shares by province group. */
export const GroupedShare = GroupedNumber.superRefine((g, ctx) => {
  const parts = typeof g === 'number' ? [g] : Object.entries(g).filter(([k]) => k !== 'by').map(([, v]) => v as number);
  for (const v of parts) if (v > 1) ctx.addIssue({ code: 'custom', message: `share ${v} is above 1` });
});

/** Days a year of a per-day standard: one number, or dated values (e.g. a programme starting mid-year). */
export const DaysPerYear = z.union([z.number().int().positive().max(366), datedSchema(z.number().int().positive().max(366))]);
export type DaysPerYear = z.infer<typeof DaysPerYear>;

export const StandardParameter = z.strictObject({
  /** yuan per beneficiary per period */
  unit: z.string().regex(/^yuan\/[a-z-]+\/(year|month|day)$/, 'unit must read yuan/<beneficiary>/<year|month|day>'),
  period: z.enum(['year', 'month', 'day']),
  /** for period `day`: number of days a year (e.g. 200 school days), or dated values */
  days_per_year: DaysPerYear.optional(),
  /** a number for the whole country, or {by: region_group, west, central, east} (or tier_2018) */
  values: datedSchema(GroupedNumber),
  source: Source,
  note: z.string().optional(),
  /** the note in Chinese (required with a note) */
  note_zh: z.string().min(2).optional(),
}).refine((s) => s.note === undefined || s.note_zh !== undefined, { message: 'a note needs its Chinese text, note_zh', path: ['note_zh'] });
export type StandardParameter = z.infer<typeof StandardParameter>;

export const ELIGIBILITY_FLAGS = ['nutrition_pilot', 'difficult', 'directly_managed'] as const;

export const EligibilityFactor = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    description: z.string().min(3),
    description_zh: z.string().min(2),
    unit: z.literal('share'),
    /** optional county flag: `values` apply in counties with it, `otherwise` in the rest */
    when: z.enum(ELIGIBILITY_FLAGS).optional(),
    /** a share, or {by: region_group, west, central, east} (or tier_2018) of shares */
    values: datedSchema(GroupedShare),
    otherwise: datedSchema(GroupedShare).optional(),
    source: Source,
  })
  .refine((e) => (e.when === undefined) === (e.otherwise === undefined), { message: 'when and otherwise go together', path: ['otherwise'] });
export type EligibilityFactor = z.infer<typeof EligibilityFactor>;

export const CatalogItem = z
  .strictObject({
    id: z.string().regex(/^[a-z]+\.[a-z0-9_]+$/, 'item ids read <domain-prefix>.<snake_case>'),
    name_zh: z.string().min(1),
    name_en: z.string().min(1),
    /** the seed's row heading (服务项目) this item belongs to */
    service_zh: z.string().min(1),
    target_zh: z.string().min(1),
    target_en: z.string().min(1),
    driver: z.enum(DRIVER_COLUMNS as [string, ...string[]]),
    coverage: z.strictObject({
      unit: z.literal('share'),
      values: datedSchema(share),
      source: Source,
      /** the seed's coverage wording (覆盖水平) */
      target_zh: z.string().optional(),
    }),
    eligibility: z.array(EligibilityFactor).default([]),
    standard: StandardParameter.optional(),
    /** items without money of their own name the item that funds them, or say why they cost nothing here */
    funded_by: z.string().optional(),
    no_cost_reason: z.string().min(10).optional(),
    no_cost_reason_zh: z.string().min(4).optional(),
    responsibility: z.string().min(1),
    responsibility_zh: z.string().min(1),
    years: z.strictObject({ from: z.number().int(), to: z.number().int().optional() }).optional(),
    source: Source,
  })
  .superRefine((item, ctx) => {
    const monetary = item.standard !== undefined;
    if (item.no_cost_reason !== undefined && item.no_cost_reason_zh === undefined) {
      ctx.addIssue({ code: 'custom', message: 'no_cost_reason needs its Chinese text, no_cost_reason_zh', path: ['no_cost_reason_zh'] });
    }
    if (!monetary && !item.funded_by && !item.no_cost_reason) {
      ctx.addIssue({ code: 'custom', message: 'an item without a standard must give funded_by or no_cost_reason', path: ['standard'] });
    }
    if (item.standard?.period === 'day' && item.standard.days_per_year === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a per-day standard needs days_per_year', path: ['standard', 'days_per_year'] });
    }
    if (item.standard && !item.standard.unit.endsWith(`/${item.standard.period}`)) {
      ctx.addIssue({ code: 'custom', message: `unit ${item.standard.unit} does not match period ${item.standard.period}`, path: ['standard', 'unit'] });
    }
  });
export type CatalogItem = z.infer<typeof CatalogItem>;

export const CatalogDomainFile = z.strictObject({
  domain: z.enum(DOMAINS),
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  seed_chapter: z.number().int().min(3).max(11),
  has_seed_table: z.boolean(),
  items: z.array(CatalogItem).min(1),
});
export type CatalogDomainFile = z.infer<typeof CatalogDomainFile>;

// ---------------------------------------------------------------------------
// Responsibility (expenditure-sharing) rules: data/sharing/rules.yaml


const groupedParameter = (unit: 'share' | 'yuan/beneficiary/year') =>
  z.strictObject({
    unit: z.literal(unit),
    values: datedSchema(GroupedNumber),
    source: Source,
  });

export const ResponsibilityRule = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    kind: z.enum(RULE_KINDS),
    wording_zh: z.string().min(2),
    description: z.string().min(3),
    description_zh: z.string().min(2),
    /** ratio, subsidy, subsidy_difficult, pilot (outside pilots), joint, government_full */
    central_share: groupedParameter('share').optional(),
    /** fixed_amount: central yuan per beneficiary per year */
    central_amount: groupedParameter('yuan/beneficiary/year').optional(),
    /** pilot: the county flag that marks pilot counties (central pays 100% there) */
    pilot_flag: z.enum(['nutrition_pilot', 'difficult']).optional(),
  })
  .superRefine((rule, ctx) => {
    const needsShare = ['ratio', 'subsidy', 'subsidy_difficult', 'pilot', 'joint', 'government_full'].includes(rule.kind);
    if (needsShare && !rule.central_share) ctx.addIssue({ code: 'custom', message: `kind ${rule.kind} needs central_share`, path: ['central_share'] });
    if (rule.kind === 'fixed_amount' && !rule.central_amount) ctx.addIssue({ code: 'custom', message: 'kind fixed_amount needs central_amount', path: ['central_amount'] });
    if (rule.kind === 'pilot' && !rule.pilot_flag) ctx.addIssue({ code: 'custom', message: 'kind pilot needs pilot_flag', path: ['pilot_flag'] });
    if ((rule.kind === 'local' || rule.kind === 'county_and_above') && (rule.central_share || rule.central_amount)) {
      ctx.addIssue({ code: 'custom', message: `kind ${rule.kind} has no central share`, path: ['kind'] });
    }
  });
export type ResponsibilityRule = z.infer<typeof ResponsibilityRule>;

export const LocalSplitValue = z
  .strictObject({ province: share, prefecture: share, county: share })
  .refine((s) => Math.abs(s.province + s.prefecture + s.county - 1) < 1e-9, 'province + prefecture + county must sum to 1');
export type LocalSplitValue = z.infer<typeof LocalSplitValue>;

export const LocalSplitEntry = z.strictObject({
  through_prefecture: z.strictObject({ values: datedSchema(LocalSplitValue), source: Source }),
  directly_managed: z.strictObject({ values: datedSchema(LocalSplitValue), source: Source }),
});

export const SharingFile = z.strictObject({
  rules: z.array(ResponsibilityRule).min(1),
  local_split: z.strictObject({
    default: LocalSplitEntry,
    /** by six-digit province code */
    provinces: z.record(z.string().regex(/^\d{2}0000$/), LocalSplitEntry).default({}),
  }),
});
export type SharingFile = z.infer<typeof SharingFile>;

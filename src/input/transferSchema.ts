/**
 * Schemas of the transfer settings and projection settings: one parameter per entry, dated
 * values, a typed unit and a source (data/transfers/general.yaml, data/projection/growth.yaml),
 * and the structure of the general transfers (data/transfers/mechanisms.yaml): each pool
 * transfer's eligible counties and weight, the equalization formula's spending functions, the
 * guarantee's scope and the item-tied general transfers, each naming the parameters it uses.
 */
import { z } from 'zod';
import { datedSchema } from './datedSchema.ts';
import { BilingualSource, Source } from './sourceSchema.ts';
import { formatLimit, MAX_AMOUNT_YUAN, SHARE_DECIMALS } from './fileLimits.ts';

/** Units a transfer parameter may carry, and the values each accepts. */
export const TRANSFER_UNITS = {
  yuan: z.number().min(0, 'an amount cannot be negative').max(MAX_AMOUNT_YUAN, `too large: the largest amount accepted is ${formatLimit(MAX_AMOUNT_YUAN)} yuan`),
  share: z
    .number()
    .min(0, 'a share cannot be below 0')
    .max(1, 'a share cannot be above 1')
    .refine((v) => Math.abs(Math.round(v * 1e6) / 1e6 - v) < 1e-12, `a share has at most ${SHARE_DECIMALS} decimals: shares are held in parts per million`),
  'rate/year': z.number().min(-1, 'a rate below −100% a year is refused').max(10, 'a rate above 1000% a year is refused'),
  coefficient: z.number().min(0, 'a coefficient cannot be negative').max(100, 'a coefficient above 100 is refused'),
  persons: z.number().min(0, 'a count cannot be negative'),
  'yuan/staff/year': z.number().min(0, 'a standard cannot be negative'),
  'yuan/resident/year': z.number().min(0, 'a standard cannot be negative'),
  'yuan/pupil/year': z.number().min(0, 'a standard cannot be negative'),
  'yuan/elderly resident/year': z.number().min(0, 'a standard cannot be negative'),
  'yuan/rural resident/year': z.number().min(0, 'a standard cannot be negative'),
  'yuan/urban resident/year': z.number().min(0, 'a standard cannot be negative'),
} as const;
export type TransferUnit = keyof typeof TRANSFER_UNITS;

export const TransferParameter = z
  .strictObject({
    unit: z.enum(Object.keys(TRANSFER_UNITS) as [TransferUnit, ...TransferUnit[]]),
    description: z.string().min(3),
    description_zh: z.string().min(2).optional(),
    values: datedSchema(z.number()),
    source: BilingualSource,
  })
  .superRefine((p, ctx) => {
    const schema = TRANSFER_UNITS[p.unit];
    for (const v of p.values) {
      const r = schema.safeParse(v.value);
      if (!r.success) ctx.addIssue({ code: 'custom', path: ['values', String(v.from)], message: `${v.value}: ${r.error.issues[0]?.message ?? 'out of range'}` });
    }
  });
export type TransferParameter = z.infer<typeof TransferParameter>;

export const TransfersFile = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'parameter names are lower_snake_case'), TransferParameter);
export type TransfersFile = z.infer<typeof TransfersFile>;

const ParameterName = z.string().regex(/^[a-z][a-z0-9_]*$/);
const ItemPattern = z.string().regex(/^[a-z_]+\.[a-z0-9_]*\*?$/, 'an item id such as edu.free_textbooks_rural_primary, or a prefix ending in * such as edu.free_textbooks_*');

export const PoolMechanismSpec = z.strictObject({
  id: z.enum(['ethnic_area', 'old_revolutionary', 'border_area', 'salary_adjustment', 'rural_tax_reform', 'eco_zone', 'resource_exhausted', 'grain_county']),
  pool: ParameterName,
  county_share: ParameterName,
  eligible: z.strictObject({
    flag: z.string().regex(/^[a-z_]+$/).optional(),
    region_groups: z.array(z.enum(['east', 'central', 'west'])).min(1).optional(),
  }),
  weight: z.union([
    z.strictObject({ kind: z.literal('driver'), driver: z.string().regex(/^[a-z0-9_]+$/) }),
    z.strictObject({ kind: z.literal('standard_gap') }),
    z.strictObject({ kind: z.literal('equal') }),
  ]),
  description: z.string().min(3),
  source: BilingualSource,
});
export type PoolMechanismSpec = z.infer<typeof PoolMechanismSpec>;

export const MechanismsFile = z.strictObject({
  pools: z.array(PoolMechanismSpec),
  equalization: z.strictObject({
    pool: ParameterName,
    functions: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[a-z_]+$/),
          name_zh: z.string().min(2),
          name_en: z.string().min(2),
          drivers: z.array(z.string().regex(/^[a-z0-9_]+$/)).min(1),
          unit_standard: ParameterName,
        }),
      )
      .min(1),
    source: BilingualSource,
  }),
  guarantee: z.strictObject({
    scope_domains: z.array(z.string().regex(/^[a-z_]+$/)).min(1),
    source: BilingualSource,
  }),
  item_tied_general: z.strictObject({
    compulsory_education: z.array(ItemPattern),
    pension_and_dibao: z.array(ItemPattern),
    ncms: z.array(ItemPattern),
    source: BilingualSource,
  }),
});
export type MechanismsFile = z.infer<typeof MechanismsFile>;

const rateParameter = z.strictObject({
  unit: z.literal('rate/year'),
  description: z.string().min(3),
  values: datedSchema(z.number().min(-0.5).max(1)),
  source: Source,
});

export const GrowthFile = z.strictObject({
  population_growth: rateParameter,
  revenue_growth: rateParameter,
});
export type GrowthFile = z.infer<typeof GrowthFile>;

/** Every scalar transfer parameter the model reads besides those mechanisms.yaml names, with its unit. */
export const REQUIRED_TRANSFER_PARAMETERS: Readonly<Record<string, TransferUnit>> = {
  guarantee_award_pool: 'yuan',
  guarantee_close_rate: 'share',
  guarantee_salary_standard: 'yuan/staff/year',
  guarantee_running_standard: 'yuan/staff/year',
  other_mandated_standard: 'yuan/resident/year',
  standard_revenue_rate: 'share',
  cost_coefficient_ethnic: 'coefficient',
  cost_coefficient_small_scale: 'coefficient',
  cost_coefficient_small_scale_threshold: 'persons',
  cost_coefficient_east: 'coefficient',
  cost_coefficient_central: 'coefficient',
  cost_coefficient_west: 'coefficient',
  difficulty_weight: 'coefficient',
  difficulty_min: 'coefficient',
  difficulty_max: 'coefficient',
  growth_cap: 'rate/year',
  growth_floor: 'rate/year',
  county_share_of_local_expenditure: 'share',
  county_share_of_local_revenue: 'share',
  equalization_pass_down: 'share',
  provincial_top_up_rate: 'share',
  provincial_capacity: 'share',
  prefecture_retention_rate: 'share',
  prefecture_general_retention_rate: 'share',
};

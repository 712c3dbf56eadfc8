/**
 * Schemas of the transfer settings (data/transfers/general.yaml) and projection settings
 * (data/projection/growth.yaml): one parameter per entry, dated values, a unit and a source.
 */
import { z } from 'zod';
import { datedSchema } from './datedValues.ts';
import { Source } from './sourceSchema.ts';
import { formatLimit, MAX_AMOUNT_YUAN, SHARE_DECIMALS } from './fileLimits.ts';

const shareParameter = z.strictObject({
  unit: z.literal('share'),
  description: z.string().min(3),
  values: datedSchema(
    z
      .number()
      .min(0)
      .max(1)
      .refine((v) => Math.abs(Math.round(v * 1e6) / 1e6 - v) < 1e-12, { error: (i) => `share ${String(i.input)} has more than ${SHARE_DECIMALS} decimals: shares are held in parts per million` }),
  ),
  source: Source,
});

const yuanParameter = z.strictObject({
  unit: z.literal('yuan'),
  description: z.string().min(3),
  values: datedSchema(z.number().min(0).max(MAX_AMOUNT_YUAN, { error: (i) => `${String(i.input)} yuan is too large: the largest amount accepted is ${formatLimit(MAX_AMOUNT_YUAN)} yuan` })),
  source: Source,
});

const rateParameter = z.strictObject({
  unit: z.literal('rate/year'),
  description: z.string().min(3),
  values: datedSchema(z.number().min(-0.5).max(1)),
  source: Source,
});

export const TransfersFile = z.strictObject({
  central_equalization_pool: yuanParameter,
  provincial_pool_rate: shareParameter,
  prefecture_retention_rate: shareParameter,
  standard_revenue_rate: shareParameter,
  guarantee_fill_rate: shareParameter,
  guarantee_central_share: shareParameter,
});
export type TransfersFile = z.infer<typeof TransfersFile>;

export const GrowthFile = z.strictObject({
  population_growth: rateParameter,
  revenue_growth: rateParameter,
  other_expenditure_growth: rateParameter,
});
export type GrowthFile = z.infer<typeof GrowthFile>;

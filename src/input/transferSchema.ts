/**
 * Schemas of the transfer settings (data/transfers/general.yaml) and projection settings
 * (data/projection/growth.yaml): one parameter per entry, dated values, a unit and a source.
 */
import { z } from 'zod';
import { datedSchema } from './datedValues.ts';
import { Source } from './sourceSchema.ts';

const shareParameter = z.strictObject({
  unit: z.literal('share'),
  description: z.string().min(3),
  values: datedSchema(z.number().min(0).max(1)),
  source: Source,
});

const yuanParameter = z.strictObject({
  unit: z.literal('yuan'),
  description: z.string().min(3),
  values: datedSchema(z.number().min(0)),
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

/**
 * Schema of a scenario's `uncertainty:` section (and of data/uncertainty/default.yaml, used
 * when a scenario declares none): the distributions the Monte Carlo draws from.
 *
 *   uncertainty:
 *     seed: 20120101          # same seed, same numbers (whatever the number of workers)
 *     draws: 10000
 *     quantiles: [0.05, 0.5, 0.95]
 *     variables:
 *       - parameter: revenue_growth          # replaces the growth rate of every projected year
 *         scope: national                    # one draw for all counties; or province, county
 *         distribution: { kind: normal, mean: 0.1, sd: 0.03 }
 *       - parameter: unit_cost               # a multiplier of the item standards
 *         domain: health                     # only this domain's items (all items when absent)
 *         scope: province
 *         distribution: { kind: triangular, min: 0.95, mode: 1, max: 1.2 }
 *
 * Parameters: population_growth, revenue_growth, other_expenditure_growth (rates a year);
 * own_revenue, coverage, unit_cost (multipliers, 1 = as in the scenario).
 */
import { z } from 'zod';
import { Source } from '../input/sourceSchema.ts';

export const UNCERTAIN_PARAMETERS = ['population_growth', 'revenue_growth', 'other_expenditure_growth', 'own_revenue', 'coverage', 'unit_cost'] as const;
export type UncertainParameter = (typeof UNCERTAIN_PARAMETERS)[number];
export const SCOPES = ['national', 'province', 'county'] as const;
export type Scope = (typeof SCOPES)[number];

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const Distribution = z.discriminatedUnion('kind', [
  z
    .strictObject({ kind: z.literal('normal'), mean: finite, sd: finite.pipe(z.number().min(0)), min: finite.optional(), max: finite.optional() })
    .refine((d) => d.min === undefined || d.max === undefined || d.min <= d.max, 'min is above max'),
  z.strictObject({ kind: z.literal('lognormal'), median: finite.pipe(z.number().positive()), sigma: finite.pipe(z.number().min(0)) }),
  z.strictObject({ kind: z.literal('uniform'), min: finite, max: finite }).refine((d) => d.min <= d.max, 'min is above max'),
  z
    .strictObject({ kind: z.literal('triangular'), min: finite, mode: finite, max: finite })
    .refine((d) => d.min <= d.mode && d.mode <= d.max, 'need min ≤ mode ≤ max'),
  z.strictObject({ kind: z.literal('fixed'), value: finite }),
]);
export type Distribution = z.infer<typeof Distribution>;

export const UncertainVariable = z
  .strictObject({
    parameter: z.enum(UNCERTAIN_PARAMETERS),
    /** catalog domain, for coverage and unit_cost only */
    domain: z.string().min(1).optional(),
    scope: z.enum(SCOPES).default('national'),
    distribution: Distribution,
    description: z.string().optional(),
    source: Source.optional(),
  })
  .refine((v) => v.domain === undefined || v.parameter === 'coverage' || v.parameter === 'unit_cost', { message: 'domain applies to coverage and unit_cost only', path: ['domain'] });
export type UncertainVariable = z.infer<typeof UncertainVariable>;

export const UncertaintySection = z.strictObject({
  /** 0 … 2^32 − 1 */
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
  draws: z.number().int().min(1).max(1_000_000).default(1000),
  quantiles: z
    .array(z.number().min(0).max(1))
    .min(1)
    .default([0.05, 0.25, 0.5, 0.75, 0.95])
    .transform((q) => [...new Set(q)].sort((a, b) => a - b)),
  variables: z.array(UncertainVariable).min(1),
});
export type UncertaintySection = z.infer<typeof UncertaintySection>;

/** data/uncertainty/default.yaml: the same, with a source on every variable. */
export const UncertaintyDefaultsFile = z.strictObject({
  description: z.string().min(3),
  uncertainty: UncertaintySection.safeExtend({
    variables: z.array(UncertainVariable.and(z.object({ source: Source }))).min(1),
  }),
});

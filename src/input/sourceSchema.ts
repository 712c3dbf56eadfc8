/**
 * Where a number comes from. Every parameter carries one of these:
 * - seed: the 12th Five-Year Plan text in ../shared/seeds (the quote is checked against the text by a test);
 * - policy: a cited policy document or official statistic outside the seed;
 * - assumption: a labelled guess with one sentence of reasoning.
 */
import { z } from 'zod';

export const SeedSource = z.strictObject({
  kind: z.literal('seed'),
  chapter: z.number().int().min(1).max(13),
  table: z.string().min(1).optional(),
  quote: z.string().min(2),
});

export const PolicySource = z.strictObject({
  kind: z.literal('policy'),
  document: z.string().min(2),
  note: z.string().min(2).optional(),
});

export const AssumptionSource = z.strictObject({
  kind: z.literal('assumption'),
  reasoning: z.string().min(10),
});

export const Source = z.discriminatedUnion('kind', [SeedSource, PolicySource, AssumptionSource]);
export type Source = z.infer<typeof Source>;

/** One-line human description of a source, for reports and `explain`. */
export function describeSource(source: Source): string {
  switch (source.kind) {
    case 'seed':
      return `seed ch.${source.chapter}${source.table ? ` table「${source.table}」` : ''}: “${source.quote}”`;
    case 'policy':
      return `policy: ${source.document}${source.note ? ` (${source.note})` : ''}`;
    case 'assumption':
      return `assumption: ${source.reasoning}`;
  }
}

/**
 * Where a number comes from. Every parameter carries one of these:
 * - seed: the 12th Five-Year Plan text in ../shared/seeds (the quote is checked against the text by a test);
 * - policy: a cited policy document or official statistic outside the seed;
 * - assumption: a labelled guess with one sentence of reasoning.
 */
import { z } from 'zod';
import type { Lang } from '../i18n/lang.ts';
import { describeSource as describeSourceIn } from '../i18n/sources.ts';

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
  /** the note in Chinese (required with a note by the data files' tests) */
  note_zh: z.string().min(2).optional(),
});

export const AssumptionSource = z.strictObject({
  kind: z.literal('assumption'),
  reasoning: z.string().min(10),
  /** the reasoning in Chinese */
  reasoning_zh: z.string().min(4).optional(),
});

export const Source = z.discriminatedUnion('kind', [SeedSource, PolicySource, AssumptionSource]);
export type Source = z.infer<typeof Source>;

/** One-line description of a source, for reports and `explain` (English unless a language is given). */
export function describeSource(source: Source, lang: Lang = 'en'): string {
  return describeSourceIn(source, lang);
}

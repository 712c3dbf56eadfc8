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

/**
 * A source of the bundled policy data (standards, sharing rules, transfers), which the reports
 * show in Chinese: a policy note comes with its Chinese text (note_zh), an assumption's
 * reasoning with reasoning_zh. Seed quotes are Chinese already.
 */
export const BilingualSource = z.discriminatedUnion('kind', [
  SeedSource,
  PolicySource.refine((s) => s.note === undefined || s.note_zh !== undefined, { message: 'a policy note needs its Chinese text, note_zh', path: ['note_zh'] }),
  AssumptionSource.extend({ reasoning_zh: z.string().min(4, 'an assumption needs its reasoning in Chinese, reasoning_zh') }),
]);

/** One-line description of a source, for reports and `explain` (English unless a language is given). */
export function describeSource(source: Source, lang: Lang = 'en'): string {
  return describeSourceIn(source, lang);
}

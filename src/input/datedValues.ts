/**
 * Dated values, OpenFisca style: a map from the first year a value applies to the value.
 * A value holds until the next year given. In YAML: `values: { 2011: 200, 2012: 240 }`.
 */
import { z } from 'zod';

export type Dated<T> = ReadonlyArray<{ readonly from: number; readonly value: T }>;

const YEAR = /^(19|20)\d\d$/;

/** zod schema for a year-keyed map, turned into a sorted Dated<T>. */
export function datedSchema<T extends z.ZodType>(value: T) {
  return z
    .record(z.string().regex(YEAR, 'year keys must be four-digit years such as 2012'), value)
    .refine((r) => Object.keys(r).length > 0, 'at least one dated value is required')
    .transform((r) =>
      Object.entries(r)
        .map(([year, v]) => ({ from: Number(year), value: v }))
        .sort((a, b) => a.from - b.from),
    );
}

/** The value in force in `year`, or undefined when the first date is later than `year`. */
export function valueAt<T>(dated: Dated<T>, year: number): T | undefined {
  let found: T | undefined;
  for (const entry of dated) {
    if (entry.from <= year) found = entry.value;
    else break;
  }
  return found;
}

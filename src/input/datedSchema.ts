/** The zod schema of dated values (datedValues.ts) as the YAML files write them: `values: { 2011: 200, 2012: 240 }`. */
import { z } from 'zod';

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

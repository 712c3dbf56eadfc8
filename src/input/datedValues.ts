/**
 * Dated values, OpenFisca style: a map from the first year a value applies to the value.
 * A value holds until the next year given. In YAML: `values: { 2011: 200, 2012: 240 }`
 * (read by datedSchema.ts; this module needs no parser, so that a command reading cached data
 * does not load one).
 */
export type Dated<T> = ReadonlyArray<{ readonly from: number; readonly value: T }>;

/** The value in force in `year`, or undefined when the first date is later than `year`. */
export function valueAt<T>(dated: Dated<T>, year: number): T | undefined {
  let found: T | undefined;
  for (const entry of dated) {
    if (entry.from <= year) found = entry.value;
    else break;
  }
  return found;
}

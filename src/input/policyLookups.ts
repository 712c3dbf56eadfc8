/**
 * Lookups on loaded policy data that need no parser (policyData.ts, which re-exports them,
 * loads zod and yaml to read the files): which item ids a pattern names, and which source is in
 * force for a value.
 */
import { valueAt } from './datedValues.ts';
import type { PolicyData } from './policyData.ts';
import type { Source } from './sourceSchema.ts';

/** Does an item id match a pattern (an id, or a prefix ending in *)? */
export function itemMatches(id: string, pattern: string): boolean {
  return pattern.endsWith('*') ? id.startsWith(pattern.slice(0, -1)) : id === pattern;
}

/** The source of the value of `path` in force in `year`: a scenario's, else `base`. */
export function sourceInForce(policy: Pick<PolicyData, 'changeSources'>, path: string, year: number, base: Source): Source {
  const dated = policy.changeSources?.get(path);
  return (dated ? valueAt(dated, year) : undefined) ?? base;
}

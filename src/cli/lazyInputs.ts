/**
 * loadInputs (loadInputs.ts) for a command that should start at once (explain): the same
 * inputs, but the parsers (zod, yaml, papaparse and the schemas, about a fifth of explain's
 * start-up) are loaded only when something must be parsed: a --scenario or --override file, or
 * policy data the input cache does not hold for exactly their bytes. The county files are read
 * as loadInputs reads them (countyFile.ts needs none of those parsers).
 */
import { createHash } from 'node:crypto';
import { cachedPolicyEntry } from '../input/policySources.ts';
import type { SourceBytes } from '../input/inputCache.ts';
import { loadCountySet } from '../simulation/countySet.ts';
import { baselineScenario } from '../scenarios/scenario.ts';
import type { Inputs } from '../simulation/loadInputs.ts';
import type { RunOptions } from './commonOptions.ts';

export interface LazyInputs extends Inputs {
  /**
   * Set when the inputs are the baseline on policy data from the input cache (no scenario, no
   * override file): every file the run reads, with the bytes the policy data were found for and
   * a SHA-256 of the bytes each county file was loaded from (explainRunCache.ts keys on them).
   */
  readonly sources?: { readonly policy: readonly SourceBytes[]; readonly counties: readonly SourceBytes[] };
}

export async function loadInputsLazily(opts: RunOptions): Promise<LazyInputs> {
  const cached = opts.scenario || opts.override?.length ? undefined : cachedPolicyEntry(opts.data);
  if (!cached) return (await import('../simulation/loadInputs.ts')).loadInputs(opts);
  const basePolicy = cached.policy;
  // as loadInputs does without a scenario or override file
  let scenario = baselineScenario(basePolicy);
  if (opts.basis) scenario = { ...scenario, basis: opts.basis };
  const counties: SourceBytes[] = [];
  const onSource = (file: string, bytes: Uint8Array): void => void counties.push({ file, bytes: createHash('sha256').update(bytes).digest() });
  // the counties' drivers and dated columns are read when first asked for: explain from its
  // results cache reads one county's (the model, on a miss, every county's: the same values)
  const set = loadCountySet({ countiesFile: opts.counties, reference: opts.reference, province: opts.province, onSource, lazily: true });
  scenario.applyToCounties(set.counties);
  return { basePolicy, scenario, set, sources: { policy: cached.sources, counties } };
}

/**
 * loadInputs (loadInputs.ts) for a command that should start at once (explain): the same
 * inputs, but the parsers (zod, yaml, papaparse and the schemas, about a fifth of explain's
 * start-up) are loaded only when something must be parsed: a --scenario or --override file, or
 * policy data the input cache does not hold for exactly their bytes. The county files are read
 * as loadInputs reads them (countyFile.ts needs none of those parsers).
 */
import { cachedPolicyData } from '../input/policySources.ts';
import { loadCountySet } from '../simulation/countySet.ts';
import { baselineScenario } from '../scenarios/scenario.ts';
import type { Inputs } from '../simulation/loadInputs.ts';
import type { RunOptions } from './commonOptions.ts';

export async function loadInputsLazily(opts: RunOptions): Promise<Inputs> {
  const basePolicy = opts.scenario || opts.override?.length ? undefined : cachedPolicyData(opts.data);
  if (!basePolicy) return (await import('../simulation/loadInputs.ts')).loadInputs(opts);
  // as loadInputs does without a scenario or override file
  let scenario = baselineScenario(basePolicy);
  if (opts.basis) scenario = { ...scenario, basis: opts.basis };
  const set = loadCountySet({ countiesFile: opts.counties, reference: opts.reference, province: opts.province });
  scenario.applyToCounties(set.counties);
  return { basePolicy, scenario, set };
}

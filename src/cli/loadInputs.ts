/** The loading the input options drive (commonOptions.ts): policy data, scenario, counties and override files, checked before anything runs. */
import { loadPolicyData, type PolicyData } from '../input/policyData.ts';
import { loadOverrideFile } from '../input/overrideFile.ts';
import { applyOverrides, overrideNote, type OverrideResult } from '../input/overrideApply.ts';
import { loadCountySet, type CountySet } from '../simulation/countySet.ts';
import { baselineScenario, type Scenario } from '../scenarios/scenario.ts';
import { loadScenario } from '../scenarios/scenarioFile.ts';
import type { RunOptions } from './commonOptions.ts';

export interface Inputs {
  /** the bundled (or --data) policy data, before any scenario */
  readonly basePolicy: PolicyData;
  /** the scenario to run (the baseline when no --scenario is given), with --basis applied */
  readonly scenario: Scenario;
  readonly set: CountySet;
  /** what the --override files changed (absent without them) */
  readonly overrides?: OverrideResult;
}

/** Load and check everything a run needs before anything is computed or written. */
export function loadInputs(opts: RunOptions): Inputs {
  const basePolicy = loadPolicyData(opts.data);
  let scenario = opts.scenario ? loadScenario(opts.scenario, basePolicy) : baselineScenario(basePolicy);
  if (opts.basis) scenario = { ...scenario, basis: opts.basis };
  const loaded = loadCountySet({ countiesFile: opts.counties, reference: opts.reference, province: opts.province });
  const overrides = opts.override?.length ? applyOverrides(loaded.counties, opts.override.map((f) => loadOverrideFile(f))) : undefined;
  const set = overrides ? { ...loaded, counties: overrides.counties, notes: [...loaded.notes, ...overrides.provenance.map(overrideNote)] } : loaded;
  // county changes are checked against the data now, so that a bad scenario fails before any output
  scenario.applyToCounties(set.counties);
  return { basePolicy, scenario, set, ...(overrides ? { overrides } : {}) };
}

/** Load a scenario argument: 'baseline' or a file. */
export function scenarioArgument(arg: string, basePolicy: PolicyData): Scenario {
  return arg === 'baseline' ? baselineScenario(basePolicy) : loadScenario(arg, basePolicy);
}

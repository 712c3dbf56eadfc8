/** The loading the input options drive (commonOptions.ts): policy data, scenario, counties and override files, checked before anything runs. */
import { loadPolicyData, type PolicyData } from '../input/policyData.ts';
import { loadOverrideFile } from '../input/overrideFile.ts';
import { applyOverrides, overrideNote, type OverrideResult } from '../input/overrideApply.ts';
import { loadCountySet, type CountySet } from './countySet.ts';
import { allocationModeNote, type OwnFigures } from './ownFigures.ts';
import { baselineScenario, type Scenario } from '../scenarios/scenario.ts';
import { loadScenario } from '../scenarios/scenarioFile.ts';
import type { PopulationBasis } from '../model/parameters.ts';
import type { County } from '../model/county.ts';

/** What the loader needs to know: the files and choices given on the command line (or by a caller). */
export interface InputOptions {
  scenario?: string;
  counties?: string;
  reference?: string;
  province?: string;
  data?: string;
  basis?: PopulationBasis;
  /** override files (CSV or xlsx), applied in order over the county data */
  override?: string[];
  /** let the override files' figures enter the allocation formulas (default: allocations held at the bundled data) */
  reallocate?: boolean;
}

export interface Inputs {
  /** the bundled (or --data) policy data, before any scenario */
  readonly basePolicy: PolicyData;
  /** the scenario to run (the baseline when no --scenario is given), with --basis applied */
  readonly scenario: Scenario;
  readonly set: CountySet;
  /** what the --override files changed (absent without them) */
  readonly overrides?: OverrideResult;
  /** the override files' figures as a run takes them (runScenario's `own`): allocations held unless --reallocate */
  readonly ownFigures?: OwnFigures;
}

/** The override result as a run takes it: the counties without it, those it changes, the transfer amounts it gives. */
export function ownFiguresOf(bundled: readonly County[], overrides: OverrideResult, reallocate: boolean): OwnFigures {
  const index = new Map(bundled.map((c, i) => [c.code, i]));
  const changed = new Set([...overrides.byCounty.keys(), ...overrides.given.keys()].map((code) => index.get(code)!));
  const given = new Map([...overrides.given].map(([code, byYear]) => [index.get(code)!, byYear]));
  return { mode: reallocate ? 'reallocate' : 'hold', bundled, changed, given };
}

/** Load and check everything a run needs before anything is computed or written. */
export function loadInputs(opts: InputOptions): Inputs {
  const basePolicy = loadPolicyData(opts.data);
  let scenario = opts.scenario ? loadScenario(opts.scenario, basePolicy) : baselineScenario(basePolicy);
  if (opts.basis) scenario = { ...scenario, basis: opts.basis };
  const loaded = loadCountySet({ countiesFile: opts.counties, reference: opts.reference, province: opts.province });
  const overrides = opts.override?.length ? applyOverrides(loaded.counties, opts.override.map((f) => loadOverrideFile(f))) : undefined;
  const set = overrides ? { ...loaded, counties: overrides.counties, notes: [...loaded.notes, ...overrides.provenance.map(overrideNote), allocationModeNote(opts.reallocate ? 'reallocate' : 'hold')] } : loaded;
  // county changes are checked against the data now, so that a bad scenario fails before any output
  scenario.applyToCounties(set.counties);
  return { basePolicy, scenario, set, ...(overrides ? { overrides, ownFigures: ownFiguresOf(loaded.counties, overrides, opts.reallocate === true) } : {}) };
}

/** Load a scenario argument: 'baseline' or a file. */
export function scenarioArgument(arg: string, basePolicy: PolicyData): Scenario {
  return arg === 'baseline' ? baselineScenario(basePolicy) : loadScenario(arg, basePolicy);
}

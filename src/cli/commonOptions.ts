/** Options shared by the commands that run the model, and the loading they drive. */
import { InvalidArgumentError, type Command } from 'commander';
import { loadPolicyData, DEFAULT_DATA_DIR, type PolicyData } from '../input/policyData.ts';
import type { PopulationBasis } from '../model/parameters.ts';
import { loadCountySet, type CountySet } from '../simulation/countySet.ts';
import { baselineScenario, type Scenario } from '../scenarios/scenario.ts';
import { loadScenario } from '../scenarios/scenarioFile.ts';
import type { Lang } from '../i18n/lang.ts';
import { inLang } from '../i18n/text.ts';
import { CLI_TEXT } from './cliText.ts';
import { loadOverrideFile } from '../input/overrideFile.ts';
import { applyOverrides, overrideNote, type OverrideResult } from '../input/overrideApply.ts';

export interface RunOptions {
  scenario?: string;
  counties?: string;
  reference?: string;
  province?: string;
  data?: string;
  basis?: PopulationBasis;
  /** override files (CSV or xlsx), applied in order over the county data */
  override?: string[];
}

/** Add the input options; commands that take scenarios as arguments leave out --scenario. */
export function addInputOptions(cmd: Command, lang: Lang, { scenarioOption = true }: { scenarioOption?: boolean } = {}): Command {
  const m = inLang(CLI_TEXT, lang);
  if (scenarioOption) cmd.option('--scenario <file>', m.optScenario);
  const parseBasis = (value: string): PopulationBasis => {
    if (value !== 'resident' && value !== 'registered') throw new InvalidArgumentError(m.badBasis);
    return value;
  };
  return cmd
    .option('--counties <file>', m.optCounties)
    .option('--reference <file>', m.optReference)
    .option('--province <province>', m.optProvince)
    .option('--data <dir>', m.optData, DEFAULT_DATA_DIR)
    .option('--basis <basis>', m.optBasis, parseBasis)
    .option('--override <file>', m.optOverride, (f: string, prev: string[] = []) => [...prev, f]);
}

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

/** Options shared by the commands that run the model, and the loading they drive. */
import { InvalidArgumentError, type Command } from 'commander';
import { loadPolicyData, DEFAULT_DATA_DIR, type PolicyData } from '../input/policyData.ts';
import type { PopulationBasis } from '../model/parameters.ts';
import { loadCountySet, type CountySet } from '../simulation/countySet.ts';
import { baselineScenario, type Scenario } from '../scenarios/scenario.ts';
import { loadScenario } from '../scenarios/scenarioFile.ts';
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
export function addInputOptions(cmd: Command, { scenarioOption = true }: { scenarioOption?: boolean } = {}): Command {
  if (scenarioOption) cmd.option('--scenario <file>', 'scenario file (YAML or JSON) applied on top of the bundled policy data; see scenarios/');
  return cmd
    .option('--counties <file>', 'county data CSV (default: the bundled Guangdong file data/counties/guangdong_2012.csv)')
    .option('--reference <file>', "national county file for the provinces your file lacks, or 'none' (default: data/counties/china_2012.csv)")
    .option('--province <province>', 'report only this province (code such as 440000 or 44, or a name such as 广东)')
    .option('--data <dir>', 'policy data folder with standards/, sharing/, transfers/, projection/', DEFAULT_DATA_DIR)
    .option('--basis <basis>', 'population basis for drivers: resident or registered (default: the scenario\'s, else resident)', parseBasis)
    .option('--override <file>', 'your own figures for some counties, prefectures or provinces: a CSV or xlsx with code and any county columns; repeatable, later files win / 用自有数据覆盖部分县（地市、省）的数值', (f: string, prev: string[] = []) => [...prev, f]);
}

function parseBasis(value: string): PopulationBasis {
  if (value !== 'resident' && value !== 'registered') throw new InvalidArgumentError('use resident or registered');
  return value;
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

/**
 * Options shared by the commands that run the model. This module loads no reader: the loading
 * the options drive is in loadInputs.ts, which a command imports when it runs, so that
 * `--help` starts at once.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_DATA_DIR } from '../input/bundledPaths.ts';
import type { PopulationBasis } from '../model/parameters.ts';

export interface RunOptions {
  scenario?: string;
  counties?: string;
  reference?: string;
  province?: string;
  data?: string;
  basis?: PopulationBasis;
}

/** The folder commands write to unless --out is given: reports/ in the folder the user is in. */
export const DEFAULT_OUT = './reports';

/** Add the input options; commands that take scenarios as arguments leave out --scenario. */
export function addInputOptions(cmd: Command, { scenarioOption = true }: { scenarioOption?: boolean } = {}): Command {
  if (scenarioOption) cmd.option('--scenario <file>', 'scenario file (YAML or JSON) applied on top of the bundled policy data; see scenarios/');
  return cmd
    .option('--counties <file>', 'county data CSV (default: the bundled Guangdong file data/counties/guangdong_2012.csv)')
    .option('--reference <file>', "national county file for the provinces your file lacks, or 'none' (default: data/counties/china_2012.csv)")
    .option('--province <province>', 'report only this province (code such as 440000 or 44, or a name such as 广东)')
    .option('--data <dir>', 'policy data folder with standards/, sharing/, transfers/, projection/', DEFAULT_DATA_DIR)
    .option('--basis <basis>', 'population basis for drivers: resident or registered (default: the scenario\'s, else resident)', parseBasis);
}

function parseBasis(value: string): PopulationBasis {
  if (value !== 'resident' && value !== 'registered') throw new InvalidArgumentError('use resident or registered');
  return value;
}

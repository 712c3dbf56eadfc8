/** Options shared by the commands that run the model, and the loading they drive. */
import { InvalidArgumentError, type Command } from 'commander';
import { loadPolicyData, DEFAULT_DATA_DIR, type PolicyData } from '../input/policyData.ts';
import type { PopulationBasis } from '../model/parameters.ts';
import { loadCountySet, type CountySet } from '../simulation/countySet.ts';

export interface RunOptions {
  counties?: string;
  reference?: string;
  province?: string;
  data?: string;
  basis?: PopulationBasis;
}

export function addInputOptions(cmd: Command): Command {
  return cmd
    .option('--counties <file>', 'county data CSV (default: the bundled Guangdong file data/counties/guangdong_2012.csv)')
    .option('--reference <file>', "national county file for the provinces your file lacks, or 'none' (default: data/counties/china_2012.csv)")
    .option('--province <province>', 'report only this province (code such as 440000 or 44, or a name such as 广东)')
    .option('--data <dir>', 'policy data folder with standards/, sharing/, transfers/, projection/', DEFAULT_DATA_DIR)
    .option('--basis <basis>', 'population basis for drivers: resident or registered', parseBasis, 'resident' as PopulationBasis);
}

function parseBasis(value: string): PopulationBasis {
  if (value !== 'resident' && value !== 'registered') throw new InvalidArgumentError('use resident or registered');
  return value;
}

export function loadInputs(opts: RunOptions): { policy: PolicyData; set: CountySet; basis: PopulationBasis } {
  const basis = opts.basis ?? 'resident';
  const policy = loadPolicyData(opts.data);
  const set = loadCountySet({ countiesFile: opts.counties, reference: opts.reference, province: opts.province });
  return { policy, set, basis };
}

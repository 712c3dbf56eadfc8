/**
 * Options shared by the commands that run the model. This module loads no reader: the loading
 * the options drive is in loadInputs.ts, which a command imports when it runs, so that
 * `--help` starts at once.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_DATA_DIR } from '../input/bundledPaths.ts';
import type { PopulationBasis } from '../model/parameters.ts';
import type { InputOptions } from '../simulation/loadInputs.ts';
import type { Lang } from '../i18n/lang.ts';
import { inLang } from '../i18n/text.ts';
import { CLI_TEXT } from './cliText.ts';

/** The input options every running command takes (src/simulation/loadInputs.ts reads them). */
export type RunOptions = InputOptions;

/** The folder commands write to unless --out is given: reports/ in the folder the user is in. */
export const DEFAULT_OUT = './reports';

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
    .option('--override <file>', m.optOverride, (f: string, prev: string[] = []) => [...prev, f])
    .option('--reallocate', m.optReallocate);
}

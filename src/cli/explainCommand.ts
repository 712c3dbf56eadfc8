/** `fiscal-sim explain COUNTY`: the chain from drivers and standards to one county's gap. */
import type { Command } from 'commander';
import { InputError } from '../input/inputError.ts';
import { explainCounty } from '../report/explainCounty.ts';
import { runScenario } from '../scenarios/scenario.ts';
import { addInputOptions, loadInputs, type RunOptions } from './commonOptions.ts';
import { parseYear } from './yearOptions.ts';
import { pickOr } from '../i18n/text.ts';
import type { Lang } from '../i18n/lang.ts';
import { inLang } from '../i18n/text.ts';
import { CLI_TEXT } from './cliText.ts';

interface ExplainOptions extends RunOptions {
  year: number;
}

export function registerExplainCommand(program: Command, lang: Lang): void {
  const m = inLang(CLI_TEXT, lang);
  const cmd = program
    .command('explain')
    .description(m.explainDescription)
    .argument('<county>', m.explainArgCounty)
    .option('--year <year>', m.optYear, parseYear, 2012);
  addInputOptions(cmd, lang).action((query: string, opts: ExplainOptions) => {
    const { scenario, set } = loadInputs(opts);
    const matches = set.focus.filter((i) => {
      const c = set.counties[i]!;
      return c.code === query.trim() || c.name === query.trim();
    });
    if (matches.length === 0) throw new InputError([{ file: m.countyArgument, message: m.noSuchCounty(query, set.sources[0] ?? '') }]);
    if (matches.length > 1) {
      const list = matches.map((i) => `${set.counties[i]!.code} ${set.counties[i]!.name} (${set.counties[i]!.prefecture})`).join('; ');
      throw new InputError([{ file: m.countyArgument, message: m.ambiguousCounty(query, matches.length, list) }]);
    }
    const [run] = runScenario(scenario, set.counties, [opts.year]);
    if (scenario.name !== 'baseline') process.stdout.write(`${m.scenarioLine(scenario.name, pickOr(lang, scenario.titleZh, scenario.title))}\n`);
    process.stdout.write(`${explainCounty(run!, matches[0]!, scenario.policy, lang)}\n`);
  });
}

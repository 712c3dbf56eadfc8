/** `fiscal-sim explain COUNTY`: the chain from drivers and standards to one county's gap. */
import type { Command } from 'commander';
import { basename } from 'node:path';
import { InputError } from '../input/inputError.ts';
import { resolveCounty } from '../input/placeNames.ts';
import { explainCounty } from '../report/explainCounty.ts';
import { runScenario } from '../scenarios/scenario.ts';
import { addInputOptions, loadInputs, type RunOptions } from './commonOptions.ts';
import { parseYear } from './yearOptions.ts';

interface ExplainOptions extends RunOptions {
  year: number;
}

export function registerExplainCommand(program: Command): void {
  const cmd = program
    .command('explain')
    .description("explain one county's gap: each item's driver, coverage, standard, shares and sources, then transfers and the gap")
    .argument('<county>', 'county code (440103), name (荔湾区), short name (荔湾) or pinyin (Liwan); a name shared by several counties needs the code / 县代码、全称、简称或拼音')
    .option('--year <year>', 'year', parseYear, 2012);
  addInputOptions(cmd).action((query: string, opts: ExplainOptions) => {
    const { scenario, set } = loadInputs(opts);
    const focus = new Set(set.focus);
    const elsewhere = { indexes: set.counties.map((_, i) => i).filter((i) => !focus.has(i)), hint: { zh: '用 --counties data/counties/china_2012.csv 可查看全国各县', en: 'use --counties data/counties/china_2012.csv to look at any county of the country' } };
    const found = resolveCounty(query, set.counties, set.focus, basename(set.sources[0] ?? ''), elsewhere);
    if (found.index === undefined) throw new InputError([{ file: 'COUNTY argument', message: found.problem ?? '' }]);
    const [run] = runScenario(scenario, set.counties, [opts.year]);
    if (scenario.name !== 'baseline') process.stdout.write(`Scenario ${scenario.name}: ${scenario.title}\n`);
    process.stdout.write(`${explainCounty(run!, found.index, scenario.policy)}\n`);
  });
}

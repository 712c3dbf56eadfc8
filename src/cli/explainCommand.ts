/** `fiscal-sim explain COUNTY`: the chain from drivers and standards to one county's gap. */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { addInputOptions, type RunOptions } from './commonOptions.ts';
import { parseYear } from './yearOptions.ts';
import { pickOr } from '../i18n/text.ts';
import type { Lang } from '../i18n/lang.ts';
import { inLang } from '../i18n/text.ts';
import { CLI_TEXT } from './cliText.ts';
import type { YearRun } from '../simulation/runSimulation.ts';
import type { AllocationReport } from '../simulation/ownFigures.ts';

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
  addInputOptions(cmd, lang).action(async (query: string, opts: ExplainOptions) => {
    // loaded when the command runs, so that --help does not wait for them
    const { InputError } = await import('../input/inputError.ts');
    const { resolveCounty } = await import('../input/placeNames.ts');
    const { explainCounty, explainOverrides } = await import('../report/explainCounty.ts');
    const { runScenario } = await import('../simulation/runScenario.ts');
    const { loadInputsLazily } = await import('./lazyInputs.ts');
    const { allocationModeNote, allocationNotes } = await import('../simulation/ownFigures.ts');
    const { scenario, set, overrides, ownFigures, sources } = await loadInputsLazily(opts);
    const focus = new Set(set.focus);
    const elsewhere = { indexes: set.counties.map((_, i) => i).filter((i) => !focus.has(i)), hint: { zh: '用 --counties data/counties/china_2012.csv 可查看全国各县', en: 'use --counties data/counties/china_2012.csv to look at any county of the country' } };
    const found = resolveCounty(query, set.counties, set.focus, basename(set.sources[0] ?? ''), elsewhere);
    if (found.index === undefined) throw new InputError([{ file: m.countyArgument, message: found.problem ?? '' }]);
    (await import('./yearCoverage.ts')).checkYears([opts.year], scenario.policy);
    const runModel = async (): Promise<ReturnType<typeof runScenario>[number]> => {
      // the inputs are loaded and all live: collect once now rather than while the model runs
      (await import('./settleHeap.ts')).settleHeap();
      return runScenario(scenario, set.counties, [opts.year], undefined, ownFigures)[0]!;
    };
    // the baseline on cached policy data: the national run from explain's results cache when it holds it
    const run: YearRun & { readonly allocation?: AllocationReport } = sources && !ownFigures ? await (await import('./explainRunCache.ts')).explainRun({ ...sources, year: opts.year, basis: scenario.basis }, scenario, set.counties, found.index, runModel) : await runModel();
    if (scenario.name !== 'baseline') process.stdout.write(`${m.scenarioLine(scenario.name, pickOr(lang, scenario.titleZh, scenario.title))}\n`);
    const own = overrides?.byCounty.get(set.counties[found.index]!.code);
    if (run?.allocation) process.stdout.write(`${[allocationModeNote(run.allocation.mode), ...allocationNotes(opts.year, run.allocation)].map((n) => m.note(n)).join('\n')}\n`);
    if (own) process.stdout.write(`${explainOverrides(own, run, found.index, lang)}\n`);
    process.stdout.write(`${explainCounty(run, found.index, scenario.policy, lang, own)}\n`);
  });
}

/** `fiscal-sim explain COUNTY`: the chain from drivers and standards to one county's gap. */
import type { Command } from 'commander';
import { addInputOptions, type RunOptions } from './commonOptions.ts';
import { parseYear } from './yearOptions.ts';

interface ExplainOptions extends RunOptions {
  year: number;
}

export function registerExplainCommand(program: Command): void {
  const cmd = program
    .command('explain')
    .description("explain one county's gap: each item's driver, coverage, standard, shares and sources, then transfers and the gap")
    .argument('<county>', 'county code (440103) or name (荔湾区); a name shared by several counties needs the code')
    .option('--year <year>', 'year', parseYear, 2012);
  addInputOptions(cmd).action(async (query: string, opts: ExplainOptions) => {
    // loaded when the command runs, so that --help does not wait for them
    const { InputError } = await import('../input/inputError.ts');
    const { explainCounty } = await import('../report/explainCounty.ts');
    const { runScenario } = await import('../scenarios/scenario.ts');
    const { loadInputs } = await import('./loadInputs.ts');
    const { scenario, set } = loadInputs(opts);
    const matches = set.focus.filter((i) => {
      const c = set.counties[i]!;
      return c.code === query.trim() || c.name === query.trim();
    });
    if (matches.length === 0) throw new InputError([{ file: 'COUNTY argument', message: `no county with code or name "${query}" in ${set.sources[0]}` }]);
    if (matches.length > 1) {
      const list = matches.map((i) => `${set.counties[i]!.code} ${set.counties[i]!.name} (${set.counties[i]!.prefecture})`).join('; ');
      throw new InputError([{ file: 'COUNTY argument', message: `"${query}" matches ${matches.length} counties: ${list}; give the code` }]);
    }
    (await import('./yearCoverage.ts')).checkYears([opts.year], scenario.policy);
    const [run] = runScenario(scenario, set.counties, [opts.year]);
    if (scenario.name !== 'baseline') process.stdout.write(`Scenario ${scenario.name}: ${scenario.title}\n`);
    process.stdout.write(`${explainCounty(run!, matches[0]!, scenario.policy)}\n`);
  });
}

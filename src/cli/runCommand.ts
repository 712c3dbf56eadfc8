/** `fiscal-sim run`: every county's financing gap for a year (or years), written as tables. */
import { resolve, join } from 'node:path';
import type { Command } from 'commander';
import type { Row } from '../tables/countyTable.ts';
import { addInputOptions, DEFAULT_OUT, type RunOptions } from './commonOptions.ts';
import { parseYears } from './yearOptions.ts';

interface RunCommandOptions extends RunOptions {
  year?: number[];
  out: string;
  quiet?: boolean;
}

export function registerRunCommand(program: Command): void {
  const cmd = program
    .command('run')
    .description("compute every county's standard cost, who pays it, transfers and financing gap; write counties.csv, items.csv, provinces.csv and summary.json")
    .option('--year <years>', 'year, range or list (2012, 2011-2015, 2011,2013); default 2012, or the scenario\'s years with --scenario', parseYears)
    .option('--out <dir>', 'output folder', DEFAULT_OUT)
    .option('--quiet', 'do not print the summary');
  addInputOptions(cmd).action(async (opts: RunCommandOptions) => {
    // loaded when the command runs, so that --help does not wait for them
    const { writeFilesAtomically } = await import('../report/atomicWrite.ts');
    const { toCsv } = await import('../report/csv.ts');
    const { formatSummary } = await import('../report/terminalSummary.ts');
    const { runScenario } = await import('../scenarios/scenario.ts');
    const { COUNTY_COLUMNS, ITEM_COLUMNS, countyRow, itemRows } = await import('../tables/countyTable.ts');
    const { provinceRows, PROVINCE_COLUMNS } = await import('../tables/provinceTable.ts');
    const { summarize } = await import('../tables/summary.ts');
    const { loadInputs } = await import('./loadInputs.ts');
    const { scenario, set } = loadInputs(opts);
    for (const n of set.notes) process.stderr.write(`note: ${n}\n`);
    const years = opts.year ?? (opts.scenario ? [...scenario.years] : [2012]);
    (await import('./yearCoverage.ts')).checkYears(years, scenario.policy);
    const policy = scenario.policy;
    const started = performance.now();
    const runs = runScenario(scenario, set.counties, years, (year) => process.stderr.write(`computing ${year}…\n`));
    const seconds = (performance.now() - started) / 1000;
    const catalog = new Map(policy.items.map((i) => [i.id, i]));
    const focus = new Set(set.focus);
    const countyTable: Row[] = [];
    const itemTable: Row[] = [];
    const provinceTable: Row[] = [];
    const summaries = runs.map((run) => {
      for (const i of set.focus) countyTable.push(countyRow(run, run.result.counties[i]!));
      for (const row of itemRows(run, focus, catalog, policy)) itemTable.push(row);
      provinceTable.push(...provinceRows(run, new Set(set.focus.map((i) => set.counties[i]!.provinceCode))));
      return summarize(run, set.focus);
    });
    const out = resolve(opts.out);
    const meta = {
      command: 'run',
      scenario: { name: scenario.name, title: scenario.title, files: scenario.files, changes: scenario.changes },
      years,
      basis: scenario.basis,
      counties_files: set.sources,
      counties_reported: set.focus.length,
      counties_computed: set.counties.length,
      rounding: 'each county × item cost rounded once to the fen, half away from zero; splits and allocations by largest remainder',
      summaries,
    };
    writeFilesAtomically([
      { path: join(out, 'counties.csv'), content: toCsv(COUNTY_COLUMNS, countyTable) },
      { path: join(out, 'items.csv'), content: toCsv(ITEM_COLUMNS, itemTable) },
      { path: join(out, 'provinces.csv'), content: toCsv(PROVINCE_COLUMNS, provinceTable) },
      { path: join(out, 'summary.json'), content: `${JSON.stringify(meta, null, 2)}\n` },
    ]);
    if (!opts.quiet) {
      const where = opts.province ? `province ${set.counties[set.focus[0]!]!.province}` : `counties in ${set.sources[0]}`;
      const label = `${scenario.name === 'baseline' ? 'Baseline' : `Scenario ${scenario.name}`}, ${where}`;
      for (const s of summaries) process.stdout.write(`${formatSummary(s, label)}\n\n`);
    }
    process.stderr.write(`computed ${set.counties.length} counties × ${years.length} year(s) in ${seconds.toFixed(2)} s; wrote counties.csv (${countyTable.length} rows), items.csv (${itemTable.length} rows), provinces.csv, summary.json to ${out}\n`);
  });
}

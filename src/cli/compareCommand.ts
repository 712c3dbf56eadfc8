/** `fiscal-sim compare BASE SCENARIO...`: difference tables of each scenario against a base. */
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { OutputFile } from '../report/atomicWrite.ts';
import { addInputOptions, DEFAULT_OUT, type RunOptions } from './commonOptions.ts';
import { parseYears } from './yearOptions.ts';
import type { Lang } from '../i18n/lang.ts';
import { inLang } from '../i18n/text.ts';
import { CLI_TEXT } from './cliText.ts';

interface CompareOptions extends RunOptions {
  year?: number[];
  out: string;
  quiet?: boolean;
}

export function registerCompareCommand(program: Command, lang: Lang): void {
  const m = inLang(CLI_TEXT, lang);
  const cmd = program
    .command('compare')
    .description(m.compareDescription)
    .argument('<base>', m.compareArgBase)
    .argument('<scenarios...>', m.compareArgScenarios)
    .option('--year <years>', m.compareOptYear, parseYears)
    .option('--out <dir>', m.compareOptOut, DEFAULT_OUT)
    .option('--quiet', m.compareOptQuiet);
  addInputOptions(cmd, lang, { scenarioOption: false }).action(async (baseArg: string, scenarioArgs: string[], opts: CompareOptions) => {
    // loaded when the command runs, so that --help does not wait for them
    const { writeFilesAtomically } = await import('../report/atomicWrite.ts');
    const { formatComparison } = await import('../report/comparisonSummary.ts');
    const { toCsv } = await import('../report/csv.ts');
    const { runScenario } = await import('../scenarios/scenario.ts');
    const { compareRuns } = await import('../tables/comparison.ts');
    const {
      bandRows, COMPARE_BAND_COLUMNS, COMPARE_COUNTY_COLUMNS, COMPARE_GROUP_COLUMNS, COMPARE_ITEM_COLUMNS, COMPARE_LEVEL_COLUMNS, COMPARE_MEASURE_COLUMNS,
      countyComparisonRows, groupComparisonRows, itemComparisonRows, levelComparisonRows, measureRows,
    } = await import('../tables/comparisonRows.ts');
    const { loadInputs, scenarioArgument } = await import('./loadInputs.ts');
    const { basePolicy, set } = loadInputs(opts);
    // check every scenario before computing anything
    const base = scenarioArgument(baseArg, basePolicy);
    const scenarios = scenarioArgs.map((a) => scenarioArgument(a, basePolicy));
    for (const s of [base, ...scenarios]) s.applyToCounties(set.counties);
    const years = opts.year ?? [...(scenarios[0]?.years ?? base.years)];
    (await import('./yearCoverage.ts')).checkYears(years, (scenarios[0] ?? base).policy);
    const withBasis = <T extends { basis: string }>(s: T): T => (opts.basis ? { ...s, basis: opts.basis } : s);
    process.stderr.write(`${m.computingBase(base.name)}\n`);
    const baseRuns = runScenario(withBasis(base), set.counties, years);
    const out = resolve(opts.out);
    const files: OutputFile[] = [];
    const summaries: string[] = [];
    scenarios.forEach((scenario, k) => {
      process.stderr.write(`${m.computingScenario(k + 1, scenarios.length, scenario.name)}\n`);
      const runs = runScenario(withBasis(scenario), set.counties, years);
      const c = compareRuns(baseRuns, runs, set.focus);
      const dir = join(out, `compare-${base.name}-vs-${scenario.name}`);
      files.push(
        { path: join(dir, 'counties.csv'), content: toCsv(COMPARE_COUNTY_COLUMNS, countyComparisonRows(c)) },
        { path: join(dir, 'prefectures.csv'), content: toCsv(COMPARE_GROUP_COLUMNS, groupComparisonRows(c.prefectures)) },
        { path: join(dir, 'provinces.csv'), content: toCsv(COMPARE_GROUP_COLUMNS, groupComparisonRows(c.provinces)) },
        { path: join(dir, 'years.csv'), content: toCsv(COMPARE_GROUP_COLUMNS, groupComparisonRows(c.totals)) },
        { path: join(dir, 'levels.csv'), content: toCsv(COMPARE_LEVEL_COLUMNS, levelComparisonRows(c)) },
        { path: join(dir, 'items.csv'), content: toCsv(COMPARE_ITEM_COLUMNS, itemComparisonRows(c)) },
        { path: join(dir, 'winners_losers.csv'), content: toCsv(COMPARE_BAND_COLUMNS, bandRows(c)) },
        { path: join(dir, 'measures.csv'), content: toCsv(COMPARE_MEASURE_COLUMNS, measureRows(c)) },
        {
          path: join(dir, 'metadata.json'),
          content: `${JSON.stringify({ command: 'compare', base: { name: base.name, files: base.files.map((f) => basename(f)), changes: base.changes }, scenario: { name: scenario.name, title: scenario.title, files: scenario.files.map((f) => basename(f)), changes: scenario.changes }, years, counties_files: set.sources }, null, 2)}\n`,
        },
      );
      summaries.push(formatComparison(c, base.name, scenario.name));
    });
    writeFilesAtomically(files);
    if (!opts.quiet) process.stdout.write(`${summaries.join('\n\n')}\n`);
    process.stderr.write(`${m.wroteFiles(files.length, out)}\n`);
  });
}

/** `fiscal-sim compare BASE SCENARIO...`: difference tables of each scenario against a base. */
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { writeFilesAtomically, type OutputFile } from '../report/atomicWrite.ts';
import { formatComparison, unchangedNote } from '../report/comparisonSummary.ts';
import { toCsv } from '../report/csv.ts';
import { chooseLang } from '../i18n/lang.ts';
import { runScenario, type Scenario } from '../scenarios/scenario.ts';
import { changedYears, isParentOf, notParentNote, parentName, parentScenario } from '../scenarios/scenarioParent.ts';
import { compareRuns, type Comparison } from '../tables/comparison.ts';
import {
  bandRows, COMPARE_BAND_COLUMNS, COMPARE_COUNTY_COLUMNS, COMPARE_GROUP_COLUMNS, COMPARE_ITEM_COLUMNS, COMPARE_LEVEL_COLUMNS, COMPARE_MEASURE_COLUMNS,
  countyComparisonRows, groupComparisonRows, itemComparisonRows, levelComparisonRows, measureRows,
} from '../tables/comparisonRows.ts';
import { addInputOptions, loadInputs, scenarioArgument, type RunOptions } from './commonOptions.ts';
import { DEFAULT_OUT } from './runCommand.ts';
import { parseYears } from './yearOptions.ts';

interface CompareOptions extends RunOptions {
  year?: number[];
  out: string;
  quiet?: boolean;
}

export function registerCompareCommand(program: Command): void {
  const cmd = program
    .command('compare')
    .description("compare scenarios with a base: differences by county, prefecture, province, level of government, item and year; winners and losers; equalization measures. Given one scenario only, the base is what it extends (its parent) and the years are those its own changes apply to / 情景比较：只给一个情景时，与其所扩展的情景比较，年份为其改动生效的年份")
    .argument('<base-or-scenario>', "the base ('baseline', a scenario file or a name in scenarios/); alone, the scenario to compare with its parent")
    .argument('[scenarios...]', 'scenario files or names to compare with the base')
    .option('--year <years>', "years (default: the years the scenario's own changes apply to when the base is its parent, else the scenario's years)", parseYears)
    .option('--out <dir>', 'output folder; each scenario gets a sub-folder compare-<base>-vs-<scenario>', DEFAULT_OUT)
    .option('--quiet', 'do not print the summaries');
  addInputOptions(cmd, { scenarioOption: false }).action((firstArg: string, moreArgs: string[], opts: CompareOptions) => {
    const { basePolicy, set } = loadInputs(opts);
    const { lang } = chooseLang(process.argv, process.env);
    // check every scenario before computing anything
    const scenarios = (moreArgs.length ? moreArgs : [firstArg]).map((a) => scenarioArgument(a, basePolicy));
    const first = scenarios[0]!;
    const base = moreArgs.length ? scenarioArgument(firstArg, basePolicy) : parentScenario(first, basePolicy);
    for (const s of [base, ...scenarios]) s.applyToCounties(set.counties);
    const years = opts.year ?? (isParentOf(base, first) ? changedYears(first) : [...first.years]);
    for (const s of scenarios) if (!isParentOf(base, s)) process.stderr.write(`${notParentNote(base, s)}\n`);
    const withBasis = <T extends { basis: string }>(s: T): T => (opts.basis ? { ...s, basis: opts.basis } : s);
    process.stderr.write(`computing base ${base.name} for ${years.join(', ')}… / 计算基准 ${base.name}…\n`);
    const baseRuns = runScenario(withBasis(base), set.counties, years);
    const out = resolve(opts.out);
    const files: OutputFile[] = [];
    const summaries: string[] = [];
    scenarios.forEach((scenario, k) => {
      process.stderr.write(`computing scenario ${k + 1}/${scenarios.length} ${scenario.name}… / 计算情景 ${scenario.name}…\n`);
      const runs = runScenario(withBasis(scenario), set.counties, years);
      const c = compareRuns(baseRuns, runs, set.focus);
      const dir = join(out, `compare-${base.name}-vs-${scenario.name}`);
      const zeroNote = unchangedNote(c, 'en', base.name, scenario.name);
      if (zeroNote && opts.quiet) process.stderr.write(`${unchangedNote(c, 'zh', base.name, scenario.name)!} / ${zeroNote}\n`);
      files.push(
        { path: join(dir, 'counties.csv'), content: toCsv(COMPARE_COUNTY_COLUMNS, countyComparisonRows(c)) },
        { path: join(dir, 'prefectures.csv'), content: toCsv(COMPARE_GROUP_COLUMNS, groupComparisonRows(c.prefectures)) },
        { path: join(dir, 'provinces.csv'), content: toCsv(COMPARE_GROUP_COLUMNS, groupComparisonRows(c.provinces)) },
        { path: join(dir, 'years.csv'), content: toCsv(COMPARE_GROUP_COLUMNS, groupComparisonRows(c.totals)) },
        { path: join(dir, 'levels.csv'), content: toCsv(COMPARE_LEVEL_COLUMNS, levelComparisonRows(c)) },
        { path: join(dir, 'items.csv'), content: toCsv(COMPARE_ITEM_COLUMNS, itemComparisonRows(c)) },
        { path: join(dir, 'winners_losers.csv'), content: toCsv(COMPARE_BAND_COLUMNS, bandRows(c)) },
        { path: join(dir, 'measures.csv'), content: toCsv(COMPARE_MEASURE_COLUMNS, measureRows(c)) },
        { path: join(dir, 'metadata.json'), content: `${JSON.stringify(comparisonMetadata(c, base, scenario, years, set.sources), null, 2)}\n` },
      );
      summaries.push(formatComparison(c, base.name, scenario.name, lang));
    });
    writeFilesAtomically(files);
    if (!opts.quiet) process.stdout.write(`${summaries.join('\n\n')}\n`);
    process.stderr.write(`wrote ${files.length} files under ${out} / 已写出 ${files.length} 个文件\n`);
  });
}

/** metadata.json of a comparison: what was compared, over which years, whether anything differs, and the units. */
export function comparisonMetadata(c: Comparison, base: Scenario, scenario: Scenario, years: readonly number[], countyFiles: readonly string[]): Record<string, unknown> {
  const describe = (s: Scenario) => ({ name: s.name, title: s.title, files: s.files.map((f) => basename(f)), changes: s.changes });
  return {
    command: 'compare',
    base: describe(base),
    scenario: describe(scenario),
    base_is_parent: isParentOf(base, scenario),
    parent: parentName(scenario),
    years,
    unchanged: c.unchanged,
    unchanged_years: c.unchangedYears,
    units: {
      money: 'yuan (元), to the fen; *_change = scenario − base (positive: an increase)',
      population: 'persons (人)',
      gap_change_per_capita: 'yuan per resident (元/人)',
      measures: 'dimensionless indexes; mean_per_capita in yuan per resident',
    },
    counties_files: countyFiles,
  };
}

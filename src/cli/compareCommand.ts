/** `fiscal-sim compare BASE SCENARIO...`: difference tables of each scenario against a base. */
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { OutputFile } from '../report/atomicWrite.ts';
import { addInputOptions, DEFAULT_OUT, type RunOptions } from './commonOptions.ts';
import type { Scenario } from '../scenarios/scenario.ts';
import type { Comparison } from '../tables/comparison.ts';
import type * as ScenarioParent from '../scenarios/scenarioParent.ts';
import { parseYears } from './yearOptions.ts';
import type { Lang } from '../i18n/lang.ts';
import { inLang } from '../i18n/text.ts';
import { CLI_TEXT } from './cliText.ts';
import { say } from '../i18n/messageLang.ts';
import { parseMoneyUnit, type MoneyUnit } from '../report/moneyUnits.ts';
import { InvalidArgumentError } from 'commander';
import { METHOD_NOTES } from '../i18n/methodNotes.ts';

function parseUnit(value: string): MoneyUnit {
  const unit = parseMoneyUnit(value);
  if (!unit) throw new InvalidArgumentError(say(CLI_TEXT.badUnit));
  return unit;
}

interface CompareOptions extends RunOptions {
  year?: number[];
  out: string;
  quiet?: boolean;
  unit?: MoneyUnit;
}

export function registerCompareCommand(program: Command, lang: Lang): void {
  const m = inLang(CLI_TEXT, lang);
  const cmd = program
    .command('compare')
    .description(m.compareDescription)
    .argument('<base-or-scenario>', m.compareArgBase)
    .argument('[scenarios...]', m.compareArgScenarios)
    .option('--year <years>', m.compareOptYear, parseYears)
    .option('--out <dir>', m.compareOptOut, DEFAULT_OUT)
    .option('--unit <unit>', m.compareOptUnit, parseUnit)
    .option('--quiet', m.compareOptQuiet);
  addInputOptions(cmd, lang, { scenarioOption: false }).action(async (firstArg: string, moreArgs: string[], opts: CompareOptions) => {
    // loaded when the command runs, so that --help does not wait for them
    const { writeFilesAtomically } = await import('../report/atomicWrite.ts');
    const { formatComparison, unchangedNote } = await import('../report/comparisonSummary.ts');
    const { toCsv } = await import('../report/csv.ts');
    const { runScenario } = await import('../simulation/runScenario.ts');
    const { compareRuns } = await import('../tables/comparison.ts');
    const {
      bandRows, COMPARE_BAND_COLUMNS, COMPARE_COUNTY_COLUMNS, COMPARE_GROUP_COLUMNS, COMPARE_ITEM_COLUMNS, COMPARE_LEVEL_COLUMNS, COMPARE_MEASURE_COLUMNS,
      countyComparisonRows, groupComparisonRows, itemComparisonRows, levelComparisonRows, measureRows,
    } = await import('../tables/comparisonRows.ts');
    const { loadInputs, scenarioArgument } = await import('../simulation/loadInputs.ts');
    const parent = await import('../scenarios/scenarioParent.ts');
    const { changedYears, isParentOf, notParentNote, parentScenario } = parent;
    const { basePolicy, set, ownFigures } = loadInputs(opts);
    // check every scenario before computing anything
    const scenarios = (moreArgs.length ? moreArgs : [firstArg]).map((a) => scenarioArgument(a, basePolicy));
    const first = scenarios[0]!;
    const base = moreArgs.length ? scenarioArgument(firstArg, basePolicy) : parentScenario(first, basePolicy);
    for (const s of [base, ...scenarios]) s.applyToCounties(set.counties);
    const years = opts.year ?? (isParentOf(base, first) ? changedYears(first) : [...first.years]);
    (await import('./yearCoverage.ts')).checkYears(years, first.policy);
    for (const s of scenarios) if (!isParentOf(base, s)) process.stderr.write(`${notParentNote(base, s)}\n`);
    const withBasis = <T extends { basis: string }>(s: T): T => (opts.basis ? { ...s, basis: opts.basis } : s);
    process.stderr.write(`${m.computingBase(base.name)}\n`);
    const baseRuns = runScenario(withBasis(base), set.counties, years, undefined, ownFigures);
    const out = resolve(opts.out);
    const files: OutputFile[] = [];
    const summaries: string[] = [];
    scenarios.forEach((scenario, k) => {
      process.stderr.write(`${m.computingScenario(k + 1, scenarios.length, scenario.name)}\n`);
      const runs = runScenario(withBasis(scenario), set.counties, years, undefined, ownFigures);
      const c = compareRuns(baseRuns, runs, set.focus);
      const dir = join(out, `compare-${base.name}-vs-${scenario.name}`);
      const zeroNote = unchangedNote(c, 'en', base.name, scenario.name);
      if (zeroNote && opts.quiet) process.stderr.write(`${lang === 'zh' ? unchangedNote(c, 'zh', base.name, scenario.name)! : `${unchangedNote(c, 'zh', base.name, scenario.name)!} / ${zeroNote}`}\n`);
      files.push(
        { path: join(dir, 'counties.csv'), content: toCsv(COMPARE_COUNTY_COLUMNS, countyComparisonRows(c)) },
        { path: join(dir, 'prefectures.csv'), content: toCsv(COMPARE_GROUP_COLUMNS, groupComparisonRows(c.prefectures)) },
        { path: join(dir, 'provinces.csv'), content: toCsv(COMPARE_GROUP_COLUMNS, groupComparisonRows(c.provinces)) },
        { path: join(dir, 'years.csv'), content: toCsv(COMPARE_GROUP_COLUMNS, groupComparisonRows(c.totals)) },
        { path: join(dir, 'levels.csv'), content: toCsv(COMPARE_LEVEL_COLUMNS, levelComparisonRows(c)) },
        { path: join(dir, 'items.csv'), content: toCsv(COMPARE_ITEM_COLUMNS, itemComparisonRows(c)) },
        { path: join(dir, 'winners_losers.csv'), content: toCsv(COMPARE_BAND_COLUMNS, bandRows(c)) },
        { path: join(dir, 'measures.csv'), content: toCsv(COMPARE_MEASURE_COLUMNS, measureRows(c)) },
        { path: join(dir, 'metadata.json'), content: `${JSON.stringify(comparisonMetadata(c, base, scenario, years, set.sources, parent), null, 2)}\n` },
      );
      summaries.push(formatComparison(c, base.name, scenario.name, lang, opts.unit));
    });
    writeFilesAtomically(files);
    if (!opts.quiet) process.stdout.write(`${summaries.join('\n\n')}\n`);
    process.stderr.write(`${m.wroteFiles(files.length, out)}\n`);
  });
}

/** metadata.json of a comparison: what was compared, over which years, whether anything differs, and the units. */
export function comparisonMetadata(c: Comparison, base: Scenario, scenario: Scenario, years: readonly number[], countyFiles: readonly string[], { isParentOf, parentName }: Pick<typeof ScenarioParent, 'isParentOf' | 'parentName'>): Record<string, unknown> {
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
    units: METHOD_NOTES.compareUnits,
    counties_files: countyFiles,
  };
}

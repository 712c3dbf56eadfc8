/**
 * `fiscal-sim report`: readable reports of the financing gaps — HTML pages (province,
 * county, comparison), an Excel workbook and tidy files for researchers. Loads and checks
 * everything first, runs the model, then hands the runs to the report writers.
 */
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { InputError } from '../input/inputError.ts';
import { resolveCounty } from '../input/placeNames.ts';
import type { ReportMeta } from '../report/html/context.ts';
import type { Lang } from '../i18n/lang.ts';
import { inLang, pickOr } from '../i18n/text.ts';
import { CLI_TEXT } from './cliText.ts';
import { say } from '../i18n/messageLang.ts';
import type { Scenario } from '../scenarios/scenario.ts';
import type { MoneyUnit } from '../report/moneyUnits.ts';
import { parseMoneyUnit } from '../report/moneyUnits.ts';
import type { YearRun } from '../simulation/runSimulation.ts';
import type { CountySet } from '../simulation/countySet.ts';
import type { Comparison } from '../tables/comparison.ts';
import { addInputOptions, DEFAULT_OUT, type RunOptions } from './commonOptions.ts';
import { parseYear, parseYears } from './yearOptions.ts';

export const REPORT_FORMATS = ['html', 'xlsx', 'csv', 'json', 'parquet'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** The formats written when --format is not given (Parquet on request). */
const DEFAULT_FORMATS: readonly ReportFormat[] = ['html', 'xlsx', 'csv', 'json'];

interface ReportOptions extends RunOptions {
  /** a base, or true for `--compare` without one (the scenario's parent) */
  compare?: string | true;
  county?: string;
  year: number;
  years?: number[];
  out: string;
  format: ReportFormat[];
  countyPages: boolean;
  quiet?: boolean;
  unit: MoneyUnit;
}

function parseUnit(value: string): MoneyUnit {
  const unit = parseMoneyUnit(value);
  if (!unit) throw new InvalidArgumentError(say(CLI_TEXT.badUnit));
  return unit;
}

function formatParser(lang: Lang): (value: string) => ReportFormat[] {
  return (value) => {
    const list = value.split(',').map((v) => v.trim().toLowerCase()).filter(Boolean);
    const bad = list.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
    if (bad.length || list.length === 0) throw new InvalidArgumentError(inLang(CLI_TEXT, lang).badFormats(REPORT_FORMATS.join(', '), bad.join(', ')));
    return [...new Set(list)] as ReportFormat[];
  };
}

/** fiscal-sim's version, from package.json. */
export function packageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return pkg && typeof pkg === 'object' && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

/** The counties --county names: codes or names, comma-separated, or 'all'; within the focus set. */
export function selectCounties(set: CountySet, query: string | undefined): number[] {
  if (query === undefined || query.trim() === 'all') return [...set.focus];
  const problems: Array<{ file: string; message: string }> = [];
  const out: number[] = [];
  for (const q of query.split(',').map((s) => s.trim()).filter(Boolean)) {
    const found = resolveCounty(q, set.counties, set.focus, basename(set.sources[0] ?? ''));
    if (found.index === undefined) problems.push({ file: '--county', message: found.problem ?? '' });
    else if (!out.includes(found.index)) out.push(found.index);
  }
  if (problems.length) throw new InputError(problems);
  return out;
}

const union = (...lists: ReadonlyArray<readonly number[]>): number[] => [...new Set(lists.flat())].sort((a, b) => a - b);

/** The report's language is the global --lang (src/i18n/lang.ts: --lang, FISCAL_SIM_LANG, the locale). */
export function registerReportCommand(program: Command, lang: Lang): void {
  const m = inLang(CLI_TEXT, lang);
  const cmd = program
    .command('report')
    .description(m.reportDescription)
    .option('--compare [base]', m.reportOptCompare)
    .option('--county <county>', m.reportOptCounty)
    .option('--year <year>', m.reportOptYear, parseYear, 2012)
    .option('--years <years>', m.reportOptYears, parseYears)
    .option('--out <dir>', m.optOut, DEFAULT_OUT)
    .option('--format <list>', m.reportOptFormat(REPORT_FORMATS.join(',')), formatParser(lang), [...DEFAULT_FORMATS])
    .option('--unit <unit>', m.reportOptUnit, parseUnit, 'yuan' as MoneyUnit)
    .option('--no-county-pages', m.reportOptNoCountyPages)
    .option('--quiet', m.reportOptQuiet);
  addInputOptions(cmd, lang).action(async (opts: ReportOptions) => {
    const started = performance.now();
    if (opts.county !== undefined && opts.province !== undefined) throw new InputError([{ file: '--county / --province', message: m.countyOrProvince }]);
    // loaded when the command runs, so that --help does not wait for them (charts and exceljs only for their formats, below)
    const { writeOutputSet } = await import('../report/atomicWrite.ts');
    const { ReportContext, ReportLayout } = await import('../report/html/context.ts');
    const { tidyMetadata, writeTidyFiles } = await import('../report/tidy/tidy.ts');
    const { runScenario } = await import('../simulation/runScenario.ts');
    const { compareRuns } = await import('../tables/comparison.ts');
    const { unchangedNote } = await import('../report/comparisonSummary.ts');
    const { summarize } = await import('../tables/summary.ts');
    const { loadInputs, scenarioArgument } = await import('../simulation/loadInputs.ts');
    const { changedYears, isParentOf, notParentNote, parentScenario } = await import('../scenarios/scenarioParent.ts');
    const { basePolicy, scenario, set, ownFigures } = loadInputs(opts);
    const log = (s: string): void => {
      if (!opts.quiet) process.stderr.write(`${s}\n`);
    };
    for (const n of set.notes) log(m.note(n));
    const selected = selectCounties(set, opts.county);
    const formats = new Set(opts.format);
    // the default base is the scenario's parent, over the years its own changes apply to
    const base: Scenario | undefined =
      typeof opts.compare === 'string' ? scenarioArgument(opts.compare, basePolicy) : opts.compare === true || opts.scenario !== undefined ? parentScenario(scenario, basePolicy) : undefined;
    const baseScenario = base && opts.basis ? { ...base, basis: opts.basis } : base;
    if (baseScenario) baseScenario.applyToCounties(set.counties);
    if (baseScenario && !isParentOf(baseScenario, scenario)) log(notParentNote(baseScenario, scenario));
    const year = opts.year;
    const tidyYears = opts.years ?? [year];
    const compareYears = opts.years ?? (baseScenario && isParentOf(baseScenario, scenario) ? changedYears(scenario) : union(scenario.years, [year]));
    const years = union([year], formats.has('csv') || formats.has('json') || formats.has('parquet') ? tidyYears : [], baseScenario ? compareYears : []);
    (await import('./yearCoverage.ts')).checkYears(years, scenario.policy);
    const runs = runScenario(scenario, set.counties, years, (y) => log(m.computingNamed(scenario.name, y)), ownFigures);
    const byYear = new Map(runs.map((r) => [r.year, r]));
    const run = byYear.get(year)!;
    let comparison: Comparison | undefined;
    if (baseScenario) {
      const baseRuns = runScenario(baseScenario, set.counties, compareYears, (y) => log(m.computingNamed(baseScenario.name, y)), ownFigures);
      comparison = compareRuns(baseRuns, compareYears.map((y) => byYear.get(y)!), selected);
      const zero = unchangedNote(comparison, 'zh', baseScenario.name, scenario.name);
      if (zero) log(`${zero} / ${unchangedNote(comparison, 'en', baseScenario.name, scenario.name)!}`);
    }
    const out = resolve(opts.out);
    const layout = new ReportLayout(year, scenario.name);
    const version = packageVersion();
    const meta: ReportMeta = {
      scenarioName: scenario.name,
      scenarioTitle: pickOr(lang, scenario.titleZh, scenario.title),
      basis: scenario.basis,
      version,
      countyFiles: set.sources.map((s) => basename(s)),
      notes: set.notes.map((n) => set.sources.reduce((text, s) => text.split(s).join(basename(s)), n)),
    };
    const written: string[] = [];

    if (formats.has('html')) {
      const { writeHtmlBatch } = await import('../report/html/batch.ts');
      const countyMode = opts.county !== undefined;
      const byProvince = new Map<string, number[]>();
      for (const i of selected) {
        const code = set.counties[i]!.provinceCode;
        (byProvince.get(code) ?? byProvince.set(code, []).get(code)!).push(i);
      }
      const countyPages = countyMode || opts.countyPages ? selected : [];
      const pages = {
        provinces: new Set(countyMode ? [] : byProvince.keys()),
        counties: new Set(countyPages.map((i) => set.counties[i]!.code)),
        index: !countyMode && byProvince.size > 1,
        ...(comparison && baseScenario ? { comparison: layout.comparison(baseScenario.name) } : {}),
      };
      const ctx = new ReportContext(lang, run, scenario.policy, meta, layout, pages);
      written.push(...writeHtmlBatch(ctx, {
        provinces: byProvince,
        counties: countyPages,
        ...(comparison && baseScenario ? { comparison: { data: comparison, baseName: baseScenario.name, baseTitle: pickOr(lang, baseScenario.titleZh, baseScenario.title), changes: scenario.changes, ...(scenario.changeValues ? { changeValues: scenario.changeValues } : {}), baseFiles: baseScenario.files.map((f) => basename(f)) } } : {}),
      }, out, { quiet: opts.quiet === true }));
    }
    if (formats.has('xlsx')) {
      const { writeWorkbookFile } = await import('../report/xlsx/workbook.ts');
      const done = await writeOutputSet((files) => writeWorkbookFile(files.tempFor(join(out, layout.workbook())), {
        lang, run, runs, policy: scenario.policy, selected, summary: summarize(run, selected), meta, unit: opts.unit,
        ...(comparison && baseScenario ? { comparison: { baseName: baseScenario.name, data: comparison } } : {}),
      }));
      written.push(...done.paths);
    }
    if (formats.has('csv') || formats.has('json') || formats.has('parquet')) {
      const tidyRuns: YearRun[] = tidyYears.map((y) => byYear.get(y)!);
      const paths = Object.fromEntries((['csv', 'json', 'parquet'] as const).filter((f) => formats.has(f)).map((f) => [f, join(out, layout.tidy(f, tidyYears))]));
      const countySet = set;
      const done = await writeOutputSet(async (set) => {
        const tidy = await writeTidyFiles(set, paths, tidyRuns, selected, scenario.name);
        const metadata = tidyMetadata({
          version, scenario, years: tidyYears, basis: scenario.basis, countyFiles: countySet.sources, countiesReported: selected.length, countiesComputed: countySet.counties.length,
          run: tidyRuns[0]!, files: tidy.files, rows: tidy.rows,
        });
        set.text(join(out, layout.tidyMetadata(tidyYears))).write(metadata);
      });
      written.push(...done.paths);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(m.reportDone(written.length, out, seconds, written.length <= 8 ? written.map((p) => basename(p)).join(lang === 'zh' ? '、' : ', ') : ''));
  });
}

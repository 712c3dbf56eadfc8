/**
 * `fiscal-sim report`: readable reports of the financing gaps — HTML pages (province,
 * county, comparison), an Excel workbook and tidy files for researchers. Loads and checks
 * everything first, runs the model, then hands the runs to the report writers.
 */
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { InputError } from '../input/inputError.ts';
import { writeOutputSet } from '../report/atomicWrite.ts';
import { writeHtmlBatch } from '../report/html/batch.ts';
import { ReportContext, ReportLayout, type ReportMeta } from '../report/html/context.ts';
import type { Lang } from '../report/html/labels.ts';
import { tidyMetadata, writeTidyFiles } from '../report/tidy/tidy.ts';
import { writeWorkbookFile } from '../report/xlsx/workbook.ts';
import { parseMoneyUnit, type MoneyUnit } from '../report/moneyUnits.ts';
import { runScenario, type Scenario } from '../scenarios/scenario.ts';
import type { YearRun } from '../simulation/runSimulation.ts';
import type { CountySet } from '../simulation/countySet.ts';
import { compareRuns, type Comparison } from '../tables/comparison.ts';
import { summarize } from '../tables/summary.ts';
import { addInputOptions, loadInputs, scenarioArgument, type RunOptions } from './commonOptions.ts';
import { DEFAULT_OUT } from './runCommand.ts';
import { parseYear, parseYears } from './yearOptions.ts';

export const REPORT_FORMATS = ['html', 'xlsx', 'csv', 'json', 'parquet'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** The formats written when --format is not given (Parquet on request). */
const DEFAULT_FORMATS: readonly ReportFormat[] = ['html', 'xlsx', 'csv', 'json'];

interface ReportOptions extends RunOptions {
  compare?: string;
  county?: string;
  year: number;
  years?: number[];
  out: string;
  format: ReportFormat[];
  lang: Lang;
  countyPages: boolean;
  quiet?: boolean;
  unit: MoneyUnit;
}

function parseUnit(value: string): MoneyUnit {
  const unit = parseMoneyUnit(value);
  if (!unit) throw new InvalidArgumentError('use yuan, wan or yi (元, 万元 or 亿元) / 可选 元、万元、亿元');
  return unit;
}

function parseFormats(value: string): ReportFormat[] {
  const list = value.split(',').map((v) => v.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (bad.length || list.length === 0) throw new InvalidArgumentError(`use one or more of ${REPORT_FORMATS.join(', ')} separated by commas${bad.length ? ` (not ${bad.join(', ')})` : ''}`);
  return [...new Set(list)] as ReportFormat[];
}

function parseLang(value: string): Lang {
  if (value !== 'zh' && value !== 'en') throw new InvalidArgumentError('use zh or en');
  return value;
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
    const matches = set.focus.filter((i) => set.counties[i]!.code === q || set.counties[i]!.name === q);
    if (matches.length === 0) problems.push({ file: '--county', message: `no county with code or name "${q}" in ${basename(set.sources[0] ?? '')}` });
    else if (matches.length > 1) problems.push({ file: '--county', message: `"${q}" matches ${matches.length} counties: ${matches.map((i) => `${set.counties[i]!.code} ${set.counties[i]!.name} (${set.counties[i]!.prefecture})`).join('; ')}; give the code` });
    else if (!out.includes(matches[0]!)) out.push(matches[0]!);
  }
  if (problems.length) throw new InputError(problems);
  return out;
}

const union = (...lists: ReadonlyArray<readonly number[]>): number[] => [...new Set(lists.flat())].sort((a, b) => a - b);

export function registerReportCommand(program: Command): void {
  const cmd = program
    .command('report')
    .description('readable reports: HTML pages (province, county, scenario comparison) with charts, an Excel workbook, and tidy CSV/JSON for researchers')
    .option('--compare <base>', "compare the scenario with BASE ('baseline' or a scenario file); with --scenario the default base is the baseline")
    .option('--county <county>', "county report(s) only: a code (440103) or name, several separated by commas, or 'all'")
    .option('--year <year>', 'year of the province, county and workbook reports', parseYear, 2012)
    .option('--years <years>', 'years of the tidy files and of the comparison by year (default: the report year; the scenario\'s years for a comparison)', parseYears)
    .option('--out <dir>', 'output folder', DEFAULT_OUT)
    .option('--format <list>', `formats to write / 输出格式: ${REPORT_FORMATS.join(',')} (default / 默认 ${DEFAULT_FORMATS.join(',')}; parquet = the tidy rows as Apache Parquet / 整洁长表的 Parquet 文件)`, parseFormats, [...DEFAULT_FORMATS])
    .option('--lang <lang>', 'language of labels: zh or en', parseLang, 'zh' as Lang)
    .option('--unit <unit>', 'workbook display unit / 工作簿金额单位: yuan|wan|yi (元|万元|亿元); wan and yi add a column in that unit beside each exact yuan column', parseUnit, 'yuan' as MoneyUnit)
    .option('--no-county-pages', 'HTML: province pages only, no page per county')
    .option('--quiet', 'no progress output');
  addInputOptions(cmd).action(async (opts: ReportOptions) => {
    const started = performance.now();
    if (opts.county !== undefined && opts.province !== undefined) throw new InputError([{ file: '--county / --province', message: 'give either --county or --province, not both' }]);
    const { basePolicy, scenario, set } = loadInputs(opts);
    const log = (s: string): void => {
      if (!opts.quiet) process.stderr.write(`${s}\n`);
    };
    for (const n of set.notes) log(`note: ${n}`);
    const selected = selectCounties(set, opts.county);
    const formats = new Set(opts.format);
    const base: Scenario | undefined = opts.compare !== undefined || opts.scenario !== undefined ? scenarioArgument(opts.compare ?? 'baseline', basePolicy) : undefined;
    const baseScenario = base && opts.basis ? { ...base, basis: opts.basis } : base;
    if (baseScenario) baseScenario.applyToCounties(set.counties);
    const year = opts.year;
    const tidyYears = opts.years ?? [year];
    const compareYears = opts.years ?? union(scenario.years, [year]);
    const years = union([year], formats.has('csv') || formats.has('json') || formats.has('parquet') ? tidyYears : [], baseScenario ? compareYears : []);
    const runs = runScenario(scenario, set.counties, years, (y) => log(`computing ${scenario.name} ${y}…`));
    const byYear = new Map(runs.map((r) => [r.year, r]));
    const run = byYear.get(year)!;
    let comparison: Comparison | undefined;
    if (baseScenario) {
      const baseRuns = runScenario(baseScenario, set.counties, compareYears, (y) => log(`computing ${baseScenario.name} ${y}…`));
      comparison = compareRuns(baseRuns, compareYears.map((y) => byYear.get(y)!), selected);
    }
    const out = resolve(opts.out);
    const layout = new ReportLayout(year, scenario.name);
    const version = packageVersion();
    const meta: ReportMeta = {
      scenarioName: scenario.name,
      scenarioTitle: scenario.title,
      basis: scenario.basis,
      version,
      countyFiles: set.sources.map((s) => basename(s)),
      notes: set.notes.map((n) => set.sources.reduce((text, s) => text.split(s).join(basename(s)), n)),
    };
    const written: string[] = [];

    if (formats.has('html')) {
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
      const ctx = new ReportContext(opts.lang, run, scenario.policy, meta, layout, pages);
      written.push(...writeHtmlBatch(ctx, {
        provinces: byProvince,
        counties: countyPages,
        ...(comparison && baseScenario ? { comparison: { data: comparison, baseName: baseScenario.name, baseTitle: baseScenario.title, changes: scenario.changes } } : {}),
      }, out, { quiet: opts.quiet === true }));
    }
    if (formats.has('xlsx')) {
      const done = await writeOutputSet((files) => writeWorkbookFile(files.tempFor(join(out, layout.workbook())), {
        lang: opts.lang, run, runs, policy: scenario.policy, selected, summary: summarize(run, selected), meta, unit: opts.unit,
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
    log(`wrote ${written.length} file(s) to ${out} in ${seconds} s${written.length <= 8 ? `: ${written.map((p) => basename(p)).join(', ')}` : ''}`);
  });
}

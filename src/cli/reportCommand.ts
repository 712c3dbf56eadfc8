/**
 * `fiscal-sim report`: readable reports of the financing gaps — HTML pages (province,
 * county, comparison), an Excel workbook and tidy files for researchers. Loads and checks
 * everything first, runs the model, then hands the runs to the report writers.
 */
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { InputError } from '../input/inputError.ts';
import { writeFilesAtomically, type OutputFile } from '../report/atomicWrite.ts';
import { writeHtmlBatch } from '../report/html/batch.ts';
import { ReportContext, ReportLayout, type ReportMeta } from '../report/html/context.ts';
import type { Lang } from '../i18n/lang.ts';
import { inLang, pickOr } from '../i18n/text.ts';
import { CLI_TEXT } from './cliText.ts';
import { tidyFiles, tidyMetadata } from '../report/tidy/tidy.ts';
import { buildWorkbook } from '../report/xlsx/workbook.ts';
import { runScenario, type Scenario } from '../scenarios/scenario.ts';
import type { YearRun } from '../simulation/runSimulation.ts';
import type { CountySet } from '../simulation/countySet.ts';
import { compareRuns, type Comparison } from '../tables/comparison.ts';
import { summarize } from '../tables/summary.ts';
import { addInputOptions, loadInputs, scenarioArgument, type RunOptions } from './commonOptions.ts';
import { DEFAULT_OUT } from './runCommand.ts';
import { parseYear, parseYears } from './yearOptions.ts';

export const REPORT_FORMATS = ['html', 'xlsx', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

interface ReportOptions extends RunOptions {
  compare?: string;
  county?: string;
  year: number;
  years?: number[];
  out: string;
  format: ReportFormat[];
  countyPages: boolean;
  quiet?: boolean;
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
    const matches = set.focus.filter((i) => set.counties[i]!.code === q || set.counties[i]!.name === q);
    if (matches.length === 0) problems.push({ file: '--county', message: `no county with code or name "${q}" in ${basename(set.sources[0] ?? '')}` });
    else if (matches.length > 1) problems.push({ file: '--county', message: `"${q}" matches ${matches.length} counties: ${matches.map((i) => `${set.counties[i]!.code} ${set.counties[i]!.name} (${set.counties[i]!.prefecture})`).join('; ')}; give the code` });
    else if (!out.includes(matches[0]!)) out.push(matches[0]!);
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
    .option('--compare <base>', m.reportOptCompare)
    .option('--county <county>', m.reportOptCounty)
    .option('--year <year>', m.reportOptYear, parseYear, 2012)
    .option('--years <years>', m.reportOptYears, parseYears)
    .option('--out <dir>', m.optOut, DEFAULT_OUT)
    .option('--format <list>', m.reportOptFormat(REPORT_FORMATS.join(',')), formatParser(lang), [...REPORT_FORMATS])
    .option('--no-county-pages', m.reportOptNoCountyPages)
    .option('--quiet', m.reportOptQuiet);
  addInputOptions(cmd, lang).action(async (opts: ReportOptions) => {
    const started = performance.now();
    if (opts.county !== undefined && opts.province !== undefined) throw new InputError([{ file: '--county / --province', message: m.countyOrProvince }]);
    const { basePolicy, scenario, set } = loadInputs(opts);
    const log = (s: string): void => {
      if (!opts.quiet) process.stderr.write(`${s}\n`);
    };
    for (const n of set.notes) log(m.note(n));
    const selected = selectCounties(set, opts.county);
    const formats = new Set(opts.format);
    const base: Scenario | undefined = opts.compare !== undefined || opts.scenario !== undefined ? scenarioArgument(opts.compare ?? 'baseline', basePolicy) : undefined;
    const baseScenario = base && opts.basis ? { ...base, basis: opts.basis } : base;
    if (baseScenario) baseScenario.applyToCounties(set.counties);
    const year = opts.year;
    const tidyYears = opts.years ?? [year];
    const compareYears = opts.years ?? union(scenario.years, [year]);
    const years = union([year], formats.has('csv') || formats.has('json') ? tidyYears : [], baseScenario ? compareYears : []);
    const runs = runScenario(scenario, set.counties, years, (y) => log(m.computingNamed(scenario.name, y)));
    const byYear = new Map(runs.map((r) => [r.year, r]));
    const run = byYear.get(year)!;
    let comparison: Comparison | undefined;
    if (baseScenario) {
      const baseRuns = runScenario(baseScenario, set.counties, compareYears, (y) => log(m.computingNamed(baseScenario.name, y)));
      comparison = compareRuns(baseRuns, compareYears.map((y) => byYear.get(y)!), selected);
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
    const write = (files: OutputFile[]): void => {
      writeFilesAtomically(files);
      written.push(...files.map((f) => f.path));
    };

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
      const ctx = new ReportContext(lang, run, scenario.policy, meta, layout, pages);
      written.push(...writeHtmlBatch(ctx, {
        provinces: byProvince,
        counties: countyPages,
        ...(comparison && baseScenario ? { comparison: { data: comparison, baseName: baseScenario.name, baseTitle: pickOr(lang, baseScenario.titleZh, baseScenario.title), changes: scenario.changes } } : {}),
      }, out, { quiet: opts.quiet === true }));
    }
    if (formats.has('xlsx')) {
      const bytes = await buildWorkbook({
        lang, run, policy: scenario.policy, selected, summary: summarize(run, selected), meta,
        ...(comparison && baseScenario ? { comparison: { baseName: baseScenario.name, data: comparison } } : {}),
      });
      write([{ path: join(out, layout.workbook()), content: bytes }]);
    }
    if (formats.has('csv') || formats.has('json')) {
      const tidyRuns: YearRun[] = tidyYears.map((y) => byYear.get(y)!);
      const tidy = tidyFiles(tidyRuns, selected, scenario.name, { csv: formats.has('csv'), json: formats.has('json') });
      const files: Array<{ name: string; format: string; content: Uint8Array }> = [];
      if (formats.has('csv')) files.push({ name: layout.tidy('csv', tidyYears), format: 'csv', content: tidy.csv });
      if (formats.has('json')) files.push({ name: layout.tidy('json', tidyYears), format: 'json (array of records)', content: tidy.json });
      const metadata = tidyMetadata({
        version, scenario, years: tidyYears, basis: scenario.basis, countyFiles: set.sources, countiesReported: selected.length, countiesComputed: set.counties.length,
        run: tidyRuns[0]!, files, rows: tidy.rows,
      });
      write([...files.map((f) => ({ path: join(out, f.name), content: f.content })), { path: join(out, layout.tidyMetadata(tidyYears)), content: metadata }]);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(m.reportDone(written.length, out, seconds, written.length <= 8 ? written.map((p) => basename(p)).join(', ') : ''));
  });
}

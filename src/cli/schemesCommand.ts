/**
 * `fiscal-sim schemes SCENARIO [--pool AMOUNT] [--schemes a,b,c]`: transfer schemes compared in
 * the province → county stage of the equalization transfer, each spending the same provincial
 * pools (exact money; see docs/schemes.md).
 */
import { basename, join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { parseYuan, parseFen } from '../analysis/amounts.ts';
import { formatLimit, MAX_AMOUNT_YUAN } from '../input/fileLimits.ts';
import { SCHEME_IDS } from '../model/transfers/schemes/schemeIds.ts';
import { addInputOptions, DEFAULT_OUT, type RunOptions } from './commonOptions.ts';
import { parseYear } from './yearOptions.ts';
import type { Lang } from '../i18n/lang.ts';
import { inLang } from '../i18n/text.ts';
import { CLI_TEXT } from './cliText.ts';
import { METHOD_NOTES } from '../i18n/methodNotes.ts';

interface SchemesCommandOptions extends RunOptions {
  pool?: number;
  schemes: string;
  year: number;
  out: string;
  quiet?: boolean;
}

export function registerSchemesCommand(program: Command, lang: Lang): void {
  const m = inLang(CLI_TEXT, lang);
  const parsePool = (value: string): number => {
    const yuan = parseYuan(value);
    if (yuan !== undefined && yuan > MAX_AMOUNT_YUAN) throw new InvalidArgumentError(m.poolTooLarge(value, formatLimit(MAX_AMOUNT_YUAN)));
    const fen = parseFen(value);
    if (fen === undefined || fen < 0) throw new InvalidArgumentError(m.notAnAmount(value));
    return fen;
  };
  const cmd = program
    .command('schemes')
    .description(m.schemesDescription)
    .argument('<scenario>', m.schemesArgScenario)
    .option('--pool <amount>', m.schemesOptPool, parsePool)
    .option('--schemes <ids>', m.schemesOptSchemes(SCHEME_IDS.join(', ')), 'all')
    .option('--year <year>', m.optYear, parseYear, 2012)
    .option('--out <dir>', m.optOut, DEFAULT_OUT)
    .option('--quiet', m.optQuietTable);
  addInputOptions(cmd, lang, { scenarioOption: false }).action(async (scenarioArg: string, opts: SchemesCommandOptions) => {
    // loaded when the command runs, so that --help does not wait for them
    const { loadAnalysisInputs } = await import('../analysis/analysisInputs.ts');
    const { compareSchemes, runSchemes } = await import('../analysis/schemeComparison.ts');
    const { parseSchemeList } = await import('../scenarios/schemeData.ts');
    const { comparisonChart, comparisonChartTitle, countyRows, formatComparison, SCHEME_COUNTY_COLUMNS, SCHEME_SUMMARY_COLUMNS, summaryRows } = await import('../analysis/schemeReport.ts');
    const { firstYearRun } = await import('../analysis/yearSequence.ts');
    const { describeSource: describeSourceIn } = await import('../i18n/sources.ts');
    const { schemeName } = await import('../i18n/schemeNames.ts');
    const { fenToYuanString } = await import('../model/money.ts');
    const { writeFilesAtomically } = await import('../report/atomicWrite.ts');
    const { toCsv } = await import('../report/csv.ts');
    const { resolveScheme } = await import('../scenarios/schemeSchema.ts');
    const inputs = loadAnalysisInputs(scenarioArg, opts);
    const { scenario, set } = inputs;
    const ids = parseSchemeList(opts.schemes);
    (await import('./yearCoverage.ts')).checkYears([opts.year], scenario.policy);
    for (const n of set.notes) process.stderr.write(`${m.note(n)}\n`);
    const configs = ids.map((id) => (inputs.scheme?.id === id ? inputs.scheme : resolveScheme({ name: id }, inputs.schemeDefaults)));
    const titles = Object.fromEntries(configs.map((c) => [c.id, inputs.schemeDefaults.get(c.id)?.title ?? c.id]));
    const { runs, counties } = runSchemes({
      policy: scenario.policy,
      counties: inputs.counties,
      basis: scenario.basis,
      year: opts.year,
      scenarioScheme: inputs.scheme,
      schemes: configs,
      titles,
      ...(opts.pool !== undefined ? { equalizationPoolYuan: opts.pool / 100 } : {}),
    });
    const comparison = compareSchemes(opts.year, counties, set.focus, runs);
    const statusQuo = runs.find((r) => r.name === 'status_quo')!.result;
    const rows = set.focus.map((i) => statusQuo.counties[i]!);
    const first = firstYearRun(scenario.policy, [opts.year]);
    const label = opts.province ? m.schemesWhereProvince(inputs.counties[set.focus[0]!]!.province) : m.schemesWhereFile(basename(set.sources[0]!));
    const meta = {
      command: 'schemes',
      scenario: { name: scenario.name, title: scenario.title, files: scenario.files.map((f) => basename(f)) },
      year: opts.year,
      central_pool_yuan: fenToYuanString(comparison.centralPoolFen),
      central_pool_from: opts.pool !== undefined ? '--pool (every year, every scheme)' : 'the scenario',
      county_pool_yuan: fenToYuanString(comparison.countyPoolFen),
      counties_files: set.sources.map((f) => basename(f)),
      counties_compared: set.focus.length,
      counties_computed: inputs.counties.length,
      stage: METHOD_NOTES.schemesStage,
      growth_control: first < opts.year ? METHOD_NOTES.schemesGrowthControl(first) : METHOD_NOTES.schemesNoGrowthControl,
      money: METHOD_NOTES.schemesMoney,
      measures: METHOD_NOTES.schemesMeasures,
      who_pays: METHOD_NOTES.schemesWhoPays,
      schemes: configs.map((c) => {
        const data = inputs.schemeDefaults.get(c.id)!;
        return {
          id: c.id,
          title: data.title,
          formula: data.formula,
          name_zh: schemeName(c.id, 'zh'),
          source: { zh: describeSourceIn(data.source, 'zh'), en: describeSourceIn(data.source, 'en') },
          settings: Object.fromEntries(
            Object.entries(c.settings as Readonly<Record<string, number | null>>).map(([k, v]) => {
              const d = data.settings[k];
              return [k, { value: v, source: d && d.value === v ? { zh: describeSourceIn(d.source, 'zh'), en: describeSourceIn(d.source, 'en') } : METHOD_NOTES.scenarioSetting(scenario.name) }];
            }),
          ),
        };
      }),
    };
    const out = resolve(opts.out);
    const files = [
      { path: join(out, 'schemes.csv'), content: toCsv(SCHEME_SUMMARY_COLUMNS, summaryRows(comparison, lang)) },
      {
        path: join(out, 'schemes_counties.csv'),
        content: toCsv(SCHEME_COUNTY_COLUMNS, countyRows(comparison, counties, rows.map((r) => r.population))),
      },
      { path: join(out, 'schemes.json'), content: `${JSON.stringify(meta, null, 2)}\n` },
      { path: join(out, 'schemes.svg'), content: comparisonChart(comparison, comparisonChartTitle(comparison, label, lang), lang) },
    ];
    writeFilesAtomically(files);
    if (!opts.quiet) process.stdout.write(`${formatComparison(comparison, label, lang)}\n`);
    process.stderr.write(`${m.wroteList(files.map((f) => basename(f.path)).join(lang === 'zh' ? '、' : ', '), out)}\n`);
  });
}

/**
 * `fiscal-sim sweep SCENARIO --vary name=from:to:steps [--vary name=v1,v2,…]`: the measures
 * at every point of a one- or two-parameter grid (analytic path), as a table and a chart.
 */
import { say } from '../i18n/messageLang.ts';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { LineDatum } from '../analysis/charts.ts';
import type { Axis } from '../analysis/sweep.ts';
import { SWEEP_PARAMETERS } from '../analysis/sweepParameters.ts';
import { InputError } from '../input/inputError.ts';
import type { Row } from '../tables/countyTable.ts';
import { addInputOptions, DEFAULT_OUT, type RunOptions } from './commonOptions.ts';
import type { Lang } from '../i18n/lang.ts';
import { inLang } from '../i18n/text.ts';
import { displayWidth } from './commanderText.ts';
import { CLI_TEXT } from './cliText.ts';
import { parseYears } from './yearOptions.ts';
import { METHOD_NOTES } from '../i18n/methodNotes.ts';

interface SweepCommandOptions extends RunOptions {
  vary: string[];
  year: number[];
  scheme?: string;
  out: string;
  quiet?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function fmt(m: string, x: number): string {
  if (!Number.isFinite(x)) return '';
  if (m === 'counties_in_gap') return String(Math.round(x));
  if (/pays|gap|shortfall|unfunded|residents/.test(m)) return x.toFixed(0);
  return x.toFixed(6);
}

export function registerSweepCommand(program: Command, lang: Lang): void {
  const m = inLang(CLI_TEXT, lang);
  const cmd = program
    .command('sweep')
    .description(m.sweepDescription(Object.keys(SWEEP_PARAMETERS).join(', ')))
    .argument('<scenario>', m.argScenario)
    .requiredOption('--vary <axis>', m.sweepOptVary, collect)
    .option('--year <years>', m.sweepOptYear, parseYears, [2012])
    .option('--scheme <id>', m.optScheme)
    .option('--out <dir>', m.optOut, DEFAULT_OUT)
    .option('--quiet', m.optQuietTable);
  addInputOptions(cmd, lang, { scenarioOption: false }).action(async (scenarioArg: string, opts: SweepCommandOptions) => {
    // loaded when the command runs, so that --help does not wait for them
    const { loadAnalysisInputs } = await import('../analysis/analysisInputs.ts');
    const { linePanels } = await import('../analysis/charts.ts');
    const { EvaluationScratch, evaluatePoint, IX, YEAR_MEASURES } = await import('../analysis/evaluate.ts');
    const { buildLinearModel } = await import('../analysis/linearModel.ts');
    const { parseSchemeSection, schemeConfig } = await import('../scenarios/schemeData.ts');
    const { axisDomains, checkSchemeAxes, parseAxis, runSweep, SweepError } = await import('../analysis/sweep.ts');
    const { writeFilesAtomically } = await import('../report/atomicWrite.ts');
    const { toCsv } = await import('../report/csv.ts');
    let axes: Axis[];
    try {
      if (opts.vary.length > 2) throw new SweepError(say({ zh: '--vary 只能给一次或两次', en: 'give --vary once or twice' }));
      axes = opts.vary.map(parseAxis);
      if (axes.length === 2 && axes[0]!.name === axes[1]!.name) throw new SweepError(say({ zh: `${axes[0]!.name} 被给了两次`, en: `${axes[0]!.name} is varied twice` }));
    } catch (e) {
      if (e instanceof SweepError) throw new InputError([{ file: '--vary', message: e.message }]);
      throw e;
    }
    const inputs = loadAnalysisInputs(scenarioArg, opts);
    const { scenario, set } = inputs;
    (await import('./yearCoverage.ts')).checkYears(opts.year, scenario.policy);
    const scheme = opts.scheme ? schemeConfig(parseSchemeSection(opts.scheme, '--scheme'), inputs.schemeDefaults, '--scheme') : inputs.scheme;
    try {
      checkSchemeAxes(axes, scheme);
    } catch (e) {
      if (e instanceof SweepError) throw new InputError([{ file: '--vary', message: e.message }]);
      throw e;
    }
    const domains = new Set(scenario.policy.domains.map((d) => d.domain as string));
    for (const d of axisDomains(axes)) if (!domains.has(d)) throw new InputError([{ file: '--vary', message: say({ zh: `未知领域 ${d}（可用领域：${[...domains].join('、')}）`, en: `unknown domain ${d} (domains: ${[...domains].join(', ')})` }) }]);
    for (const n of set.notes) process.stderr.write(`${m.note(n)}\n`);
    const t0 = performance.now();
    const model = buildLinearModel({ policy: scenario.policy, counties: inputs.counties, basis: scenario.basis, years: opts.year, focus: set.focus, groups: axisDomains(axes), scheme });
    const at = new EvaluationScratch(model);
    evaluatePoint(model, {}, at);
    const points = runSweep(model, axes);
    const seconds = (performance.now() - t0) / 1000;

    const columns = [...axes.map((a) => a.name), 'year', ...YEAR_MEASURES];
    const rows: Row[] = [];
    for (const p of points) {
      model.years.forEach((year, y) => {
        const row: Row = { year };
        axes.forEach((a, i) => (row[a.name] = p.values[i]!));
        YEAR_MEASURES.forEach((m, k) => (row[m] = fmt(m, p.measures[y]![k]!)));
        rows.push(row);
      });
    }
    const scenarioRows: Row[] = model.years.map((year, y) => {
      const row: Row = { year };
      YEAR_MEASURES.forEach((m, k) => (row[m] = fmt(m, at.measures[y]![k]!)));
      return row;
    });
    const last = model.years.length - 1;
    const panels: Array<[number, string]> = [[IX.gini, m.sweepPanels.gini], [IX.theil, m.sweepPanels.theil], [IX.counties_in_gap, m.sweepPanels.counties_in_gap], [IX.shortfall, m.sweepPanels.shortfall], [IX.central_pays, m.sweepPanels.central_pays], [IX.unfunded, m.sweepPanels.unfunded]];
    const lineData: LineDatum[] = [];
    const xScale = SWEEP_PARAMETERS[axes[0]!.name]?.kind === 'money' ? 1e8 : 1;
    for (const p of points) {
      for (const [k, label] of panels) {
        const scale = /亿元/.test(label) ? 1e8 : 1;
        const series = axes.length === 2 ? `${axes[1]!.name}=${p.values[1]}` : String(model.years[last]);
        lineData.push({ x: p.values[0]! / xScale, y: p.measures[last]![k]! / scale, series, panel: label });
      }
    }
    const out = resolve(opts.out);
    const meta = {
      command: 'sweep',
      scenario: { name: scenario.name, title: scenario.title, files: scenario.files.map((f) => basename(f)) },
      axes: axes.map((a) => ({ ...a, description: a.name.startsWith('scheme.') ? METHOD_NOTES.schemeSetting(scheme?.id ?? '') : { zh: SWEEP_PARAMETERS[a.name.split('.')[0]!]!.description_zh, en: SWEEP_PARAMETERS[a.name.split('.')[0]!]!.description } })),
      years: opts.year,
      scheme: scheme ?? METHOD_NOTES.engineDefaultScheme,
      counties_files: set.sources.map((f) => basename(f)),
      counties_reported: set.focus.length,
      counties_computed: inputs.counties.length,
      arithmetic: METHOD_NOTES.sweepArithmetic,
      measures: METHOD_NOTES.sweepMeasures,
      scenario_values: scenarioRows,
    };
    const files = [
      { path: join(out, 'sweep.csv'), content: toCsv(columns, rows) },
      { path: join(out, 'sweep.json'), content: `${JSON.stringify(meta, null, 2)}\n` },
      { path: join(out, 'sweep.svg'), content: linePanels(lineData, xScale === 1 ? axes[0]!.name : m.sweepAxisYi(axes[0]!.name), m.sweepChartTitle(axes.map((a) => a.name).join(' × '), scenario.name, model.years[last]!)) },
    ];
    writeFilesAtomically(files);
    if (!opts.quiet) {
      const show = ['gini', 'theil', 'theil_between', 'theil_within', 'counties_in_gap', 'shortfall'] as const;
      const w = axes.map((a) => Math.max(14, a.name.length + 2));
      const padStart = (s: string, width: number): string => ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
      const lines = [`${axes.map((a, i) => padStart(a.name, w[i]!)).join('')}${padStart(m.sweepYear, 6)}${show.map((k) => padStart(m.sweepColumns[k], 16)).join('')}`];
      for (const r of rows) lines.push(`${axes.map((a, i) => String(r[a.name]).padStart(w[i]!)).join('')}${String(r['year']).padStart(6)}${show.map((k) => String(r[k]).padStart(16)).join('')}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    process.stderr.write(`${m.sweepDone(points.length, model.years.length, inputs.counties.length, seconds.toFixed(2), out)}\n`);
  });
}

/**
 * `fiscal-sim montecarlo SCENARIO`: uncertainty on growth, revenue, coverage and costs (the
 * scenario's `uncertainty:` section, else data/uncertainty/default.yaml), drawn on worker
 * threads from a seeded generator: per county the quantiles of the gap and the probability of
 * a gap; per year the quantiles of the equalization measures.
 */
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { LinearModel } from '../analysis/linearModel.ts';
import type { County } from '../model/county.ts';
import type { MonteCarloResult } from '../analysis/montecarlo/runMonteCarlo.ts';
import type { OutputFile } from '../report/atomicWrite.ts';
import { addInputOptions, DEFAULT_OUT, type RunOptions } from './commonOptions.ts';
import type { Lang } from '../i18n/lang.ts';
import { inLang } from '../i18n/text.ts';
import { CLI_TEXT } from './cliText.ts';
import { say } from '../i18n/messageLang.ts';
import { parseYears } from './yearOptions.ts';
import { METHOD_NOTES } from '../i18n/methodNotes.ts';

interface MonteCarloCommandOptions extends RunOptions {
  year?: number[];
  draws?: number;
  seed?: number;
  workers: number;
  scheme?: string;
  out: string;
  quiet?: boolean;
  progress: boolean;
}

function positiveInt(what: string, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > max) throw new InvalidArgumentError(say(CLI_TEXT.wholeNumber)(what, max));
    return n;
  };
}

export const DEFAULT_WORKERS = Math.max(1, Math.min(availableParallelism(), 8));

export function registerMontecarloCommand(program: Command, lang: Lang): void {
  const m = inLang(CLI_TEXT, lang);
  const cmd = program
    .command('montecarlo')
    .description(m.montecarloDescription)
    .argument('<scenario>', m.argScenario)
    .option('--year <years>', m.mcOptYear, parseYears)
    .option('--draws <n>', m.mcOptDraws, positiveInt('--draws', 1_000_000))
    .option('--seed <n>', m.mcOptSeed, positiveInt('--seed', 2 ** 32 - 1))
    .option('--workers <n>', m.mcOptWorkers, positiveInt('--workers', 64), DEFAULT_WORKERS)
    .option('--scheme <id>', m.optScheme)
    .option('--out <dir>', m.optOut, DEFAULT_OUT)
    .option('--quiet', m.mcOptQuiet)
    .option('--no-progress', m.mcOptNoProgress);
  addInputOptions(cmd, lang, { scenarioOption: false }).action(async (scenarioArg: string, opts: MonteCarloCommandOptions) => {
    // loaded when the command runs, so that --help does not wait for them
    const { default: cliProgress } = await import('cli-progress');
    const { loadAnalysisInputs, loadUncertainty } = await import('../analysis/analysisInputs.ts');
    const { EvaluationScratch, evaluatePoint } = await import('../analysis/evaluate.ts');
    const { buildLinearModel } = await import('../analysis/linearModel.ts');
    const { domainsOf } = await import('../analysis/montecarlo/plan.ts');
    const { RETIRED_PARAMETERS } = await import('../analysis/montecarlo/parameters.ts');
    const { countyColumns, countyRows, measureColumns, measureRows, monteCarloChart, variablesMetadata } = await import('../analysis/montecarlo/report.ts');
    const { runMonteCarlo } = await import('../analysis/montecarlo/runMonteCarlo.ts');
    const { parseSchemeSection, schemeConfig } = await import('../scenarios/schemeData.ts');
    const { writeFilesAtomically } = await import('../report/atomicWrite.ts');
    const { toCsv } = await import('../report/csv.ts');
    const inputs = loadAnalysisInputs(scenarioArg, opts);
    const { scenario, set } = inputs;
    const uncertainty = loadUncertainty(inputs);
    const spec = { ...uncertainty.spec, ...(opts.draws !== undefined ? { draws: Math.max(1, opts.draws) } : {}), ...(opts.seed !== undefined ? { seed: opts.seed } : {}) };
    const scheme = opts.scheme ? schemeConfig(parseSchemeSection(opts.scheme, '--scheme'), inputs.schemeDefaults, '--scheme') : inputs.scheme;
    const years = opts.year ?? [...scenario.years];
    (await import('./yearCoverage.ts')).checkYears(years, scenario.policy);
    for (const n of set.notes) process.stderr.write(`${m.note(n)}\n`);

    const t0 = performance.now();
    process.stderr.write(`${m.mcPrecomputing(inputs.counties.length, years.length)}\n`);
    const model = buildLinearModel({ policy: scenario.policy, counties: inputs.counties, basis: scenario.basis, years, focus: set.focus, groups: domainsOf(spec), scheme });
    const ignored = spec.variables.filter((v) => RETIRED_PARAMETERS.includes(v.parameter)).map((v) => v.parameter);
    for (const p of ignored) process.stderr.write(`${m.note(m.mcRetired(p, basename(uncertainty.from)))}\n`);
    const scenarioPoint = new EvaluationScratch(model);
    evaluatePoint(model, {}, scenarioPoint);
    const t1 = performance.now();

    const bar = opts.progress && process.stderr.isTTY ? new cliProgress.SingleBar({ format: m.mcProgressFormat, stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic) : undefined;
    let drawing = false;
    const result = await runMonteCarlo(model, spec, {
      workers: opts.workers,
      onProgress: (p, done, total) => {
        if (!bar) return;
        if (p === 'draws') {
          if (!drawing) bar.start(total, done, { phase: m.mcPhaseDraws });
          else bar.update(done);
          drawing = true;
        } else if (drawing) {
          bar.stop();
          drawing = false;
          process.stderr.write(`${m.mcSummarizing}\n`);
        }
      },
    });
    bar?.stop();
    const t2 = performance.now();

    const counties = inputs.counties;
    const meta = {
      command: 'montecarlo',
      scenario: { name: scenario.name, title: scenario.title, files: scenario.files.map((f) => basename(f)) },
      uncertainty_from: basename(uncertainty.from),
      years,
      seed: spec.seed,
      draws: spec.draws,
      quantiles: spec.quantiles,
      variables: variablesMetadata(spec),
      ignored_variables: result.plan.ignored,
      scheme: scheme ?? METHOD_NOTES.engineDefaultScheme,
      counties_files: set.sources.map((f) => basename(f)),
      counties_reported: result.plan.focus.length,
      counties_computed: counties.length,
      arithmetic: METHOD_NOTES.montecarloArithmetic,
      reproducibility: METHOD_NOTES.montecarloReproducibility,
      semantics: METHOD_NOTES.montecarloSemantics,
      measures: METHOD_NOTES.montecarloMeasures,
    };
    const out = resolve(opts.out);
    const files: OutputFile[] = [
      { path: join(out, 'montecarlo_counties.csv'), content: toCsv(countyColumns(spec.quantiles), countyRows(result, model, counties)) },
      { path: join(out, 'montecarlo_measures.csv'), content: toCsv(measureColumns(spec.quantiles), measureRows(result, model, scenarioPoint.measures)) },
      { path: join(out, 'montecarlo.json'), content: `${JSON.stringify(meta, null, 2)}\n` },
    ];
    const chart = monteCarloChart(result, model, m.mcChartTitle(scenario.name, spec.draws, spec.seed), lang);
    if (chart) files.push({ path: join(out, 'montecarlo.svg'), content: chart });
    writeFilesAtomically(files);

    if (!opts.quiet) process.stdout.write(`${await formatMonteCarlo(result, model, counties, spec.quantiles, lang)}\n`);
    process.stderr.write(
      `${m.mcDone(((t1 - t0) / 1000).toFixed(2), spec.draws, years.length, counties.length, ((t2 - t1) / 1000).toFixed(2), opts.workers, files.map((f) => basename(f.path)).join(lang === 'zh' ? '、' : ', '), out)}\n`,
    );
  });
}

async function formatMonteCarlo(result: MonteCarloResult, model: LinearModel, counties: readonly County[], quantiles: readonly number[], lang: Lang): Promise<string> {
  const m = inLang(CLI_TEXT, lang);
  const { displayWidth } = await import('./commanderText.ts');
  const padStart = (s: string, width: number): string => ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
  const padEnd = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - displayWidth(s)));
  const { IX } = await import('../analysis/evaluate.ts');
  const { MC_MEASURES, quantileLabel } = await import('../analysis/montecarlo/report.ts');
  const { plan } = result;
  const Q = quantiles.length;
  const lo = 0, hi = Q - 1;
  const med = quantiles.indexOf(0.5) >= 0 ? quantiles.indexOf(0.5) : Math.floor(Q / 2);
  const lines: string[] = [];
  lines.push(m.mcHeading(plan.draws, plan.seed, quantileLabel(quantiles[lo]!), quantileLabel(quantiles[hi]!)));
  const show: Array<[string, number, number]> = [[m.mcColumns.gini, IX.gini, 4], [m.mcColumns.theil, IX.theil, 4], [m.mcColumns.counties_in_gap, IX.counties_in_gap, 0], [m.mcColumns.shortfall, IX.shortfall, 1]];
  lines.push(`  ${padEnd(m.sweepYear, 6)}${show.map(([l]) => padStart(l, 30)).join('')}`);
  model.years.forEach((year, y) => {
    const cells = show.map(([, k, digits]) => {
      const o = (y * plan.measures + k) * (Q + 2);
      const s = result.measureStats;
      const scale = k === IX.shortfall ? 1e8 : 1;
      const f = (x: number): string => (x / scale).toFixed(digits);
      return `${f(s[o + med]!)} [${f(s[o + lo]!)}, ${f(s[o + hi]!)}]`.padStart(30);
    });
    lines.push(`  ${String(year).padEnd(6)}${cells.join('')}`);
  });
  const F = plan.focus.length;
  const y = model.years.length - 1;
  const ranked = Array.from({ length: F }, (_, f) => f)
    .map((f) => ({ f, p: result.countyStats[(y * F + f) * (Q + 2) + Q + 1]!, mean: result.countyStats[(y * F + f) * (Q + 2) + Q]! }))
    .sort((a, b) => b.p - a.p || b.mean - a.mean || a.f - b.f)
    .slice(0, 10);
  lines.push('');
  lines.push(m.mcMostLikely(model.years[y]!));
  for (const r of ranked) {
    const county = counties[model.countyIndex[plan.focus[r.f]!]!]!;
    lines.push(`  ${county.code} ${padEnd(county.name, 14)} ${padEnd(county.province, 10)} ${r.p.toFixed(3)}  ${(r.mean / 1e4).toFixed(0)}`);
  }
  lines.push(m.mcInFiles(MC_MEASURES.length, F, model.years.length));
  return lines.join('\n');
}

/**
 * `fiscal-sim schemes SCENARIO --pool AMOUNT [--schemes a,b,c]`: the same pool spent over the
 * same counties by each transfer scheme, compared (exact money; see docs/schemes.md).
 */
import { basename, join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { loadAnalysisInputs } from '../analysis/analysisInputs.ts';
import { parseYuan, parseFen } from '../analysis/amounts.ts';
import { formatLimit, MAX_AMOUNT_YUAN } from '../input/fileLimits.ts';
import { yearParameters } from '../analysis/linearModel.ts';
import { compareSchemes, type ComparisonYear } from '../analysis/schemeComparison.ts';
import { parseSchemeList } from '../analysis/schemeData.ts';
import { comparisonChart, countyRows, formatComparison, SCHEME_COUNTY_COLUMNS, SCHEME_SUMMARY_COLUMNS, summaryRows } from '../analysis/schemeReport.ts';
import { describeSource } from '../input/sourceSchema.ts';
import { fenToYuanString } from '../model/money.ts';
import { runYear } from '../model/runYear.ts';
import { SCHEME_IDS, type SchemeConfig } from '../model/transfers/schemes/registry.ts';
import { writeFilesAtomically } from '../report/atomicWrite.ts';
import { toCsv } from '../report/csv.ts';
import { fiscalForYear, ProjectionError, projectDrivers } from '../scenarios/projection.ts';
import { resolveScheme } from '../scenarios/schemeSchema.ts';
import { ResolutionError } from '../scenarios/resolveYear.ts';
import type { Scenario } from '../scenarios/scenario.ts';
import type { County } from '../model/county.ts';
import { addInputOptions, type RunOptions } from './commonOptions.ts';
import { DEFAULT_OUT } from './runCommand.ts';
import { parseYear } from './yearOptions.ts';

interface SchemesCommandOptions extends RunOptions {
  pool?: number;
  schemes: string;
  year: number;
  centralShare?: number;
  out: string;
  quiet?: boolean;
}

function parsePool(value: string): number {
  const yuan = parseYuan(value);
  if (yuan !== undefined && yuan > MAX_AMOUNT_YUAN) throw new InvalidArgumentError(`${value} is too large: the largest pool accepted is ${formatLimit(MAX_AMOUNT_YUAN)} yuan / 金额超出上限`);
  const fen = parseFen(value);
  if (fen === undefined || fen < 0) throw new InvalidArgumentError(`"${value}" is not an amount in yuan (e.g. 583411000000, 5834.11亿, 500万)`);
  return fen;
}

function parseShare(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('give a share from 0 to 1');
  return n;
}

function runFor(scenario: Scenario, counties: readonly County[], year: number, scheme: SchemeConfig | null): ComparisonYear {
  const growth = scenario.policy.growth;
  const params = yearParameters(scenario.policy, year, scenario.basis, scheme);
  const projected = counties.map((c) => projectDrivers(c, year, growth.population_growth.values));
  const fiscal = projected.map((c) => fiscalForYear(c, year, growth.revenue_growth.values, growth.other_expenditure_growth.values));
  return { year, result: runYear(projected, fiscal, params), counties: projected };
}

export function registerSchemesCommand(program: Command): void {
  const cmd = program
    .command('schemes')
    .description('compare transfer schemes spending the same pool over the same counties: Gini, Theil (between/within province), CV, max/min, decile ratio; counties and residents in a gap; the gap; who pays; how far each scheme moves each county')
    .argument('<scenario>', "'baseline' or a scenario file (its scheme settings apply to that scheme)")
    .option('--pool <amount>', "pool in yuan (583411000000, 5834.11亿, 500万; default: the status quo's general transfers to the reported counties)", parsePool)
    .option('--schemes <ids>', `schemes to compare, comma-separated, or all (${SCHEME_IDS.join(', ')})`, 'all')
    .option('--year <year>', 'year', parseYear, 2012)
    .option('--central-share <share>', "share of the pool the centre funds, the rest provinces (default: the status quo's)", parseShare)
    .option('--out <dir>', 'output folder', DEFAULT_OUT)
    .option('--quiet', 'do not print the table');
  addInputOptions(cmd, { scenarioOption: false }).action((scenarioArg: string, opts: SchemesCommandOptions) => {
    const inputs = loadAnalysisInputs(scenarioArg, opts);
    const { scenario, set } = inputs;
    const ids = parseSchemeList(opts.schemes);
    for (const n of set.notes) process.stderr.write(`note: ${n}\n`);
    const configs = ids.map((id) => (inputs.scheme?.id === id ? inputs.scheme : resolveScheme({ name: id }, inputs.schemeDefaults)));
    const years: ComparisonYear[] = [];
    try {
      years.push(runFor(scenario, inputs.counties, opts.year - 1, inputs.scheme));
    } catch (e) {
      if (!(e instanceof ProjectionError || e instanceof ResolutionError)) throw e;
      process.stderr.write(`note: ${opts.year - 1} cannot be computed (${e.message}); growth control and revenue-growth awards do not apply\n`);
    }
    years.push(runFor(scenario, inputs.counties, opts.year, inputs.scheme));
    const current = years[years.length - 1]!;
    const statusQuoFen = set.focus.reduce((a, i) => a + current.result.counties[i]!.generalFen, 0);
    const poolFen = opts.pool ?? statusQuoFen;
    const titles = Object.fromEntries(configs.map((c) => [c.id, inputs.schemeDefaults.get(c.id)?.title ?? c.id]));
    const comparison = compareSchemes(years, { focus: set.focus, poolFen, centralShareOfPool: opts.centralShare, schemes: configs, titles });

    const rows = set.focus.map((i) => current.result.counties[i]!);
    const label = opts.province ? `Province ${inputs.counties[set.focus[0]!]!.province}` : `Counties in ${basename(set.sources[0]!)}`;
    const meta = {
      command: 'schemes',
      scenario: { name: scenario.name, title: scenario.title, files: scenario.files.map((f) => basename(f)) },
      year: opts.year,
      previous_year_used: years.length > 1 ? opts.year - 1 : null,
      pool_yuan: fenToYuanString(poolFen),
      status_quo_general_transfers_yuan: fenToYuanString(statusQuoFen),
      central_share_of_pool: comparison.centralShareOfPool,
      counties_files: set.sources.map((f) => basename(f)),
      counties_compared: set.focus.length,
      stage: 'one stage: each scheme spends the pool directly over the compared counties, in place of the engine\'s general transfers (equalization + guarantee); earmarked transfers, own revenue and needs are the scenario\'s',
      money: 'transfers, gaps and pools are exact (integer fen; each scheme\'s amounts are spent to the fen by largest remainder). Inequality measures and the who-pays attribution are floating point',
      who_pays: 'earmarked shares by level; the own burden that capacity can fund is paid first from general transfers (split by the central share of the pool), then by the county from own revenue; the rest is unfunded',
      growth_control: years.length > 1 ? `each scheme first spends the same pool in ${opts.year - 1}; that allocation is last year's transfer for growth control and revenue-growth awards` : 'not applied (no previous year)',
      schemes: configs.map((c) => {
        const data = inputs.schemeDefaults.get(c.id)!;
        return {
          id: c.id,
          title: data.title,
          formula: data.formula,
          source: describeSource(data.source),
          settings: Object.fromEntries(
            Object.entries(c.settings as Readonly<Record<string, number | null>>).map(([k, v]) => {
              const d = data.settings[k];
              return [k, { value: v, source: d && d.value === v ? describeSource(d.source) : `scenario ${scenario.name}` }];
            }),
          ),
        };
      }),
    };
    const out = resolve(opts.out);
    const files = [
      { path: join(out, 'schemes.csv'), content: toCsv(SCHEME_SUMMARY_COLUMNS, summaryRows(comparison)) },
      {
        path: join(out, 'schemes_counties.csv'),
        content: toCsv(SCHEME_COUNTY_COLUMNS, countyRows(comparison, current.counties, rows.map((r) => r.population), rows.map((r) => r.ownRevenueFen + r.specialFen))),
      },
      { path: join(out, 'schemes.json'), content: `${JSON.stringify(meta, null, 2)}\n` },
      { path: join(out, 'schemes.svg'), content: comparisonChart(comparison, `Transfer schemes, ${label}, ${opts.year}: pool ${(poolFen / 1e10).toFixed(1)} 亿元`) },
    ];
    writeFilesAtomically(files);
    if (!opts.quiet) process.stdout.write(`${formatComparison(comparison, label)}\n`);
    process.stderr.write(`wrote ${files.map((f) => basename(f.path)).join(', ')} to ${out}\n`);
  });
}

/**
 * `fiscal-sim schemes SCENARIO [--pool AMOUNT] [--schemes a,b,c]`: transfer schemes compared in
 * the province → county stage of the equalization transfer, each spending the same provincial
 * pools (exact money; see docs/schemes.md).
 */
import { basename, join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { loadAnalysisInputs } from '../analysis/analysisInputs.ts';
import { parseYuan, parseFen } from '../analysis/amounts.ts';
import { formatLimit, MAX_AMOUNT_YUAN } from '../input/fileLimits.ts';
import { compareSchemes, runSchemes } from '../analysis/schemeComparison.ts';
import { parseSchemeList } from '../analysis/schemeData.ts';
import { comparisonChart, countyRows, formatComparison, SCHEME_COUNTY_COLUMNS, SCHEME_SUMMARY_COLUMNS, summaryRows } from '../analysis/schemeReport.ts';
import { firstYearRun } from '../analysis/yearSequence.ts';
import { chooseLang } from '../i18n/lang.ts';
import { describeSource } from '../input/sourceSchema.ts';
import { fenToYuanString } from '../model/money.ts';
import { SCHEME_IDS } from '../model/transfers/schemes/registry.ts';
import { writeFilesAtomically } from '../report/atomicWrite.ts';
import { toCsv } from '../report/csv.ts';
import { resolveScheme } from '../scenarios/schemeSchema.ts';
import { addInputOptions, type RunOptions } from './commonOptions.ts';
import { DEFAULT_OUT } from './runCommand.ts';
import { parseYear } from './yearOptions.ts';

interface SchemesCommandOptions extends RunOptions {
  pool?: number;
  schemes: string;
  year: number;
  out: string;
  quiet?: boolean;
}

function parsePool(value: string): number {
  const yuan = parseYuan(value);
  if (yuan !== undefined && yuan > MAX_AMOUNT_YUAN) throw new InvalidArgumentError(`${value} is too large: the largest pool accepted is ${formatLimit(MAX_AMOUNT_YUAN)} yuan / 金额超出上限`);
  const fen = parseFen(value);
  if (fen === undefined || fen < 0) throw new InvalidArgumentError(`"${value}" is not an amount in yuan (e.g. 686000000000, 6860亿, 500万)`);
  return fen;
}

export function registerSchemesCommand(program: Command): void {
  const cmd = program
    .command('schemes')
    .description('compare transfer schemes in the province → county stage of the equalization transfer, every scheme spending the same provincial pools: Gini, Theil (between/within province), CV, max/min, decile ratio; counties and residents in a gap; the gap; who pays; how far each scheme moves each county')
    .argument('<scenario>', "'baseline' or a scenario file (its scheme settings apply to that scheme)")
    .option('--pool <amount>', "central equalization pool in yuan, every year and every scheme (686000000000, 6860亿, 500万; default: the scenario's)", parsePool)
    .option('--schemes <ids>', `schemes to compare, comma-separated, or all (${SCHEME_IDS.join(', ')})`, 'all')
    .option('--year <year>', 'year', parseYear, 2012)
    .option('--out <dir>', 'output folder', DEFAULT_OUT)
    .option('--quiet', 'do not print the table');
  addInputOptions(cmd, { scenarioOption: false }).action((scenarioArg: string, opts: SchemesCommandOptions) => {
    const inputs = loadAnalysisInputs(scenarioArg, opts);
    const { scenario, set } = inputs;
    const ids = parseSchemeList(opts.schemes);
    for (const n of set.notes) process.stderr.write(`note: ${n}\n`);
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
    const label = opts.province ? `Province ${inputs.counties[set.focus[0]!]!.province}` : `Counties in ${basename(set.sources[0]!)}`;
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
      stage:
        "each scheme replaces the province → county stage of the equalization transfer (财预〔2011〕392号) in a full run of the engine: the centre → province stage, each province's county pool (pass-down + top-up), the pool transfers and the earmarked transfers are the same for every scheme; the guarantee and the gap follow from each scheme's transfers. status_quo is the scenario as it is; no_equalization has no central pool and no provincial top-up; simple_gap is the gap-proportional rule used before the 2011 formula",
      growth_control: first < opts.year ? `every outcome runs in sequence from ${first}, so that growth control reads its own transfers of the year before` : 'not applied (no previous year with an equalization pool)',
      money: "transfers, gaps and pools are exact (integer fen; each scheme's amounts are spent to the fen by largest remainder). Inequality measures and the who-pays attribution are floating point",
      measures:
        'population-weighted, of per-capita resources after all transfers (own revenue + rebates + system subsidy − remittance + general + earmarked); gini_after_general in the economic convention (item-tied transfers counted as earmarked), gini_after_general_mof with the central money of the item-tied transfers the MoF classes as general; gini_before_transfers of own revenue',
      who_pays: "earmarked money by level, net of what prefectures keep; the catalog's own burden that the county's capacity can fund is paid first from general transfers (central: pool transfers, the pass-down share of equalization, the award share of the guarantee; the rest provincial), then by the county from its own resources; the rest is unfunded",
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
        content: toCsv(SCHEME_COUNTY_COLUMNS, countyRows(comparison, counties, rows.map((r) => r.population))),
      },
      { path: join(out, 'schemes.json'), content: `${JSON.stringify(meta, null, 2)}\n` },
      { path: join(out, 'schemes.svg'), content: comparisonChart(comparison, `Transfer schemes in the province → county stage, ${label}, ${opts.year}: county pools ${(comparison.countyPoolFen / 1e10).toFixed(1)} 亿元`) },
    ];
    writeFilesAtomically(files);
    if (!opts.quiet) process.stdout.write(`${formatComparison(comparison, label, chooseLang(process.argv, process.env).lang)}\n`);
    process.stderr.write(`wrote ${files.map((f) => basename(f.path)).join(', ')} to ${out}\n`);
  });
}

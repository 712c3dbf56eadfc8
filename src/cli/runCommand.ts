/** `fiscal-sim run`: every county's financing gap for a year (or years), written as tables. */
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { ITEM_DETAILS, itemFileName, writeRunOutputs, type ItemDetail } from '../report/stream/runOutputs.ts';
import { MONEY_UNIT_INFO, parseMoneyUnit, type MoneyUnit } from '../report/moneyUnits.ts';
import { formatSummary } from '../report/terminalSummary.ts';
import { runScenario } from '../scenarios/scenario.ts';
import { summarize } from '../tables/summary.ts';
import { addInputOptions, loadInputs, type RunOptions } from './commonOptions.ts';
import { parseYears } from './yearOptions.ts';

export const DEFAULT_OUT = new URL('../../reports/', import.meta.url).pathname;

interface RunCommandOptions extends RunOptions {
  year?: number[];
  out: string;
  quiet?: boolean;
  items: ItemDetail;
  unit: MoneyUnit;
}

function parseUnit(value: string): MoneyUnit {
  const unit = parseMoneyUnit(value);
  if (!unit) throw new InvalidArgumentError('use yuan, wan or yi (元, 万元 or 亿元) / 可选 元、万元、亿元');
  return unit;
}

function parseItemDetail(value: string): ItemDetail {
  const v = value.trim().toLowerCase();
  if (!(ITEM_DETAILS as readonly string[]).includes(v)) throw new InvalidArgumentError(`use ${ITEM_DETAILS.join(', ')} / 可选 full（逐县逐项）、summary（按项目汇总）、none（不写项目表）`);
  return v as ItemDetail;
}

export function registerRunCommand(program: Command): void {
  const cmd = program
    .command('run')
    .description("compute every county's standard cost, who pays it, transfers and financing gap; write counties.csv, items.csv, provinces.csv and summary.json")
    .option('--year <years>', 'year, range or list (2012, 2011-2015, 2011,2013); default 2012, or the scenario\'s years with --scenario', parseYears)
    .option('--out <dir>', 'output folder', DEFAULT_OUT)
    .option('--items <detail>', 'item detail / 项目明细: full = items.csv, one row per county × item × year (逐县逐项); summary = items_summary.csv, one row per item × year over the counties reported (按项目汇总); none = no item file (不写)', parseItemDetail, 'full' as ItemDetail)
    .option('--unit <unit>', 'display unit / 金额单位: yuan|wan|yi (元|万元|亿元); wan and yi add columns such as gap_wan beside the exact yuan columns (保留精确到分的元列，另加万元或亿元列)', parseUnit, 'yuan' as MoneyUnit)
    .option('--quiet', 'do not print the summary');
  addInputOptions(cmd).action((opts: RunCommandOptions) => {
    const { scenario, set } = loadInputs(opts);
    for (const n of set.notes) process.stderr.write(`note: ${n}\n`);
    const years = opts.year ?? (opts.scenario ? [...scenario.years] : [2012]);
    const policy = scenario.policy;
    const started = performance.now();
    const runs = runScenario(scenario, set.counties, years, (year) => process.stderr.write(`computing ${year}…\n`));
    const seconds = (performance.now() - started) / 1000;
    const summaries = runs.map((run) => summarize(run, set.focus));
    const out = resolve(opts.out);
    const meta = {
      command: 'run',
      scenario: { name: scenario.name, title: scenario.title, files: scenario.files, changes: scenario.changes },
      years,
      basis: scenario.basis,
      counties_files: set.sources,
      counties_reported: set.focus.length,
      counties_computed: set.counties.length,
      ...(opts.items === 'full' ? {} : { items: opts.items }),
      ...(opts.unit === 'yuan' ? {} : { display_unit: { unit: MONEY_UNIT_INFO[opts.unit].zh, columns: `each money column again with the suffix ${MONEY_UNIT_INFO[opts.unit].suffix}, rounded half away from zero to 0.01 ${MONEY_UNIT_INFO[opts.unit].en}; the yuan columns stay exact to the fen` } }),
      rounding: 'each county × item cost rounded once to the fen, half away from zero; splits and allocations by largest remainder',
      summaries,
    };
    const written = writeRunOutputs({
      out, runs, policy, focus: set.focus, items: opts.items, unit: opts.unit, meta,
      provinces: new Set(set.focus.map((i) => set.counties[i]!.provinceCode)),
    });
    if (!opts.quiet) {
      const where = opts.province ? `province ${set.counties[set.focus[0]!]!.province}` : `counties in ${set.sources[0]}`;
      const label = `${scenario.name === 'baseline' ? 'Baseline' : `Scenario ${scenario.name}`}, ${where}`;
      for (const s of summaries) process.stdout.write(`${formatSummary(s, label)}\n\n`);
    }
    const itemFile = itemFileName(opts.items);
    process.stderr.write(`computed ${set.counties.length} counties × ${years.length} year(s) in ${seconds.toFixed(2)} s; wrote counties.csv (${written.countyRows} rows), ${itemFile ? `${itemFile} (${written.itemRows} rows), ` : ''}provinces.csv, summary.json to ${out}\n`);
  });
}

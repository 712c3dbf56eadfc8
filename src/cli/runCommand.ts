/** `fiscal-sim run`: every county's financing gap for a year (or years), written as tables. */
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { ITEM_DETAILS, itemCompanionFiles, itemFileName, type ItemDetail } from '../report/stream/itemDetail.ts';
import { addInputOptions, DEFAULT_OUT, type RunOptions } from './commonOptions.ts';
import { MONEY_UNIT_INFO, parseMoneyUnit, type MoneyUnit } from '../report/moneyUnits.ts';
import { parseYears } from './yearOptions.ts';
import type { Lang } from '../i18n/lang.ts';
import { inLang } from '../i18n/text.ts';
import { CLI_TEXT } from './cliText.ts';
import { say } from '../i18n/messageLang.ts';
import { METHOD_NOTES } from '../i18n/methodNotes.ts';

interface RunCommandOptions extends RunOptions {
  year?: number[];
  out: string;
  quiet?: boolean;
  items: ItemDetail;
  unit: MoneyUnit;
}

function parseUnit(value: string): MoneyUnit {
  const unit = parseMoneyUnit(value);
  if (!unit) throw new InvalidArgumentError(say(CLI_TEXT.badUnit));
  return unit;
}

function parseItemDetail(value: string): ItemDetail {
  const v = value.trim().toLowerCase();
  if (!(ITEM_DETAILS as readonly string[]).includes(v)) throw new InvalidArgumentError(say(CLI_TEXT.badItemDetail));
  return v as ItemDetail;
}

export function registerRunCommand(program: Command, lang: Lang): void {
  const m = inLang(CLI_TEXT, lang);
  const cmd = program
    .command('run')
    .description(m.runDescription)
    .option('--year <years>', m.runOptYear, parseYears)
    .option('--out <dir>', m.optOut, DEFAULT_OUT)
    .option('--items <detail>', m.runOptItems, parseItemDetail, 'full' as ItemDetail)
    .option('--unit <unit>', m.runOptUnit, parseUnit, 'yuan' as MoneyUnit)
    .option('--quiet', m.runOptQuiet);
  addInputOptions(cmd, lang).action(async (opts: RunCommandOptions, command: Command) => {
    // loaded when the command runs, so that --help does not wait for them
    const { writeRunOutputs } = await import('../report/stream/runOutputs.ts');
    const { formatSummary } = await import('../report/terminalSummary.ts');
    const { runScenario } = await import('../simulation/runScenario.ts');
    const { summarize } = await import('../tables/summary.ts');
    const { loadInputs } = await import('../simulation/loadInputs.ts');
    const { allocationModeNote, allocationNotes } = await import('../simulation/ownFigures.ts');
    const { scenario, set, overrides, ownFigures } = loadInputs(opts);
    for (const n of set.notes) process.stderr.write(`${m.note(n)}\n`);
    const years = opts.year ?? (opts.scenario ? [...scenario.years] : [2012]);
    (await import('./yearCoverage.ts')).checkYears(years, scenario.policy);
    const policy = scenario.policy;
    const started = performance.now();
    // item rows computed with the county figures (one pass, counted in the seconds printed) when an
    // item file will read every county's; otherwise the sums alone, and the rows of the counties
    // reported (a province of the national set) when the item file reads them
    const everyItemRow = opts.items !== 'none' && set.focus.length === set.counties.length;
    const runs = runScenario(scenario, set.counties, years, (year) => process.stderr.write(`${m.computingYear(year)}\n`), ownFigures, everyItemRow ? 'full' : 'on-demand');
    const allocationNoteLines = runs.flatMap((r) => (r.allocation ? allocationNotes(r.year, r.allocation) : []));
    for (const n of allocationNoteLines) process.stderr.write(`${m.note(n)}\n`);
    const seconds = (performance.now() - started) / 1000;
    const summaries = runs.map((run) => summarize(run, set.focus));
    const out = resolve(opts.out);
    const meta = {
      command: 'run',
      scenario: { name: scenario.name, title: scenario.title, files: scenario.files, changes: scenario.changes },
      years,
      basis: scenario.basis,
      counties_files: set.sources,
      ...(overrides ? { overrides: overrides.provenance, allocations: { mode: ownFigures!.mode, notes: [allocationModeNote(ownFigures!.mode), ...allocationNoteLines], by_year: runs.map((r) => ({ year: r.year, other_counties: r.allocation?.otherCounties, other_gaps_changed: r.allocation?.otherGapsChanged, pool_difference_yuan: Object.fromEntries(Object.entries(r.allocation?.beyondPoolFen ?? {}).map(([k, fen]) => [k, fen / 100])) })) } } : {}),
      counties_reported: set.focus.length,
      counties_computed: set.counties.length,
      ...(opts.items === 'full' ? {} : { items: opts.items }),
      ...(opts.unit === 'yuan' ? {} : { display_unit: { unit: MONEY_UNIT_INFO[opts.unit].zh, columns: METHOD_NOTES.displayColumns(MONEY_UNIT_INFO[opts.unit].suffix, MONEY_UNIT_INFO[opts.unit].zh, MONEY_UNIT_INFO[opts.unit].en) } }),
      rounding: METHOD_NOTES.runRounding,
      summaries,
    };
    const written = writeRunOutputs({
      out, runs, policy, focus: set.focus, items: opts.items, unit: opts.unit, meta,
      provinces: new Set(set.focus.map((i) => set.counties[i]!.provinceCode)),
    });
    if (!opts.quiet) {
      const where = opts.province ? m.runWhereProvince(set.counties[set.focus[0]!]!.province) : m.runWhereFile(set.sources[0] ?? '');
      const label = m.runLabel(scenario.name === 'baseline' ? undefined : scenario.name, where);
      for (const s of summaries) process.stdout.write(`${formatSummary(s, label, lang, command.getOptionValueSource('unit') === 'cli' ? opts.unit : undefined)}\n\n`);
    }
    process.stderr.write(`${m.runDone(set.counties.length, years.length, seconds.toFixed(2), written.countyRows, itemFileName(opts.items), written.itemRows, out, itemCompanionFiles(opts.items))}\n`);
  });
}

/**
 * The files of `fiscal-sim run`: counties.csv, items.csv with item_sources.csv (or
 * items_summary.csv), provinces.csv and summary.json (with --unit 万元/亿元, display columns after the exact yuan ones), streamed from the columnar results in chunks to temporary files that are
 * renamed together at the end (no partial output if anything fails).
 */
import { join } from 'node:path';
import type { PolicyData } from '../../input/policyData.ts';
import type { YearRun } from '../../simulation/runSimulation.ts';
import { yuanToFen } from '../../model/money.ts';
import { COUNTY_COLUMNS, COUNTY_MONEY_COLUMNS, countyRow, ITEM_COLUMNS, ITEM_MONEY_COLUMNS, ITEM_SOURCE_COLUMNS, itemSourceRows, ITEM_SUMMARY_COLUMNS, itemSummaryRows, type Row } from '../../tables/countyTable.ts';
import { PROVINCE_COLUMNS, PROVINCE_MONEY_COLUMNS, provinceRows } from '../../tables/provinceTable.ts';
import { writeOutputSetSync } from '../atomicWrite.ts';
import { fenToUnitText, MONEY_UNIT_INFO, type MoneyUnit } from '../moneyUnits.ts';
import { CsvTableWriter } from './csvStream.ts';
import { writeItemLines } from './itemBytes.ts';
import { ITEM_SOURCES_FILE, itemFileName, type ItemDetail } from './itemDetail.ts';

export { ITEM_DETAILS, ITEM_SOURCES_FILE, itemCompanionFiles, itemFileName, type ItemDetail } from './itemDetail.ts';

export interface RunOutputInput {
  readonly out: string;
  readonly runs: readonly YearRun[];
  readonly policy: Pick<PolicyData, 'items' | 'changeSources'>;
  /** county indices reported, in output order */
  readonly focus: readonly number[];
  /** province codes of the reported counties */
  readonly provinces: ReadonlySet<string>;
  readonly items: ItemDetail;
  /** display unit: 万元 or 亿元 add display columns after the exact yuan ones; yuan (the default) adds none */
  readonly unit?: MoneyUnit;
  /** summary.json's content (written as indented JSON) */
  readonly meta: unknown;
}

export interface RunOutputs {
  readonly paths: readonly string[];
  readonly countyRows: number;
  readonly itemRows: number;
  readonly provinceRows: number;
}

/** A table's columns with the display columns of `unit` after them (gap → gap_wan); unchanged for yuan. */
export function withUnitColumns(columns: readonly string[], money: readonly string[], unit: MoneyUnit | undefined): string[] {
  return !unit || unit === 'yuan' ? [...columns] : [...columns, ...money.map((c) => `${c}${MONEY_UNIT_INFO[unit].suffix}`)];
}

/** The row with its money columns again in `unit` (rounded half away from zero from the exact fen). */
function withUnitValues(row: Row, money: readonly string[], unit: MoneyUnit | undefined): Row {
  if (!unit || unit === 'yuan') return row;
  const suffix = MONEY_UNIT_INFO[unit].suffix;
  for (const c of money) {
    const v = row[c];
    row[`${c}${suffix}`] = v === undefined || v === '' ? '' : fenToUnitText(yuanToFen(String(v)), unit);
  }
  return row;
}

export function writeRunOutputs(input: RunOutputInput): RunOutputs {
  const { out, runs, focus, unit } = input;
  const catalog = new Map(input.policy.items.map((i) => [i.id, i]));
  const focusSet = new Set(focus);
  const { value, paths } = writeOutputSetSync((set) => {
    const counties = new CsvTableWriter(set.text(join(out, 'counties.csv')), withUnitColumns(COUNTY_COLUMNS, COUNTY_MONEY_COLUMNS, unit));
    for (const run of runs) for (const i of focus) counties.row(withUnitValues(countyRow(run, run.result.counties[i]!), COUNTY_MONEY_COLUMNS, unit));
    let itemRows = 0;
    const itemFile = itemFileName(input.items);
    if (itemFile) {
      const itemsOut = set.text(join(out, itemFile));
      const items = new CsvTableWriter(itemsOut, withUnitColumns(input.items === 'full' ? ITEM_COLUMNS : ITEM_SUMMARY_COLUMNS, ITEM_MONEY_COLUMNS, unit));
      for (const run of runs) {
        if (input.items === 'full') items.rows += writeItemLines(run, focusSet, itemsOut, unit);
        else for (const row of itemSummaryRows(run, focusSet, catalog, input.policy)) items.row(withUnitValues(row, ITEM_MONEY_COLUMNS, unit));
      }
      itemRows = items.rows;
    }
    if (input.items === 'full') {
      const sources = new CsvTableWriter(set.text(join(out, ITEM_SOURCES_FILE)), ITEM_SOURCE_COLUMNS);
      for (const run of runs) for (const row of itemSourceRows(run, catalog, input.policy)) sources.row(row);
    }
    const provinces = new CsvTableWriter(set.text(join(out, 'provinces.csv')), withUnitColumns(PROVINCE_COLUMNS, PROVINCE_MONEY_COLUMNS, unit));
    for (const run of runs) for (const row of provinceRows(run, input.provinces)) provinces.row(withUnitValues(row, PROVINCE_MONEY_COLUMNS, unit));
    set.text(join(out, 'summary.json')).write(`${JSON.stringify(input.meta, null, 2)}\n`);
    return { countyRows: counties.rows, itemRows, provinceRows: provinces.rows };
  });
  return { ...value, paths };
}

/**
 * The files of `fiscal-sim run`: counties.csv, items.csv (or items_summary.csv), provinces.csv
 * and summary.json, streamed from the columnar results in chunks to temporary files that are
 * renamed together at the end (no partial output if anything fails).
 */
import { join } from 'node:path';
import type { PolicyData } from '../../input/policyData.ts';
import type { YearRun } from '../../simulation/runSimulation.ts';
import { COUNTY_COLUMNS, countyRow, ITEM_COLUMNS, ITEM_SUMMARY_COLUMNS, itemSummaryRows } from '../../tables/countyTable.ts';
import { PROVINCE_COLUMNS, provinceRows } from '../../tables/provinceTable.ts';
import { writeOutputSetSync } from '../atomicWrite.ts';
import { CsvTableWriter } from './csvStream.ts';
import { forEachItemLine } from './itemLines.ts';

/** How much item detail `run` writes: every county × item × year, one row per item × year, or none. */
export const ITEM_DETAILS = ['full', 'summary', 'none'] as const;
export type ItemDetail = (typeof ITEM_DETAILS)[number];

export interface RunOutputInput {
  readonly out: string;
  readonly runs: readonly YearRun[];
  readonly policy: Pick<PolicyData, 'items' | 'changeSources'>;
  /** county indices reported, in output order */
  readonly focus: readonly number[];
  /** province codes of the reported counties */
  readonly provinces: ReadonlySet<string>;
  readonly items: ItemDetail;
  /** summary.json's content (written as indented JSON) */
  readonly meta: unknown;
}

export interface RunOutputs {
  readonly paths: readonly string[];
  readonly countyRows: number;
  readonly itemRows: number;
  readonly provinceRows: number;
}

/** The name of the item file for a level of detail (none: no file). */
export function itemFileName(items: ItemDetail): string | undefined {
  return items === 'full' ? 'items.csv' : items === 'summary' ? 'items_summary.csv' : undefined;
}

export function writeRunOutputs(input: RunOutputInput): RunOutputs {
  const { out, runs, focus } = input;
  const catalog = new Map(input.policy.items.map((i) => [i.id, i]));
  const focusSet = new Set(focus);
  const { value, paths } = writeOutputSetSync((set) => {
    const counties = new CsvTableWriter(set.text(join(out, 'counties.csv')), COUNTY_COLUMNS);
    for (const run of runs) for (const i of focus) counties.row(countyRow(run, run.result.counties[i]!));
    let itemRows = 0;
    const itemFile = itemFileName(input.items);
    if (itemFile) {
      const items = new CsvTableWriter(set.text(join(out, itemFile)), input.items === 'full' ? ITEM_COLUMNS : ITEM_SUMMARY_COLUMNS);
      for (const run of runs) {
        if (input.items === 'full') forEachItemLine(run, focusSet, catalog, input.policy, (line) => items.line(line));
        else for (const row of itemSummaryRows(run, focusSet, catalog, input.policy)) items.row(row);
      }
      itemRows = items.rows;
    }
    const provinces = new CsvTableWriter(set.text(join(out, 'provinces.csv')), PROVINCE_COLUMNS);
    for (const run of runs) for (const row of provinceRows(run, input.provinces)) provinces.row(row);
    set.text(join(out, 'summary.json')).write(`${JSON.stringify(input.meta, null, 2)}\n`);
    return { countyRows: counties.rows, itemRows, provinceRows: provinces.rows };
  });
  return { ...value, paths };
}

/**
 * Tidy (long-format) outputs for researchers: one row per county × item × year × level of
 * government with the amount that level pays, as CSV and as JSON records, and a metadata
 * file saying what produced them. Nothing time-dependent is written, so the same inputs
 * give byte-identical files.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fenToYuanString } from '../../model/money.ts';
import { csvField } from '../csv.ts';
import type { YearRun } from '../../simulation/runSimulation.ts';
import { itemsOfCounty, LEVELS } from '../../tables/reportTables.ts';

export const TIDY_COLUMNS = [
  'scenario', 'year', 'province_code', 'province', 'prefecture_code', 'prefecture', 'county_code', 'county',
  'item', 'domain', 'level', 'amount_yuan',
] as const;

export const TIDY_COLUMN_DOCS: Readonly<Record<(typeof TIDY_COLUMNS)[number], { description: string; unit: string }>> = {
  scenario: { description: "scenario name ('baseline' for the bundled policy data)", unit: '-' },
  year: { description: 'year the figures are for', unit: 'year' },
  province_code: { description: 'six-digit province code (GB/T 2260)', unit: '-' },
  province: { description: 'province name', unit: '-' },
  prefecture_code: { description: 'six-digit prefecture code', unit: '-' },
  prefecture: { description: 'prefecture name', unit: '-' },
  county_code: { description: 'six-digit county code (December 2012 list)', unit: '-' },
  county: { description: 'county-level unit name', unit: '-' },
  item: { description: 'service item id of the catalog (see items below for names, driver and sharing rule)', unit: '-' },
  domain: { description: 'service domain of the item', unit: '-' },
  level: { description: 'level of government paying this part of the cost: central, provincial, prefecture or county', unit: '-' },
  amount_yuan: { description: "the level's share of the item's standard cost in the county; the four levels sum exactly to the item's cost", unit: 'yuan (exact to the fen: two decimals in CSV, a number in JSON)' },
};

/** Calls `emit` with each tidy row's values (strings, in TIDY_COLUMNS order) and the amount in fen. */
export function forEachTidyRow(runs: readonly YearRun[], selected: readonly number[], scenario: string, emit: (values: readonly string[], fen: number) => void): void {
  for (const run of runs) {
    for (const ci of selected) {
      const c = run.counties[ci]!;
      for (const it of itemsOfCounty(run, ci)) {
        const p = run.params.items[it.itemIndex]!;
        const parts = [it.centralFen, it.provincialFen, it.prefectureFen, it.countyFen];
        LEVELS.forEach((level, k) => {
          emit([scenario, String(run.year), c.provinceCode, c.province, c.prefectureCode, c.prefecture, c.code, c.name, p.id, p.domain, level, fenToYuanString(parts[k]!)], parts[k]!);
        });
      }
    }
  }
}

export interface TidyFiles {
  readonly csv: Uint8Array;
  readonly json: Uint8Array;
  readonly rows: number;
}

/** Build the CSV (UTF-8, no BOM, LF) and JSON (array of records) in chunks, so national runs stay within string limits. */
export function tidyFiles(runs: readonly YearRun[], selected: readonly number[], scenario: string, formats: { csv: boolean; json: boolean }): TidyFiles {
  const csvChunks: Buffer[] = [];
  const jsonChunks: Buffer[] = [];
  let csvPart: string[] = [];
  let jsonPart: string[] = [];
  let rows = 0;
  const flush = (): void => {
    if (csvPart.length) csvChunks.push(Buffer.from(csvPart.join(''), 'utf8'));
    if (jsonPart.length) jsonChunks.push(Buffer.from(jsonPart.join(''), 'utf8'));
    csvPart = [];
    jsonPart = [];
  };
  if (formats.csv) csvPart.push(`${TIDY_COLUMNS.join(',')}\n`);
  if (formats.json) jsonPart.push('[');
  forEachTidyRow(runs, selected, scenario, (values, fen) => {
    if (formats.csv) csvPart.push(`${values.map(csvField).join(',')}\n`);
    if (formats.json) {
      const fields = TIDY_COLUMNS.map((col, k) => {
        const v = values[k]!;
        const json = col === 'year' ? v : col === 'amount_yuan' ? String(fen / 100) : JSON.stringify(v);
        return `${JSON.stringify(col)}:${json}`;
      });
      jsonPart.push(`${rows ? ',' : ''}\n{${fields.join(',')}}`);
    }
    rows++;
    if (rows % 20_000 === 0) flush();
  });
  if (formats.json) jsonPart.push('\n]\n');
  flush();
  return { csv: Buffer.concat(csvChunks), json: Buffer.concat(jsonChunks), rows };
}

export function sha256(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

export interface TidyMetadataInput {
  readonly version: string;
  readonly scenario: { readonly name: string; readonly title: string; readonly files: readonly string[]; readonly changes: ReadonlyArray<{ readonly path: string; readonly description: string }> };
  readonly years: readonly number[];
  readonly basis: string;
  readonly countyFiles: readonly string[];
  readonly countiesReported: number;
  readonly countiesComputed: number;
  readonly run: YearRun;
  readonly files: ReadonlyArray<{ readonly name: string; readonly format: string; readonly content: Uint8Array }>;
  readonly rows: number;
}

function fileRef(path: string): { name: string; sha256: string } {
  let hash: string;
  try {
    hash = sha256(readFileSync(path));
  } catch {
    hash = '';
  }
  return { name: basename(path), sha256: hash };
}

/** The metadata file: what produced the tidy files, how to read them, and checksums. No timestamp. */
export function tidyMetadata(m: TidyMetadataInput): string {
  const items: Record<string, unknown> = {};
  for (const p of m.run.params.items) items[p.id] = { name_zh: p.nameZh, name_en: p.nameEn, domain: p.domain, driver: p.driver, rule: p.rule.id, rule_kind: p.rule.kind };
  const meta = {
    tool: 'fiscal-sim',
    version: m.version,
    command: 'report',
    scenario: {
      name: m.scenario.name,
      title: m.scenario.title,
      files: m.scenario.files.map(fileRef),
      parameters_changed: m.scenario.changes,
    },
    years: m.years,
    basis: m.basis,
    county_data: { files: m.countyFiles.map(fileRef), counties_reported: m.countiesReported, counties_computed: m.countiesComputed },
    files: m.files.map((f) => ({ name: f.name, format: f.format, encoding: 'utf-8 (no BOM)', rows: m.rows, bytes: f.content.byteLength, sha256: sha256(f.content) })),
    parquet: 'not written: no Parquet writer is among the project dependencies',
    columns: TIDY_COLUMNS.map((name) => ({ name, ...TIDY_COLUMN_DOCS[name] })),
    row: 'one row per county × item × year × level of government',
    levels: LEVELS,
    items,
    rounding: 'each county × item cost is rounded once to the fen (half away from zero); the split between levels is exact (largest remainder), so the four levels of a county × item sum to its cost exactly',
    generated_at: null,
    reproducibility: 'no timestamp or machine-specific path is written: the same inputs and version give byte-identical files (checksums above)',
  };
  return `${JSON.stringify(meta, null, 2)}\n`;
}

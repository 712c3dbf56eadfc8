/**
 * Tidy (long-format) outputs for researchers: one row per county × item × year × level of
 * government with the amount that level pays, as CSV and as JSON records, and a metadata
 * file saying what produced them. Nothing time-dependent is written, so the same inputs
 * give byte-identical files.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { YearRun } from '../../simulation/runSimulation.ts';
import { LEVELS } from '../../tables/reportTables.ts';
import type { OutputSet } from '../atomicWrite.ts';
import { csvField } from '../csv.ts';
import { fenText } from '../stream/moneyText.ts';
import { METHOD_NOTES, type JsonNote } from '../../i18n/methodNotes.ts';

export const TIDY_COLUMNS = [
  'scenario', 'year', 'province_code', 'province', 'prefecture_code', 'prefecture', 'county_code', 'county',
  'item', 'domain', 'level', 'amount_yuan',
] as const;

/** Each tidy column's description and unit, in both languages (the metadata file's `columns`). */
export const TIDY_COLUMN_DOCS: Readonly<Record<(typeof TIDY_COLUMNS)[number], { description: JsonNote; unit: JsonNote }>> = {
  scenario: { description: { zh: '情景名称（内置政策数据为 baseline）', en: "scenario name ('baseline' for the bundled policy data)" }, unit: { zh: '-', en: '-' } },
  year: { description: { zh: '数据所属年度', en: 'year the figures are for' }, unit: { zh: '年', en: 'year' } },
  province_code: { description: { zh: '六位省级代码（GB/T 2260）', en: 'six-digit province code (GB/T 2260)' }, unit: { zh: '-', en: '-' } },
  province: { description: { zh: '省名', en: 'province name' }, unit: { zh: '-', en: '-' } },
  prefecture_code: { description: { zh: '六位地市代码', en: 'six-digit prefecture code' }, unit: { zh: '-', en: '-' } },
  prefecture: { description: { zh: '地市名', en: 'prefecture name' }, unit: { zh: '-', en: '-' } },
  county_code: { description: { zh: '六位县级代码（2012 年 12 月的代码表）', en: 'six-digit county code (December 2012 list)' }, unit: { zh: '-', en: '-' } },
  county: { description: { zh: '县级单位名称', en: 'county-level unit name' }, unit: { zh: '-', en: '-' } },
  item: { description: { zh: '服务目录的项目代码（名称、基数和分担规则见下方 items）', en: 'service item id of the catalog (see items below for names, driver and sharing rule)' }, unit: { zh: '-', en: '-' } },
  domain: { description: { zh: '项目所属的服务领域', en: 'service domain of the item' }, unit: { zh: '-', en: '-' } },
  level: { description: { zh: '负担这部分成本的政府层级：central（中央）、provincial（省级）、prefecture（地市级）或 county（县级）', en: 'level of government paying this part of the cost: central, provincial, prefecture or county' }, unit: { zh: '-', en: '-' } },
  amount_yuan: { description: { zh: '该层级负担的该项目在该县的标准成本；四级之和恰好等于该项目的成本', en: "the level's share of the item's standard cost in the county; the four levels sum exactly to the item's cost" }, unit: { zh: '元（精确到分：CSV 中两位小数，JSON 中为数值）', en: 'yuan (exact to the fen: two decimals in CSV, a number in JSON)' } },
};

/**
 * Calls `emit` with each tidy row's values (strings, in TIDY_COLUMNS order) and the amount in
 * fen, straight from the item table's columns. The values array is reused from row to row:
 * read it inside `emit`, do not keep it.
 */
export function forEachTidyRow(runs: readonly YearRun[], selected: readonly number[], scenario: string, emit: (values: readonly string[], fen: number) => void): void {
  const values: string[] = new Array<string>(TIDY_COLUMNS.length).fill('');
  values[0] = scenario;
  for (const run of runs) {
    values[1] = String(run.year);
    const items = run.result.items;
    const per = items.itemsPerCounty;
    const levels = [items.columns.centralFen, items.columns.provincialFen, items.columns.prefectureFen, items.columns.countyFen];
    for (const ci of selected) {
      const c = run.counties[ci]!;
      values[2] = c.provinceCode;
      values[3] = c.province;
      values[4] = c.prefectureCode;
      values[5] = c.prefecture;
      values[6] = c.code;
      values[7] = c.name;
      for (let i = 0, k = ci * per; i < per; i++, k++) {
        const p = run.params.items[i]!;
        values[8] = p.id;
        values[9] = p.domain;
        for (let l = 0; l < LEVELS.length; l++) {
          const fen = levels[l]![k]!;
          values[10] = LEVELS[l]!;
          values[11] = fenText(fen);
          emit(values, fen);
        }
      }
    }
  }
}

export type TidyFormat = 'csv' | 'json' | 'parquet';

/** One tidy file as written: name, format, size and checksum (for the metadata file). */
export interface TidyFileInfo {
  readonly name: string;
  readonly format: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** The JSON text of one tidy row (a record; year and amount as numbers). */
function jsonRecord(values: readonly string[], fen: number): string {
  let out = '{';
  for (let k = 0; k < TIDY_COLUMNS.length; k++) {
    const col = TIDY_COLUMNS[k]!;
    const v = values[k]!;
    out += `${k ? ',' : ''}"${col}":${col === 'year' ? v : col === 'amount_yuan' ? String(fen / 100) : JSON.stringify(v)}`;
  }
  return `${out}}`;
}

/**
 * Stream the tidy CSV (UTF-8, no BOM, LF) and JSON (array of records) into an output set, in
 * chunks, with their sizes and checksums; the Parquet file (src/report/tidy/parquet.ts) is
 * written by its own writer into the same set. Returns the row count and the files' details.
 */
export async function writeTidyFiles(set: OutputSet, paths: Partial<Record<TidyFormat, string>>, runs: readonly YearRun[], selected: readonly number[], scenario: string): Promise<{ rows: number; files: TidyFileInfo[] }> {
  const csv = paths.csv ? set.text(paths.csv, { sha256: true }) : undefined;
  const json = paths.json ? set.text(paths.json, { sha256: true }) : undefined;
  csv?.write(`${TIDY_COLUMNS.join(',')}\n`);
  json?.write('[');
  let rows = 0;
  if (csv || json) {
    forEachTidyRow(runs, selected, scenario, (values, fen) => {
      if (csv) {
        let line = '';
        for (let k = 0; k < values.length; k++) line += (k ? ',' : '') + csvField(values[k]);
        csv.write(`${line}\n`);
      }
      json?.write(`${rows ? ',' : ''}\n${jsonRecord(values, fen)}`);
      rows++;
    });
  }
  json?.write('\n]\n');
  const files: TidyFileInfo[] = [];
  for (const [w, format, path] of [[csv, 'csv', paths.csv], [json, 'json (array of records)', paths.json]] as const) {
    if (!w || !path) continue;
    w.close();
    files.push({ name: basename(path), format, bytes: w.bytes, sha256: w.sha256() });
  }
  if (paths.parquet) {
    const { writeTidyParquet } = await import('./parquet.ts');
    const written = writeTidyParquet(set.tempFor(paths.parquet), runs, selected, scenario);
    if (!(csv || json)) rows = written.rows;
    files.push({ name: basename(paths.parquet), format: 'parquet', bytes: written.bytes, sha256: written.sha256 });
  }
  return { rows, files };
}

export interface TidyFiles {
  readonly csv: Uint8Array;
  readonly json: Uint8Array;
  readonly rows: number;
}

/** The tidy CSV and JSON in memory (for benchmarks and small selections); the command streams them with writeTidyFiles. */
export function tidyFiles(runs: readonly YearRun[], selected: readonly number[], scenario: string, formats: { csv: boolean; json: boolean }): TidyFiles {
  const csvChunks: string[] = [];
  const jsonChunks: string[] = [];
  if (formats.csv) csvChunks.push(`${TIDY_COLUMNS.join(',')}\n`);
  if (formats.json) jsonChunks.push('[');
  let rows = 0;
  forEachTidyRow(runs, selected, scenario, (values, fen) => {
    if (formats.csv) csvChunks.push(`${values.map(csvField).join(',')}\n`);
    if (formats.json) jsonChunks.push(`${rows ? ',' : ''}\n${jsonRecord(values, fen)}`);
    rows++;
  });
  if (formats.json) jsonChunks.push('\n]\n');
  return { csv: Buffer.concat(csvChunks.map((c) => Buffer.from(c, 'utf8'))), json: Buffer.concat(jsonChunks.map((c) => Buffer.from(c, 'utf8'))), rows };
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
  readonly files: readonly TidyFileInfo[];
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
    files: m.files.map((f) => ({ name: f.name, format: f.format, ...(f.format === 'parquet' ? {} : { encoding: 'utf-8 (no BOM)' }), rows: m.rows, bytes: f.bytes, sha256: f.sha256 })),
    parquet: m.files.some((f) => f.format === 'parquet') ? METHOD_NOTES.tidyParquet : METHOD_NOTES.tidyNoParquet,
    columns: TIDY_COLUMNS.map((name) => ({ name, ...TIDY_COLUMN_DOCS[name] })),
    row: METHOD_NOTES.tidyRow,
    levels: LEVELS,
    items,
    rounding: METHOD_NOTES.tidyRounding,
    generated_at: null,
    reproducibility: METHOD_NOTES.tidyReproducibility,
  };
  return `${JSON.stringify(meta, null, 2)}\n`;
}

/**
 * The tidy rows as Apache Parquet, for researchers (pandas, R arrow, DuckDB, Spark): the
 * same rows and columns as the tidy CSV, written with hyparquet-writer one row group at a
 * time (ROW_GROUP rows), so memory holds one group's columns whatever the file's size.
 *
 * Types: year INT32; amount_yuan DECIMAL(18,2) stored as INT64 fen, so the amount is exact
 * (readers give a decimal, or a number of yuan); every other column a UTF-8 string
 * (dictionary-encoded by the writer: a county's name is stored once per row group).
 * Snappy compression, hyparquet-writer's default and the codec every reader has.
 * No timestamp is written: the same inputs give the same bytes.
 *
 * Why hyparquet-writer (see docs/outputs.md for the figures): pure JavaScript, no native or
 * WebAssembly build step, works on Node 20, and it was the smallest and fastest of the
 * writers measured for these columns.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { fileWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import type { YearRun } from '../../simulation/runSimulation.ts';
import { forEachTidyRow, TIDY_COLUMNS } from './tidy.ts';

/** Rows per row group: about 10 MB of column values in memory at a time. */
export const ROW_GROUP = 100_000;

const SCHEMA: SchemaElement[] = [
  { name: 'root', num_children: TIDY_COLUMNS.length },
  ...TIDY_COLUMNS.map((name): SchemaElement => name === 'year'
    ? { name, type: 'INT32', repetition_type: 'REQUIRED' }
    : name === 'amount_yuan'
      ? { name, type: 'INT64', converted_type: 'DECIMAL', scale: 2, precision: 18, repetition_type: 'REQUIRED' }
      : { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' }),
];

function sha256File(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Write the tidy rows to `path` as Parquet; returns the row count, size and checksum. */
export function writeTidyParquet(path: string, runs: readonly YearRun[], selected: readonly number[], scenario: string, rowGroup = ROW_GROUP): { rows: number; bytes: number; sha256: string } {
  const writer = new ParquetWriter({ writer: fileWriter(path), schema: SCHEMA, createdBy: 'fiscal-sim', kvMetadata: [{ key: 'fiscal-sim.rows', value: 'one row per county × item × year × level of government' }] });
  const text = TIDY_COLUMNS.map(() => new Array<string>(rowGroup));
  let years = new Int32Array(rowGroup);
  let fen = new Array<bigint>(rowGroup);
  let n = 0;
  let rows = 0;
  const YEAR = TIDY_COLUMNS.indexOf('year');
  const AMOUNT = TIDY_COLUMNS.indexOf('amount_yuan');
  const flush = (): void => {
    if (n === 0) return;
    // fileWriter flushes synchronously, so write and finish return no promise
    void writer.write({
      columnData: TIDY_COLUMNS.map((name, k) => ({
        name,
        data: k === YEAR ? years.subarray(0, n) : k === AMOUNT ? fen.slice(0, n) : text[k]!.slice(0, n),
      })),
      rowGroupSize: n,
    });
    years = new Int32Array(rowGroup);
    fen = new Array<bigint>(rowGroup);
    n = 0;
  };
  forEachTidyRow(runs, selected, scenario, (values, amountFen) => {
    for (let k = 0; k < values.length; k++) if (k !== YEAR && k !== AMOUNT) text[k]![n] = values[k]!;
    years[n] = Number(values[YEAR]);
    fen[n] = BigInt(amountFen);
    n++;
    rows++;
    if (n === rowGroup) flush();
  });
  flush();
  void writer.finish();
  return { rows, bytes: statSync(path).size, sha256: sha256File(path) };
}

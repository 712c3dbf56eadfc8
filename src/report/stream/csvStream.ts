/**
 * CSV written row by row to a chunked writer: the same bytes as toCsv (src/report/csv.ts):
 * a byte-order mark, the header, then one LF-terminated line per row.
 */
import type { Row } from '../../tables/countyTable.ts';
import { csvField } from '../csv.ts';
import type { ChunkedTextWriter } from './chunkedWriter.ts';

/** The first line of a CSV file (with the byte-order mark). */
export function csvHeader(columns: readonly string[]): string {
  return `\uFEFF${columns.map(csvField).join(',')}\n`;
}

/** One row as a CSV line (LF-terminated). */
export function csvLine(columns: readonly string[], row: Row): string {
  let line = '';
  for (let c = 0; c < columns.length; c++) line += (c ? ',' : '') + csvField(row[columns[c]!]);
  return `${line}\n`;
}

/** Streams rows of one table to a writer: the header first, then each row as it comes. */
export class CsvTableWriter {
  rows = 0;
  constructor(
    private readonly out: ChunkedTextWriter,
    private readonly columns: readonly string[],
  ) {
    out.write(csvHeader(columns));
  }

  row(row: Row): void {
    this.out.write(csvLine(this.columns, row));
    this.rows++;
  }

  /** A line already built in column order (without its LF). */
  line(text: string): void {
    this.out.write(`${text}\n`);
    this.rows++;
  }
}

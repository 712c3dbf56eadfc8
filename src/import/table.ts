/**
 * Delimited text (CSV / TSV) → rows keyed by header, each with its line number, so that every
 * later problem can name file, row and column. Pure: the caller reads the file.
 */
import Papa from 'papaparse';
import { InputError, type InputProblem } from '../input/inputError.ts';

export interface TableRow {
  /** 1-based line in the file (the header is line 1) */
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

export interface Table {
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly TableRow[];
}

/** Parse CSV or TSV text (BOM and CRLF tolerated). Blank lines are skipped; ragged rows are errors. */
export function parseTable(text: string, file: string, delimiter: ',' | '\t' = ','): Table {
  const clean = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(clean, { header: false, delimiter, skipEmptyLines: false, quoteChar: delimiter === '\t' ? '\u0000' : '"' });
  const problems: InputProblem[] = parsed.errors.map((e) => ({ file, line: (e.row ?? 0) + 1, message: `cannot parse: ${e.message}` }));
  const data = parsed.data;
  const header = (data[0] ?? []).map((h) => h.replace(/^\uFEFF/, '').trim());
  if (header.length === 0 || header.every((h) => h === '')) throw new InputError([{ file, line: 1, message: 'the file is empty or has no header row' }]);
  const rows: TableRow[] = [];
  data.slice(1).forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    if (cells.length !== header.length) {
      problems.push({ file, line, message: `row has ${cells.length} cells, the header has ${header.length}` });
      return;
    }
    const rec: Record<string, string> = {};
    header.forEach((h, j) => (rec[h] = (cells[j] ?? '').trim()));
    rows.push({ line, cells: rec });
  });
  if (problems.length) throw new InputError(problems);
  return { file, header, rows };
}

/** A missing source column is a hard error that names the file and the column. */
export function requireColumns(table: Table, columns: readonly string[]): void {
  const missing = columns.filter((c) => !table.header.includes(c));
  if (missing.length) {
    throw new InputError(missing.map((c) => ({ file: table.file, line: 1, column: c, message: `required source column "${c}" is missing` })));
  }
}

/**
 * Excel workbooks given as input (scenario workbooks from `fiscal-sim template`, override
 * sheets): read once with exceljs into plain cells, addressed `sheet!A1`.
 *
 * exceljs is loaded only when a workbook is read, and reading is asynchronous, while the
 * loaders are not: a command's xlsx inputs are read before it runs (`preloadWorkbook`, called
 * by the CLI for every .xlsx argument) and the loaders take them from here (`loadedWorkbook`).
 */
import { say } from '../i18n/messageLang.ts';
import { resolve } from 'node:path';
import { MAX_COUNTY_BYTES, readInputFile } from './fileLimits.ts';
import { InputError } from './inputError.ts';

/** A cell as the loaders see it: a number, text, a flag, or a formula's text (without `=`). */
export type WorkbookCell = number | string | boolean | { readonly formula: string } | undefined;

export interface WorkbookSheet {
  readonly name: string;
  /** rows[r][c], 0-based; row 0 is the sheet's row 1 */
  readonly rows: ReadonlyArray<readonly WorkbookCell[]>;
}

export interface Workbook {
  readonly file: string;
  readonly sheets: readonly WorkbookSheet[];
}

/** The column letters of a 0-based column index (0 → A, 26 → AA). */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `sheet!A1` for a 0-based row and column. */
export function cellAddress(sheet: string, row: number, col: number): string {
  return `${sheet}!${columnLetters(col)}${row + 1}`;
}

export function isWorkbookPath(file: string): boolean {
  return /\.xlsx$/i.test(file);
}

function plainCell(v: unknown): WorkbookCell {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o['formula'] === 'string') return { formula: o['formula'] };
    if (typeof o['sharedFormula'] === 'string') return plainCell(o['result']);
    if (Array.isArray(o['richText'])) return (o['richText'] as Array<{ text: string }>).map((t) => t.text).join('');
    if (typeof o['text'] === 'string') return o['text'];
    if (typeof o['error'] === 'string') return o['error'];
  }
  return JSON.stringify(v);
}

const loaded = new Map<string, Workbook>();

/** Read a workbook (lazily loading exceljs) and keep it for `loadedWorkbook`. */
export async function preloadWorkbook(file: string): Promise<Workbook> {
  const path = resolve(file);
  const bytes = readInputFile(path, MAX_COUNTY_BYTES, 'Excel workbook');
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new InputError([{ file, message: say({ zh: `无法读取该 Excel（.xlsx）工作簿：${e instanceof Error ? e.message : String(e)}`, en: `not a readable Excel (.xlsx) workbook: ${e instanceof Error ? e.message : String(e)}` }) }]);
  }
  const sheets: WorkbookSheet[] = wb.worksheets.map((ws) => {
    const rows: WorkbookCell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: WorkbookCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        cells[colNumber - 1] = plainCell(cell.value);
      });
      rows[rowNumber - 1] = Array.from(cells, (c) => c);
    });
    return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
  });
  const book = { file, sheets };
  loaded.set(path, book);
  return book;
}

/** A workbook read by `preloadWorkbook`; an internal error when it was not. */
export function loadedWorkbook(file: string): Workbook {
  const book = loaded.get(resolve(file));
  if (!book) throw new Error(`internal: the workbook ${file} was not read before use (call preloadWorkbook first)`);
  return book;
}

/** A cell as text, for tables of text cells (override sheets): numbers as written, formulas refused by the caller. */
export function cellText(cell: WorkbookCell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? '1' : '0';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return cell;
  return `=${cell.formula}`;
}

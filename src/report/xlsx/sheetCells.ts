/**
 * What a table sheet is written from: one array of cell values per row, in the sheet's
 * column order, with every money (yuan) column as integer fen. Row tables (string yuan
 * amounts) are turned into it lazily, one row at a time.
 */
import { yuanToFen } from '../../model/money.ts';
import type { Row } from '../../tables/countyTable.ts';
import type { ColumnKind } from './columns.ts';

/** A cell: text, a number, or integer fen (a number) in a yuan column; undefined or '' for an empty cell. */
export type SheetCell = string | number | undefined;

const YUAN = /^-?\d+(?:\.\d{1,2})?$/;

/** The rows' cells in `columns` order, yuan amounts as fen (text that is not an amount stays text). */
export function* cellsOfRows(columns: readonly string[], kinds: readonly ColumnKind[], rows: Iterable<Row>): Generator<SheetCell[]> {
  for (const r of rows) {
    yield columns.map((c, i) => {
      const v = r[c];
      if (kinds[i] !== 'yuan' || v === undefined) return v;
      const s = String(v);
      return YUAN.test(s) ? yuanToFen(s) : s;
    });
  }
}

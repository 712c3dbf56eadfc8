/**
 * Spreadsheet formula injection (CSV injection): a text cell that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return (or their full-width forms, which some spreadsheet input
 * methods turn into the ASCII ones) can be run as a formula when a CSV or workbook is opened
 * in Excel, LibreOffice or WPS. Following OWASP's CSV-injection guidance, every such text cell
 * is written with a single quote in front, so that the spreadsheet shows it as text.
 *
 * This is the ONE place where that is decided: the CSV writer (counties.csv, items.csv,
 * provinces.csv and every other table), the tidy CSV and the workbook all call `safeText`.
 * Numbers are not text: a plain number written as a string ("-123.45", "+5", "1e3") is left
 * as it is, so a negative amount stays a negative number. HTML escapes text instead
 * (src/report/html/format.ts); JSON keeps strings as they are (no spreadsheet evaluates JSON).
 */

/** Characters that make a spreadsheet read a cell as a formula when they come first. */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** A plain decimal number, which a spreadsheet reads as a number and never as a formula. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Whether a text value would be read as a formula by a spreadsheet. */
export function isFormulaLike(v: string): boolean {
  return v.length > 0 && FORMULA_START.has(v[0]!) && !PLAIN_NUMBER.test(v);
}

/** The text to write in a spreadsheet cell: neutralised with a leading single quote when formula-like. */
export function safeText(v: string): string {
  return isFormulaLike(v) ? `'${v}` : v;
}

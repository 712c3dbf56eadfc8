/**
 * Override files: a county, prefecture or province table with `code` and any subset of the
 * county columns (own revenue, tax rebates, system subsidy, drivers, flags …), as a CSV file or
 * an xlsx sheet. Each cell given replaces the bundled value (see overrideApply.ts for how);
 * empty cells keep it.
 *
 * Accepted: the headers and value forms of county files (English or Chinese headers, dated fiscal
 * columns such as `own_revenue_2012` or `2012年一般预算收入`, thousands separators, 是/否,
 * 东部/中部/西部), and `x_` note columns (kept as notes, not applied). Refused, all problems at
 * once with file, row (or sheet!cell) and column: a missing `code` column, unknown or duplicate
 * columns, identity columns (province_code …) that cannot change, bad codes and values.
 *
 * Besides the county columns, a file may give the amount a county received of a general
 * transfer in a year: `transfer_<id>_<year>` (the name of counties.csv's column, with the year)
 * or the transfer's Chinese name with the year (`2012年均衡性转移支付`). It replaces the modelled
 * amount for that county and year (src/model/transfers/fixedAllocations.ts).
 */
import { say } from '../i18n/messageLang.ts';
import Papa from 'papaparse';
import { BUDGET_STEMS, FISCAL_STEMS, type ColumnSpec } from './countyColumns.ts';
import { decodeText, parseCell, resolveHeader, type Cell } from './countyFile.ts';
import { formatLimit, MAX_COUNTY_BYTES, MAX_COUNTY_ROWS, MAX_YEAR, MIN_YEAR, readInputFile } from './fileLimits.ts';
import { InputError, ProblemList, type InputProblem } from './inputError.ts';
import { GENERAL_MECHANISMS, MECHANISM_NAMES, type GeneralMechanismId } from '../model/transfers/mechanisms.ts';
import { cellAddress, cellText, isWorkbookPath, loadedWorkbook, type Workbook, type WorkbookSheet } from './xlsxWorkbook.ts';

/** Where a cell is: a CSV line and header, or an xlsx `sheet!cell` address. */
export interface CellPlace {
  readonly file: string;
  readonly line?: number;
  readonly column: string | number;
}

/** A table of text cells (row 0 the header) and the address of each cell. */
export interface CellGrid {
  readonly file: string;
  readonly rows: ReadonlyArray<readonly string[]>;
  readonly place: (row: number, col: number) => CellPlace;
}

/** One value an override row gives: the column it sets (a fixed column, or a dated fiscal one) and where it was. */
export interface OverrideValue {
  /** column key as in the county file: `own_revenue_2012`, `resident_pop`, `eco_zone` … */
  readonly key: string;
  readonly spec: ColumnSpec;
  readonly year?: number;
  readonly value: Cell;
  readonly place: CellPlace;
  /** set for a transfer column: the general transfer whose amount received the value gives */
  readonly transfer?: GeneralMechanismId;
}

export interface OverrideRow {
  readonly code: string;
  /** the name the row gives, checked against the data (not applied) */
  readonly name?: string;
  readonly place: CellPlace;
  readonly values: readonly OverrideValue[];
}

export interface OverrideTable {
  readonly file: string;
  readonly rows: readonly OverrideRow[];
  /** rows with a code and no value (e.g. the template's rows left empty) */
  readonly emptyRows: number;
}

/** Columns a county has that do not change: refused in an override file. */
const FIXED_IDENTITY = new Set(['province_code', 'province', 'prefecture_code', 'prefecture', 'provenance']);
/** Ratio columns the model does not read (census facts kept for reference): refused, since an override would change nothing. */
const UNUSED_RATIOS = new Set(['avg_years_schooling', 'minority_pct', 'nonagri_hukou_pct']);

/** The column of a general transfer's amount received (yuan), as counties.csv names it. */
function transferSpec(m: GeneralMechanismId): ColumnSpec {
  return { name: `transfer_${m}`, kind: 'money', required: false, unit: 'yuan/year', description: `${MECHANISM_NAMES[m].en} received`, aliases: [MECHANISM_NAMES[m].zh] };
}
const TRANSFER_STEMS = new Map<string, GeneralMechanismId>(GENERAL_MECHANISMS.flatMap((m) => [[`transfer_${m}`, m] as const, [MECHANISM_NAMES[m].zh, m] as const]));

/** A transfer column's header: `transfer_equalization_2012`, `2012年均衡性转移支付`, `均衡性转移支付2012`. */
export function resolveTransferHeader(raw: string): { transfer: GeneralMechanismId; year: number } | undefined {
  const h = raw.replace(/^\uFEFF/, '').trim().replace(/\s+/g, '_').toLowerCase();
  const suffix = /^(.+?)_?((?:19|20)\d\d)(年)?$/.exec(h);
  const prefix = /^((?:19|20)\d\d)年?_?(.+)$/.exec(h);
  for (const [stem, year] of [...(suffix ? [[suffix[1]!, suffix[2]!]] : []), ...(prefix ? [[prefix[2]!, prefix[1]!]] : [])]) {
    const transfer = TRANSFER_STEMS.get(stem!);
    if (transfer) return { transfer, year: Number(year) };
  }
  return undefined;
}

/** Every column an override may set, as the template's county sheet lists it (for `years`). */
export function overridableColumns(years: readonly number[]): string[] {
  const flags = ['directly_managed', 'difficult', 'nutrition_pilot', 'eco_zone', 'resource_exhausted', 'grain_county', 'ethnic_area', 'old_revolutionary', 'border'];
  const dated = [...FISCAL_STEMS, ...BUDGET_STEMS].flatMap((s) => years.map((y) => `${s.name}_${y}`));
  return [...dated, 'fiscal_staff', ...flags, 'region_group', 'tier_2018', 'cost_index'];
}

/** Read an override table from a grid of text cells. */
export function parseOverrideGrid(grid: CellGrid): OverrideTable {
  const { file } = grid;
  const problems = new ProblemList();
  const header = grid.rows[0];
  if (!header || header.every((h) => h.trim() === '')) throw new InputError([{ file, line: 1, message: say({ zh: '覆盖文件为空或缺少表头行', en: 'the override file is empty or has no header row' }) }]);
  type Target = { col: number; raw: string; key: string; spec: ColumnSpec; year?: number; transfer?: GeneralMechanismId } | { col: number; raw: string; key: 'note' };
  const targets: Target[] = [];
  const seen = new Map<string, string>();
  header.forEach((raw, col) => {
    const at = grid.place(0, col);
    if (raw.trim() === '') {
      // an empty header over an empty column is nothing given; over values it is refused below
      if (grid.rows.some((r, i) => i > 0 && (r[col] ?? '').trim() !== '')) problems.push({ ...at, message: say({ zh: '有数据的列缺少表头', en: 'a column with values has no header' }) });
      return;
    }
    const tr = resolveTransferHeader(raw);
    if (tr) {
      const key = `transfer_${tr.transfer}_${tr.year}`;
      const earlier = seen.get(key);
      if (tr.year < MIN_YEAR || tr.year > MAX_YEAR) problems.push({ ...at, message: say({ zh: `年份 ${tr.year} 超出 ${MIN_YEAR}–${MAX_YEAR} 的范围`, en: `year ${tr.year} is outside ${MIN_YEAR}–${MAX_YEAR}` }) });
      else if (earlier !== undefined) problems.push({ ...at, message: say({ zh: `列“${raw}”与“${earlier}”（${key}）重复`, en: `column "${raw}" means the same as "${earlier}" (${key})` }) });
      else {
        seen.set(key, raw);
        targets.push({ col, raw, key, spec: transferSpec(tr.transfer), year: tr.year, transfer: tr.transfer });
      }
      return;
    }
    const t = resolveHeader(raw);
    if (!t) {
      problems.push({ ...at, message: say({ zh: `未知列“${raw}”（覆盖文件可含代码列、县级数据列（见 data/counties/README.md）和各项转移支付实收数 transfer_<id>_<年度>（见 docs/own-data.md）；自己的备注列请以 x_ 开头）`, en: `unknown column "${raw}" (an override file takes code, the county columns of data/counties/README.md and transfers received as transfer_<id>_<year>, see docs/own-data.md; prefix your own note columns with x_)` }) });
      return;
    }
    if (t.kind === 'note') {
      targets.push({ col, raw, key: 'note' });
      return;
    }
    const key = t.kind === 'fixed' ? t.spec.name : `${t.spec.name}_${t.year}`;
    if (t.kind === 'fixed' && FIXED_IDENTITY.has(key)) {
      problems.push({ ...at, message: say({ zh: `${key} 列不能覆盖：县所属的省和地市由其代码决定；请去掉该列`, en: `column ${key} cannot be overridden: a county's province and prefecture follow from its code; leave the column out` }) });
      return;
    }
    if (t.kind === 'fixed' && UNUSED_RATIOS.has(key)) {
      problems.push({ ...at, message: say({ zh: `${key} 列是模型不使用的普查数据，覆盖它不会改变结果；请去掉该列`, en: `column ${key} is a census fact the model does not use, so overriding it would change nothing; leave it out` }) });
      return;
    }
    if (t.kind === 'fiscal' && (t.year < MIN_YEAR || t.year > MAX_YEAR)) {
      problems.push({ ...at, message: say({ zh: `年份 ${t.year} 超出 ${MIN_YEAR}–${MAX_YEAR} 的范围`, en: `year ${t.year} is outside ${MIN_YEAR}–${MAX_YEAR}` }) });
      return;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ ...at, message: say({ zh: `列“${raw}”与“${earlier}”含义相同（${key}）`, en: `column "${raw}" means the same as "${earlier}" (${key})` }) });
      return;
    }
    seen.set(key, raw);
    targets.push(t.kind === 'fixed' ? { col, raw, key, spec: t.spec } : { col, raw, key, spec: t.spec, year: t.year });
  });
  if (!seen.has('code')) problems.push({ file, line: 1, column: 'code', message: say({ zh: '覆盖文件缺少“代码”（code）列：每行须给出所覆盖的县、地市或省的代码', en: 'the override file has no code column (代码): each row names the county, prefecture or province it overrides' }) });
  if (problems.length) throw problems.error();
  if (grid.rows.length - 1 > MAX_COUNTY_ROWS) throw new InputError([{ file, message: say({ zh: `拒绝读取：行数超过上限 ${formatLimit(MAX_COUNTY_ROWS)}`, en: `refused: more than ${formatLimit(MAX_COUNTY_ROWS)} rows` }) }]);

  const rows: OverrideRow[] = [];
  const codes = new Map<string, CellPlace>();
  let emptyRows = 0;
  for (let r = 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r]!;
    if (cells.every((c) => c.trim() === '')) continue; // a blank line: nothing given
    let code: string | undefined;
    let name: string | undefined;
    let codePlace: CellPlace | undefined;
    const values: OverrideValue[] = [];
    let given = 0;
    for (const t of targets) {
      const raw = cells[t.col] ?? '';
      if (!('spec' in t) || raw.trim() === '') continue;
      const place = grid.place(r, t.col);
      const parsed = parseCell(t.spec, raw);
      if ('error' in parsed) {
        problems.push({ ...place, message: parsed.error });
        continue;
      }
      if (t.key === 'code') {
        code = parsed.value as string;
        codePlace = place;
        continue;
      }
      if (t.key === 'name') {
        name = parsed.value as string;
        continue;
      }
      given++;
      if (t.key === 'tier_2018' && ((parsed.value as number) < 1 || (parsed.value as number) > 5)) {
        problems.push({ ...place, message: say({ zh: `档次 ${String(parsed.value)} 不在 1 至 5 之间`, en: `tier ${String(parsed.value)} is not between 1 and 5` }) });
        continue;
      }
      values.push({ key: t.key, spec: t.spec, ...(t.year !== undefined ? { year: t.year } : {}), ...(t.transfer ? { transfer: t.transfer } : {}), value: parsed.value, place });
    }
    if (code === undefined) {
      if (!targets.some((t) => t.key === 'code' && (cells[t.col] ?? '').trim() !== '')) problems.push({ ...grid.place(r, targets.find((t) => t.key === 'code')!.col), message: say({ zh: '该行有数值但缺少代码', en: 'the row has values but no code' }) });
      continue;
    }
    const earlier = codes.get(code);
    if (earlier) {
      problems.push({ ...codePlace!, message: say({ zh: `代码 ${code} 重复（${earlier.line ?? earlier.column} 处也有）`, en: `duplicate code ${code} (also at ${earlier.line ?? earlier.column})` }) });
      continue;
    }
    codes.set(code, codePlace!);
    if (given === 0) {
      emptyRows++;
      continue;
    }
    rows.push({ code, ...(name !== undefined ? { name } : {}), place: codePlace!, values });
  }
  if (problems.length) throw problems.error();
  return { file, rows, emptyRows };
}

/** A CSV as a grid: lines numbered as in the file's records (header = 1), columns named by header. */
export function csvGrid(text: string, file: string): CellGrid {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter });
  const problems: InputProblem[] = parsed.errors.map((e) => ({ file, ...(e.row !== undefined ? { line: e.row + 1 } : {}), message: say({ zh: `CSV 格式错误：${e.message}`, en: `CSV: ${e.message}` }) }));
  if (problems.length) throw new InputError(problems);
  const rows = parsed.data;
  const header = rows[0] ?? [];
  return { file, rows, place: (row, col) => ({ file, line: row + 1, column: header[col]?.trim() || col + 1 }) };
}

/** Read an override CSV (UTF-8 or GBK, as county files). */
export function loadOverrideCsv(file: string): OverrideTable {
  const bytes = readInputFile(file, MAX_COUNTY_BYTES, 'override file');
  return parseOverrideGrid(csvGrid(decodeText(bytes, file).text, file));
}

/** The sheet of a workbook that holds county overrides: 县级数据 (as the template names it), else the only or first sheet. */
export const OVERRIDE_SHEET = '县级数据';

/** A workbook sheet as a grid of text cells, addressed `sheet!A1`. */
export function sheetGrid(book: Workbook, sheet: WorkbookSheet): CellGrid {
  const rows = sheet.rows.map((r) => Array.from(r, (c) => cellText(c)));
  return { file: book.file, rows, place: (row, col) => ({ file: book.file, column: cellAddress(sheet.name, row, col) }) };
}

/** Read the override sheet of a workbook read before (see xlsxWorkbook.ts). */
export function loadOverrideWorkbook(file: string): OverrideTable {
  const book = loadedWorkbook(file);
  const sheet = book.sheets.find((s) => s.name === OVERRIDE_SHEET) ?? book.sheets[0];
  if (!sheet) throw new InputError([{ file, message: say({ zh: '工作簿没有工作表', en: 'the workbook has no sheet' }) }]);
  return parseOverrideGrid(sheetGrid(book, sheet));
}

/** Read an override file: CSV, or the 县级数据 (else first) sheet of an xlsx workbook. */
export function loadOverrideFile(file: string): OverrideTable {
  return isWorkbookPath(file) ? loadOverrideWorkbook(file) : loadOverrideCsv(file);
}

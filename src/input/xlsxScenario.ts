/**
 * Scenario workbooks (`fiscal-sim template`, edited in Excel): their layout, and reading one
 * back as a scenario document that scenarioFile.ts checks exactly as it checks YAML.
 *
 * Sheets:
 * - 情景 (scenario): title, reference, years and population basis, one per row (key in column B,
 *   value in column C).
 * - 参数 (parameters): one row per parameter, path in column A, its value in each year under the
 *   year columns. A cell that differs from the baseline value shown by the template makes a
 *   change of that parameter from that year on, with the values of the later year columns as
 *   they stand (so the sheet reads as it runs). Grouped values and splits are written
 *   `{by: region_group, west: 500, central: 500, east: 550}`; a formula is `=…` (an Excel
 *   formula cell is read as its text).
 * - 县级数据 (county data): code, name (not applied) and county columns; each filled cell sets that
 *   county's value, as a scenario's `counties:` entry would. Its transfer columns (2012年均衡性转移支付,
 *   a county's transfers received) are read only by --override (overrideFile.ts): a scenario takes
 *   them empty and refuses a filled one, naming --override.
 * Every problem is addressed `sheet!cell`, e.g. `参数!E12`.
 */
import { say } from '../i18n/messageLang.ts';
import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BUDGET_STEMS, FISCAL_STEMS } from './countyColumns.ts';
import { resolveHeader } from './countyFile.ts';
import { resolveTransferHeader } from './overrideFile.ts';
import { InputError, type InputProblem } from './inputError.ts';
import { cellAddress, cellText, type Workbook, type WorkbookCell, type WorkbookSheet } from './xlsxWorkbook.ts';

export const SCENARIO_SHEET = '情景';
export const PARAMETER_SHEET = '参数';
export const COUNTY_SHEET = '县级数据';

/** The 参数 sheet's fixed columns before the year columns; the source comes after them. */
export const PARAMETER_HEADER = ['路径 / path', '名称 / name', '单位 / unit', '说明 / description'] as const;
export const FIRST_YEAR_COLUMN = PARAMETER_HEADER.length;

/** The 情景 sheet's rows: label, key, what to write. */
export const SCENARIO_ROWS: ReadonlyArray<readonly [string, string, string]> = [
  ['标题 / title', 'title', '情景名称（至少 3 个字）/ a title of at least 3 characters'],
  ['政策依据 / reference', 'reference', '所模拟的政策文件 / the policy document modelled'],
  ['起始年份 / first year', 'years_from', '默认 2011 / default 2011'],
  ['终止年份 / last year', 'years_to', '默认 2015 / default 2015'],
  ['人口口径 / population basis', 'population_basis', 'resident（常住）或 registered（户籍）'],
];

/** A parameter value as the template writes it in a cell: numbers as numbers, grouped values and splits as `{key: value, …}`. */
export function parameterCell(value: unknown): number | string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'object') return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${String(v)}`).join(', ')}}`;
  return shown(value);
}

/** Any value as text for a message or a string field. */
function shown(v: unknown): string {
  if (v === undefined) return '';
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

/** A cell as a scenario value: a number, `= formula`, a `{…}` object, other text (checked later), or nothing. */
function cellValue(cell: WorkbookCell): unknown {
  if (cell === undefined) return undefined;
  if (typeof cell === 'object') return `= ${cell.formula}`;
  if (typeof cell === 'string') {
    const t = cell.trim();
    if (t === '') return undefined;
    if (t.startsWith('{')) {
      try {
        return parseYaml(t) as unknown;
      } catch {
        return t;
      }
    }
    return t;
  }
  return cell;
}

function stable(v: unknown): string {
  if (v !== null && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${k}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'undefined';
}

export interface WorkbookScenarioDocument {
  readonly file: string;
  readonly data: unknown;
  readonly locate: (path: ReadonlyArray<PropertyKey>) => { line?: number; column?: number | string };
  readonly cite: (path: ReadonlyArray<PropertyKey>) => string;
  /** problems of the workbook's layout, reported with those of the checks that follow */
  readonly problems: readonly InputProblem[];
}

/**
 * Read a scenario workbook as a scenario document. `baseline` holds, by parameter path, the
 * value the template showed in each year (what an unedited cell holds).
 */
export function workbookScenario(book: Workbook, baseline: ReadonlyMap<string, ReadonlyMap<number, unknown>>): WorkbookScenarioDocument {
  const { file } = book;
  const problems: InputProblem[] = [];
  const places = new Map<string, string>();
  const put = (path: ReadonlyArray<PropertyKey>, address: string): void => void places.set(path.map(String).join('\u0000'), address);
  const sheet = (name: string): WorkbookSheet | undefined => book.sheets.find((s) => s.name === name);
  if (!sheet(PARAMETER_SHEET) && !sheet(COUNTY_SHEET)) {
    throw new InputError([{ file, message: say({ zh: `工作簿缺少“${PARAMETER_SHEET}”或“${COUNTY_SHEET}”工作表，请用 fiscal-sim template 生成`, en: `the workbook has neither a ${PARAMETER_SHEET} nor a ${COUNTY_SHEET} sheet: make it with \`fiscal-sim template\`` }) }]);
  }
  const data: Record<string, unknown> = { title: `Excel ${basename(file, extname(file))}` };

  // 情景: settings
  const settings = sheet(SCENARIO_SHEET);
  if (settings) {
    const years: Record<string, unknown> = {};
    settings.rows.forEach((row, r) => {
      if (r === 0) return;
      const key = cellText(row[1]).trim();
      const value = cellValue(row[2]);
      if (key === '' && value === undefined) return;
      const at = cellAddress(settings.name, r, 2);
      if (value === undefined) return;
      switch (key) {
        case 'title':
        case 'reference':
        case 'population_basis':
          data[key] = shown(value);
          put([key], at);
          break;
        case 'years_from':
        case 'years_to':
          years[key === 'years_from' ? 'from' : 'to'] = value;
          put(['years', key === 'years_from' ? 'from' : 'to'], at);
          put(['years'], at);
          break;
        default:
          problems.push({ file, column: cellAddress(settings.name, r, 1), message: say({ zh: `未知设置项“${key}”（可用：${SCENARIO_ROWS.map((x) => x[1]).join('、')}）`, en: `unknown setting "${key}" (use ${SCENARIO_ROWS.map((x) => x[1]).join(', ')})` }) });
      }
    });
    if (Object.keys(years).length) data['years'] = { from: years['from'] ?? 2011, to: years['to'] ?? 2015 };
  }

  // 参数: the edited cells become changes
  const changes: Array<{ path: string; values: Record<string, unknown> }> = [];
  const params = sheet(PARAMETER_SHEET);
  if (params) {
    const header = params.rows[0] ?? [];
    const yearCols: Array<{ col: number; year: number }> = [];
    header.forEach((h, col) => {
      if (col < FIRST_YEAR_COLUMN) return;
      const m = /^\s*((?:19|20)\d\d)\s*(年)?\s*$/.exec(cellText(h));
      if (m) yearCols.push({ col, year: Number(m[1]) });
    });
    if (yearCols.length === 0) problems.push({ file, column: cellAddress(params.name, 0, FIRST_YEAR_COLUMN), message: say({ zh: '参数表缺少年份列', en: 'the parameter sheet has no year columns (2011, 2012, …)' }) });
    const seen = new Map<string, string>();
    params.rows.forEach((row, r) => {
      if (r === 0) return;
      const pathCell = row[0];
      const path = cellText(pathCell).trim();
      const cells = yearCols.map((y) => ({ ...y, value: cellValue(row[y.col]), at: cellAddress(params.name, r, y.col) }));
      if (path === '') {
        const filled = cells.find((c) => c.value !== undefined);
        if (filled) problems.push({ file, column: cellAddress(params.name, r, 0), message: say({ zh: `${filled.at} 有数值，但该行 A 列缺少参数路径`, en: `a value at ${filled.at} has no parameter path in column A` }) });
        return;
      }
      const earlier = seen.get(path);
      if (earlier) {
        problems.push({ file, column: cellAddress(params.name, r, 0), message: say({ zh: `参数 ${path} 出现两次（另见 ${earlier}）`, en: `parameter ${path} appears twice (also at ${earlier})` }) });
        return;
      }
      seen.set(path, cellAddress(params.name, r, 0));
      const base = baseline.get(path);
      const differs = (c: (typeof cells)[number]): boolean => !base || stable(c.value) !== stable(base.get(c.year));
      const first = cells.findIndex((c) => differs(c) && (base !== undefined || c.value !== undefined));
      if (first < 0) return;
      const k = changes.length;
      const values: Record<string, unknown> = {};
      let previous: unknown = undefined;
      for (const c of cells.slice(first)) {
        if (c.value === undefined && !base) continue; // an unknown path: its values are shown with the path's problem
        if (c.value === undefined) {
          problems.push({ file, column: c.at, message: say({ zh: `${path}：单元格为空；自 ${cells[first]!.year} 年起每年都须有数值（参数不能删除）`, en: `${path}: the cell is empty; from ${cells[first]!.year} on every year needs a value (a parameter cannot be removed)` }) });
          continue;
        }
        if (c === cells[first] || stable(c.value) !== stable(previous)) {
          values[String(c.year)] = c.value;
          put(['changes', k, 'values', String(c.year)], c.at);
        }
        previous = c.value;
      }
      put(['changes', k, 'path'], cellAddress(params.name, r, 0));
      put(['changes', k], cellAddress(params.name, r, 0));
      changes.push({ path, values });
    });
  }
  data['changes'] = changes;

  // 县级数据: filled cells set county values
  const counties: Array<{ where: { codes: string[] }; set: Record<string, unknown> }> = [];
  const countySheet = sheet(COUNTY_SHEET);
  if (countySheet) {
    const header = countySheet.rows[0] ?? [];
    type Col = { col: number; field: string; year?: number };
    const cols: Col[] = [];
    let codeCol: number | undefined;
    const keys = new Map<string, string>();
    // transfers received: an --override workbook's columns (county accounts, not a policy change); a scenario takes them empty
    const transferCols: Array<{ col: number; key: string }> = [];
    header.forEach((h, col) => {
      const raw = cellText(h);
      if (raw.trim() === '') return;
      const transfer = resolveTransferHeader(raw);
      if (transfer) {
        transferCols.push({ col, key: `transfer_${transfer.transfer}_${transfer.year}` });
        return;
      }
      const t = resolveHeader(raw);
      const at = cellAddress(countySheet.name, 0, col);
      if (t?.kind === 'note') return;
      const key = t?.kind === 'fiscal' ? `${t.spec.name}_${t.year}` : t?.kind === 'fixed' ? t.spec.name : raw;
      if (keys.has(key)) {
        problems.push({ file, column: at, message: say({ zh: `列“${raw}”与 ${keys.get(key)!} 重复（${key}）`, en: `column "${raw}" repeats ${key} (also at ${keys.get(key)!})` }) });
        return;
      }
      keys.set(key, at);
      if (t?.kind === 'fixed' && t.spec.name === 'code') codeCol = col;
      else if (t?.kind === 'fixed' && t.spec.name === 'name') return;
      else if (t?.kind === 'fiscal' && [...FISCAL_STEMS, ...BUDGET_STEMS].includes(t.spec)) cols.push({ col, field: t.spec.name, year: t.year });
      else if (t?.kind === 'fixed' && SCENARIO_COUNTY_FIELDS.includes(t.spec.name)) cols.push({ col, field: t.spec.name });
      else problems.push({ file, column: at, message: say({ zh: `情景不能设置列“${raw}”（可设置：代码、名称、${SCENARIO_COUNTY_FIELDS.join('、')} 及带年份的财政列，如 own_revenue_2012）`, en: `column "${raw}" cannot be set by a scenario (columns: code, name, ${SCENARIO_COUNTY_FIELDS.join(', ')} and dated fiscal columns such as own_revenue_2012)` }) });
    });
    if (codeCol === undefined && countySheet.rows.length > 1) problems.push({ file, column: cellAddress(countySheet.name, 0, 0), message: say({ zh: '县级数据表缺少“代码”列', en: 'the county sheet has no code (代码) column' }) });
    countySheet.rows.forEach((row, r) => {
      if (r === 0) return;
      for (const t of transferCols) {
        if (cellValue(row[t.col]) === undefined) continue;
        problems.push({ file, column: cellAddress(countySheet.name, r, t.col), message: say({ zh: `${t.key}：转移支付实收数是县的账目数据，不是情景的政策修改，情景不接受；请用 --override ${basename(file)} 给出该工作簿（读取其“${COUNTY_SHEET}”表），或清空该单元格`, en: `${t.key}: a transfer received is a county's accounts, not a policy change, so a scenario does not take it; give the workbook with --override ${basename(file)} (its ${COUNTY_SHEET} sheet is read), or empty the cell` }) });
      }
      if (codeCol === undefined) return;
      const set: Record<string, unknown> = {};
      const k = counties.length;
      for (const c of cols) {
        const value = cellValue(row[c.col]);
        if (value === undefined) continue;
        const at = cellAddress(countySheet.name, r, c.col);
        if (c.year !== undefined) {
          ((set[c.field] ??= {}) as Record<string, unknown>)[String(c.year)] = value;
          put(['counties', k, 'set', c.field, String(c.year)], at);
          put(['counties', k, 'set', c.field], at);
        } else {
          set[c.field] = value;
          put(['counties', k, 'set', c.field], at);
        }
      }
      if (Object.keys(set).length === 0) return;
      const code = cellValue(row[codeCol]);
      const codeAt = cellAddress(countySheet.name, r, codeCol);
      if (!/^\d{6}$/.test(shown(code))) {
        problems.push({ file, column: codeAt, message: say({ zh: `“${shown(code)}”不是六位县级代码`, en: `"${shown(code)}" is not a six-digit county code` }) });
        return;
      }
      put(['counties', k, 'where'], codeAt);
      put(['counties', k], codeAt);
      counties.push({ where: { codes: [shown(code)] }, set });
    });
  }
  data['counties'] = counties;

  const locate = (path: ReadonlyArray<PropertyKey>): { column?: string } => {
    for (let n = path.length; n > 0; n--) {
      const at = places.get(path.slice(0, n).map(String).join('\u0000'));
      if (at) return { column: at };
    }
    return {};
  };
  return { file, data, locate, cite: (path) => `scenario ${basename(file)} ${locate(path).column ?? ''}`.trim(), problems };
}

/** County columns (other than the dated fiscal ones) a scenario may set. */
export const SCENARIO_COUNTY_FIELDS: readonly string[] = ['directly_managed', 'difficult', 'nutrition_pilot', 'eco_zone', 'resource_exhausted', 'grain_county', 'ethnic_area', 'old_revolutionary', 'border', 'region_group', 'tier_2018', 'cost_index', 'fiscal_staff'];

/**
 * Load a county CSV file (the column contract is in countyColumns.ts and data/counties/README.md).
 *
 * Forgiving about how real spreadsheets come: UTF-8 with or without BOM, or GBK;
 * English or Chinese headers; thousands separators (1,234,567); 是/否 and 东部/中部/西部.
 * Strict about what is wrong: every problem is reported with file, row, column and reason,
 * all at once (the first 100 listed, the rest counted per column), and nothing is returned when
 * any is found. A file whose encoding is mixed (UTF-8 rows and rows that are not) is refused,
 * naming the rows. Limits (src/input/fileLimits.ts): only regular files, at most 64 MiB and
 * 100,000 rows; rows are parsed one at a time, so memory grows with the rows kept.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type PapaModule from 'papaparse';
import type IconvModule from 'iconv-lite';
import { say } from '../i18n/messageLang.ts';
import { Decimal } from 'decimal.js';
import type { County } from '../model/county.ts';
import { BUDGET_FLAG_COLUMNS, BUDGET_STEMS, DATED_DRIVER_STEMS, FISCAL_STEMS, FIXED_COLUMNS, NOTE_PREFIX, POPULATION_COLUMNS, type ColumnSpec, type RegionGroup } from './countyColumns.ts';
import { InputError, ProblemList } from './inputError.ts';
import { formatLimit, MAX_AMOUNT_YUAN, MAX_COST_INDEX, MAX_COUNT, MAX_COUNTY_BYTES, MAX_COUNTY_ROWS, readInputFile } from './fileLimits.ts';
import { PROVINCES } from './provinces.ts';
import { cachedLoad, cachesPath, defaultCache, type CacheOptions } from './inputCache.ts';

// the CSV parser and the GBK decoder are loaded when a file is parsed, not when a command
// starts: a bundled file read from the input cache needs neither
const requirePackage = createRequire(import.meta.url);
const papaparse = (): typeof PapaModule => requirePackage('papaparse') as typeof PapaModule;
const gbk = (bytes: Buffer): string => (requirePackage('iconv-lite') as typeof IconvModule).decode(bytes, 'gbk');

export interface CountyFile {
  readonly file: string;
  readonly counties: County[];
  /** years for which the file has fiscal columns */
  readonly fiscalYears: number[];
  /** the user's own note columns (x_…), by county code */
  readonly notes: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

/** Lines (1-based) of the bytes: [start, end) offsets, without the newline. */
function* byteLines(bytes: Uint8Array): Generator<{ line: number; start: number; end: number }> {
  let line = 1;
  let start = 0;
  for (;;) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl;
    yield { line, start, end };
    if (nl < 0) return;
    line++;
    start = nl + 1;
  }
}

function rowList(rows: readonly number[], total: number): string {
  return `${rows.join(', ')}${total > rows.length ? say({ zh: ` 等，另有 ${total - rows.length} 行`, en: ` and ${total - rows.length} more` }) : ''}`;
}

/**
 * Decode bytes as UTF-8 (BOM stripped) or, when they are not valid UTF-8, as GBK. A file whose
 * rows are in different encodings (UTF-8 Chinese text on some rows, bytes that are not UTF-8 on
 * others, e.g. one GBK row or a stray Latin-1 byte) is refused, naming the rows, since reading
 * it either way would turn some names into mojibake silently. So is a GBK file with bytes GBK
 * cannot decode.
 */
export function decodeText(bytes: Uint8Array, file = '(county file)'): { text: string; encoding: 'utf-8' | 'gbk' } {
  const fatal = new TextDecoder('utf-8', { fatal: true });
  try {
    const text = fatal.decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    // not UTF-8 as a whole: look at each line that has non-ASCII bytes
  }
  const utf8Rows: number[] = [];
  const otherRows: number[] = [];
  let utf8Count = 0;
  let otherCount = 0;
  for (const { line, start, end } of byteLines(bytes)) {
    const slice = bytes.subarray(start, end);
    if (!slice.some((b) => b >= 0x80)) continue;
    let decoded: string | undefined;
    try {
      decoded = fatal.decode(slice);
    } catch {
      decoded = undefined;
    }
    // a line counts as UTF-8 when it decodes and holds CJK text (GBK bytes rarely do both)
    if (decoded !== undefined && /[\u3400-\u9fff]/.test(decoded)) {
      if (utf8Rows.length < 10) utf8Rows.push(line);
      utf8Count++;
    } else if (decoded === undefined) {
      if (otherRows.length < 10) otherRows.push(line);
      otherCount++;
    }
  }
  if (utf8Count > 0 && otherCount > 0) {
    throw new InputError([{
      file,
      line: otherRows[0],
      message: say({ zh: `文件混用了多种编码：第 ${rowList(otherRows, otherCount)} 行不是 UTF-8（例如 GBK 或 Latin-1 字节），而第 ${rowList(utf8Rows, utf8Count)} 行是 UTF-8；请以同一种编码（UTF-8 或 GBK）保存整个文件`, en: `the file mixes encodings: row${otherCount === 1 ? '' : 's'} ${rowList(otherRows, otherCount)} ${otherCount === 1 ? 'is' : 'are'} not UTF-8 (e.g. GBK or Latin-1 bytes) while row${utf8Count === 1 ? '' : 's'} ${rowList(utf8Rows, utf8Count)} ${utf8Count === 1 ? 'is' : 'are'} UTF-8; save the whole file in one encoding (UTF-8 or GBK)` }),
    }]);
  }
  const text = gbk(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (text.includes('\uFFFD')) {
    const bad: number[] = [];
    let count = 0;
    text.split('\n').forEach((l, i) => {
      if (!l.includes('\uFFFD')) return;
      if (bad.length < 10) bad.push(i + 1);
      count++;
    });
    throw new InputError([{ file, line: bad[0], message: say({ zh: `文件既不是 UTF-8 也不是 GBK 编码：第 ${rowList(bad, count)} 行含有两种编码都无法读取的字节`, en: `the file is neither UTF-8 nor GBK: row${count === 1 ? '' : 's'} ${rowList(bad, count)} hold${count === 1 ? 's' : ''} bytes that neither encoding can read` }) }]);
  }
  return { text: text.replace(/^\uFEFF/, ''), encoding: 'gbk' };
}

function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\s+/g, '_')
    .toLowerCase();
}

export type HeaderTarget = { kind: 'fixed'; spec: ColumnSpec } | { kind: 'fiscal'; spec: ColumnSpec; year: number } | { kind: 'note'; name: string };

const headerIndex = (() => {
  const m = new Map<string, ColumnSpec>();
  for (const spec of FIXED_COLUMNS) {
    m.set(spec.name, spec);
    for (const a of spec.aliases) m.set(normalizeHeader(a), spec);
  }
  return m;
})();

const fiscalIndex = (() => {
  const m = new Map<string, ColumnSpec>();
  for (const spec of [...FISCAL_STEMS, ...BUDGET_STEMS, ...DATED_DRIVER_STEMS]) {
    m.set(spec.name, spec);
    for (const a of spec.aliases) m.set(normalizeHeader(a), spec);
  }
  return m;
})();

/** Map one header to its column: fixed, dated fiscal (`own_revenue_2012`, `2012年一般预算收入`), or a note. */
export function resolveHeader(raw: string): HeaderTarget | undefined {
  const h = normalizeHeader(raw);
  if (h.startsWith(NOTE_PREFIX)) return { kind: 'note', name: h };
  const fixed = headerIndex.get(h);
  if (fixed) return { kind: 'fixed', spec: fixed };
  const suffix = /^(.+?)_?((?:19|20)\d\d)(年)?$/.exec(h);
  const prefix = /^((?:19|20)\d\d)年?_?(.+)$/.exec(h);
  const candidates: Array<[string, string]> = [];
  if (suffix) candidates.push([suffix[1]!, suffix[2]!]);
  if (prefix) candidates.push([prefix[2]!, prefix[1]!]);
  for (const [stem, year] of candidates) {
    const spec = fiscalIndex.get(stem);
    if (spec) return { kind: 'fiscal', spec, year: Number(year) };
  }
  return undefined;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}([,，\s]\d{3})+(\.\d*)?$/;

/** Parse a number as spreadsheets write it; undefined when it is not a number. */
export function parseNumber(raw: string): number | undefined {
  const s = raw.trim().replace(/\u00a0/g, ' ');
  if (NUMBER.test(s)) return Number(s);
  if (GROUPED.test(s)) return Number(s.replace(/[,，\s]/g, ''));
  return undefined;
}

/**
 * An amount as people type it in a scenario: a number as spreadsheets write it (1,234,567.5),
 * optionally with 万 or 亿 and 元 (6000亿, 500万元), converted exactly (decimal arithmetic);
 * undefined when the text is not an amount.
 */
export function parseAmountText(raw: string): number | undefined {
  const m = /^\s*(.+?)\s*(亿|万)?\s*(元)?\s*$/.exec(raw.replace(/\u00a0/g, ' '));
  if (!m) return undefined;
  const n = parseNumber(m[1]!);
  if (n === undefined || !Number.isFinite(n)) return undefined;
  if (!m[2]) return n;
  const digits = m[1]!.trim().replace(/[,，\s]/g, '');
  return new Decimal(digits).times(m[2] === '亿' ? 1e8 : 1e4).toNumber();
}

export const FLAG_VALUES: Record<string, boolean> = { '0': false, '1': true, 否: false, 是: true, no: false, yes: true, n: false, y: true, false: false, true: true };
const REGION_VALUES: Record<string, RegionGroup> = { east: 'east', central: 'central', west: 'west', 东部: 'east', 中部: 'central', 西部: 'west', 东: 'east', 中: 'central', 西: 'west' };

export type Cell = string | number | boolean;

/** C0 and C1 control characters other than tab (escape sequences, NUL, …). */
function isControl(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c < 0x20 && c !== 0x09) || (c >= 0x7f && c <= 0x9f);
}

/** One cell of a column, checked against its kind and limits (also used by override files). */
export function parseCell(spec: ColumnSpec, raw: string): { value: Cell } | { error: string } {
  const s = raw.trim();
  switch (spec.kind) {
    case 'text': {
      // control characters (other than tab) could rewrite a terminal or a report: refused
      const control = [...s].find(isControl);
      if (control !== undefined) return { error: `the text contains a control character (U+${control.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) / 文本含有控制字符` };
      return { value: s };
    }
    case 'code':
      return /^\d{6}$/.test(s) ? { value: s } : { error: say({ zh: `“${raw}”不是六位数代码`, en: `"${raw}" is not a six-digit code` }) };
    case 'count':
    case 'money':
    case 'ratio':
    case 'integer': {
      const n = parseNumber(s);
      if (n === undefined || !Number.isFinite(n)) return { error: say({ zh: `“${raw}”不是数字`, en: `"${raw}" is not a number` }) };
      if (spec.kind === 'count' && n < 0) return { error: say({ zh: `${n} 是负数，人数不能为负`, en: `${n} is negative; a count of people cannot be` }) };
      if (spec.kind === 'count' && n > MAX_COUNT) return { error: say({ zh: `${raw.trim()} 过大：人数上限为 ${formatLimit(MAX_COUNT)}（一个县级单位至多几百万人）`, en: `${raw.trim()} is too large: the largest count accepted is ${formatLimit(MAX_COUNT)} (a county-level unit has at most a few million people)` }) };
      if (spec.kind === 'money' && n > MAX_AMOUNT_YUAN) return { error: say({ zh: `${raw.trim()} 元过大：金额上限为 ${formatLimit(MAX_AMOUNT_YUAN)} 元`, en: `${raw.trim()} yuan is too large: the largest amount accepted is ${formatLimit(MAX_AMOUNT_YUAN)} yuan` }) };
      if (spec.kind === 'ratio' && spec.name === 'cost_index' && n > MAX_COST_INDEX) return { error: say({ zh: `成本指数 ${n} 过大：上限为 ${MAX_COST_INDEX}`, en: `cost index ${n} is too large: the largest accepted is ${MAX_COST_INDEX}` }) };
      if (spec.kind === 'integer' && Math.abs(n) > 1e6) return { error: say({ zh: `${raw.trim()} 对 ${spec.name} 来说过大`, en: `${raw.trim()} is too large for ${spec.name}` }) };
      if (spec.kind === 'money' && n < 0) return { error: say({ zh: `${n} 是负数`, en: `${n} is negative` }) };
      if (spec.kind === 'money' && Math.round(n * 100) / 100 !== n) return { error: say({ zh: `${n} 的小数超过两位（金额以元计，精确到分）`, en: `${n} has more than two decimals (money is in yuan to the fen)` }) };
      if (spec.kind === 'ratio' && spec.name === 'cost_index' && !(n > 0)) return { error: say({ zh: `成本指数 ${n} 必须为正数`, en: `cost index ${n} must be positive` }) };
      if (spec.kind === 'integer' && !Number.isInteger(n)) return { error: say({ zh: `${n} 不是整数`, en: `${n} is not a whole number` }) };
      return { value: n };
    }
    case 'flag': {
      const v = FLAG_VALUES[s.toLowerCase()];
      return v === undefined ? { error: say({ zh: `“${raw}”不是标志值（请用 0/1 或 是/否）`, en: `"${raw}" is not a flag (use 0/1, 是/否)` }) } : { value: v };
    }
    case 'enum': {
      const v = REGION_VALUES[s.toLowerCase()];
      return v === undefined ? { error: say({ zh: `“${raw}”不是 ${spec.values?.join('、')}（或 东部/中部/西部）之一`, en: `"${raw}" is not one of ${spec.values?.join(', ')} (or 东部/中部/西部)` }) } : { value: v };
    }
  }
}

/** Number of lines (newlines + 1) in the text. */
function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function parseCountyText(text: string, file: string): CountyFile {
  // the delimiter is a comma, or a tab where the header has tabs and no commas (never guessed from data)
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rowLimit = (line: number) => ({ file, line, message: say({ zh: `拒绝读取：数据行超过上限 ${formatLimit(MAX_COUNTY_ROWS)}（全国约有 2,850 个县级单位）`, en: `refused: the file has more than ${formatLimit(MAX_COUNTY_ROWS)} data rows, the most a county file may have (China has about 2,850 county-level units)` }) });
  // more lines than the row limit: count the records first (keeping nothing), so that a file
  // with too many rows is refused before any row is kept in memory
  if (countLines(text) > MAX_COUNTY_ROWS + 1) {
    let records = 0;
    let dataRows = 0;
    papaparse().parse<string[]>(text, {
      header: false,
      skipEmptyLines: false,
      delimiter,
      step: (results, parser) => {
        records++;
        if (records > 1 && !results.data.every((c) => c.trim() === '') && ++dataRows > MAX_COUNTY_ROWS) parser.abort();
      },
    });
    if (dataRows > MAX_COUNTY_ROWS) throw new InputError([rowLimit(records)]);
  }
  const problems = new ProblemList();
  const counties: County[] = [];
  const notes = new Map<string, Record<string, string>>();
  let fiscalYears: number[] = [];
  // rows are handled one at a time as the parser reads them: only the counties kept stay in memory
  let header: string[] | undefined;
  let onRow: ((cells: string[], line: number) => void) | undefined;
  let record = 0;
  let dataRows = 0;
  let stopped: 'header' | 'rows' | undefined;
  papaparse().parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimiter,
    step: (results, parser) => {
      const line = ++record;
      for (const e of results.errors) problems.push({ file, line, message: say({ zh: `CSV 格式错误：${e.message}`, en: `CSV: ${e.message}` }) });
      const cells = results.data;
      if (line === 1) {
        header = cells;
        onRow = startRows(cells);
        if (!onRow) {
          stopped = 'header';
          parser.abort();
        }
        return;
      }
      if (cells.every((c) => c.trim() === '')) return; // blank line: nothing the user gave
      if (++dataRows > MAX_COUNTY_ROWS) {
        stopped = 'rows';
        parser.abort();
        return;
      }
      onRow!(cells, line);
    },
  });
  if (stopped === 'rows') {
    // the refusal comes first; problems found in the rows read so far follow
    throw new InputError([rowLimit(record), ...problems.listed], problems.omitted);
  }
  if (stopped === 'header') throw problems.error();
  if (!header) throw new InputError([{ file, line: 1, message: say({ zh: '文件为空或缺少表头行', en: 'the file is empty or has no header row' }) }]);
  if (problems.length) throw problems.error();
  if (counties.length === 0) throw new InputError([{ file, message: say({ zh: '文件只有表头，没有县的数据行', en: 'the file has a header but no county rows' }) }]);
  return { file, counties, fiscalYears, notes };

  // the header: check it, and return the row handler (undefined when the header has problems)
  function startRows(header: string[]): ((cells: string[], line: number) => void) | undefined {
    if (header.every((h) => h.trim() === '')) {
      problems.push({ file, line: 1, message: say({ zh: '文件为空或缺少表头行', en: 'the file is empty or has no header row' }) });
      return undefined;
    }
    const targets = header.map((h, col) => ({ col, raw: h, target: resolveHeader(h) }));
    const seen = new Map<string, string>();
    for (const t of targets) {
      if (t.raw.trim() === '') {
        problems.push({ file, line: 1, column: t.col + 1, message: say({ zh: '列标题为空', en: 'empty column header' }) });
        continue;
      }
      if (!t.target) {
        problems.push({ file, line: 1, column: t.raw, message: say({ zh: `未知列“${t.raw}”（可用的列见 data/counties/README.md；自己的备注列请以 ${NOTE_PREFIX} 开头）`, en: `unknown column "${t.raw}" (see data/counties/README.md for the accepted columns; prefix your own note columns with ${NOTE_PREFIX})` }) });
        continue;
      }
      const key = t.target.kind === 'fixed' ? t.target.spec.name : t.target.kind === 'fiscal' ? `${t.target.spec.name}_${t.target.year}` : t.target.name;
      const earlier = seen.get(key);
      if (earlier !== undefined) problems.push({ file, line: 1, column: t.raw, message: say({ zh: `列“${t.raw}”与“${earlier}”含义相同（${key}）`, en: `column "${t.raw}" means the same as "${earlier}" (${key})` }) });
      seen.set(key, t.raw);
    }
    for (const spec of FIXED_COLUMNS) {
      if (spec.required && !seen.has(spec.name)) problems.push({ file, line: 1, column: spec.name, message: say({ zh: `缺少必需的列“${spec.name}”${spec.aliases.length ? `（也可写作：${spec.aliases.join('、')}）` : ''}`, en: `required column ${spec.name} is missing${spec.aliases.length ? ` (also accepted: ${spec.aliases.join(', ')})` : ''}` }) });
    }
    // the run years are those of the fiscal stems (own_revenue …); budget stems may cover other years
    fiscalYears = [...new Set(targets.flatMap((t) => (t.target?.kind === 'fiscal' && FISCAL_STEMS.includes(t.target.spec) ? [t.target.year] : [])))].sort();
    for (const stem of FISCAL_STEMS.filter((s) => s.required)) {
      if (!targets.some((t) => t.target?.kind === 'fiscal' && t.target.spec.name === stem.name)) {
        problems.push({ file, line: 1, column: `${stem.name}_<year>`, message: say({ zh: `缺少“${stem.name}_<年份>”列（如 ${stem.name}_2012）`, en: `no ${stem.name}_<year> column (e.g. ${stem.name}_2012)` }) });
      }
    }
    for (const year of fiscalYears) {
      for (const stem of FISCAL_STEMS.filter((s) => s.required)) {
        if (!seen.has(`${stem.name}_${year}`)) problems.push({ file, line: 1, column: `${stem.name}_${year}`, message: say({ zh: `文件有 ${year} 年的财政列，但缺少 ${stem.name}_${year}`, en: `the file has fiscal columns for ${year} but no ${stem.name}_${year}` }) });
      }
    }
    if (problems.length) return undefined;

    const codes = new Map<string, number>();
    return (cells, line) => {
      if (cells.length !== header.length) {
        problems.push({ file, line, message: say({ zh: `该行有 ${cells.length} 个单元格，表头有 ${header.length} 个`, en: `row has ${cells.length} cells, the header has ${header.length}` }) });
        return;
      }
      const fixed: Record<string, Cell> = {};
      const fiscal: Record<string, Record<number, number>> = {};
      const datedDrivers: Record<string, Record<number, number>> = {};
      const note: Record<string, string> = {};
      let rowOk = true;
      for (const t of targets) {
        const raw = cells[t.col] ?? '';
        const target = t.target!;
        if (target.kind === 'note') {
          note[target.name] = raw;
          continue;
        }
        if (raw.trim() === '') {
          if (target.spec.required) {
            problems.push({ file, line, column: t.raw, message: say({ zh: '必需的列中有空值', en: 'empty value in a required column' }) });
            rowOk = false;
          }
          continue;
        }
        const res = parseCell(target.spec, raw);
        if ('error' in res) {
          problems.push({ file, line, column: t.raw, message: res.error });
          rowOk = false;
          continue;
        }
        if (target.kind === 'fixed') fixed[target.spec.name] = res.value;
        else if (DATED_DRIVER_STEMS.includes(target.spec)) (datedDrivers[target.spec.name] ??= {})[target.year] = res.value as number;
        else (fiscal[target.spec.name] ??= {})[target.year] = res.value as number;
      }
      const where = (column: string, message: string): void => void problems.push({ file, line, column, message });
      const code = fixed['code'] as string | undefined;
      if (code !== undefined) {
        // duplicates are checked even on rows with other problems, so that all are reported at once
        const earlier = codes.get(code);
        if (earlier !== undefined) where('code', say({ zh: `代码 ${code} 重复（第 ${earlier} 行也有）`, en: `duplicate code ${code} (also on row ${earlier})` }));
        else codes.set(code, line);
      }
      if (!rowOk || code === undefined) return;
      const provinceCode = fixed['province_code'] as string;
      if (!PROVINCES[provinceCode]) where('province_code', say({ zh: `未知省份代码 ${provinceCode}`, en: `unknown province ${provinceCode}` }));
      else if (code.slice(0, 2) !== provinceCode.slice(0, 2)) where('province_code', say({ zh: `县 ${code} 不属于省 ${provinceCode}`, en: `county ${code} is not in province ${provinceCode}` }));
      const prefectureCode = fixed['prefecture_code'] as string;
      if (prefectureCode.slice(0, 2) !== code.slice(0, 2)) where('prefecture_code', say({ zh: `地市 ${prefectureCode} 不在该县所在的省`, en: `prefecture ${prefectureCode} is not in the county's province` }));
      const tier = fixed['tier_2018'] as number;
      if (tier < 1 || tier > 5) where('tier_2018', say({ zh: `档次 ${tier} 不在 1 至 5 之间`, en: `tier ${tier} is not between 1 and 5` }));
      const resident = fixed['resident_pop'] as number;
      const urban = fixed['urban_pop'] as number;
      const rural = fixed['rural_pop'] as number;
      if (Math.abs(urban + rural - resident) > Math.max(1, resident * 1e-4)) {
        where('rural_pop', say({ zh: `城镇人口 urban_pop ${urban} + 农村人口 rural_pop ${rural} = ${urban + rural}，不等于常住人口 resident_pop ${resident}`, en: `urban_pop ${urban} + rural_pop ${rural} = ${urban + rural}, not resident_pop ${resident}` }));
      }
      const drivers: Record<string, number> = {};
      for (const spec of FIXED_COLUMNS) if (spec.kind === 'count' && typeof fixed[spec.name] === 'number') drivers[spec.name] = fixed[spec.name] as number;
      for (const spec of POPULATION_COLUMNS) if (!spec.required && drivers[spec.name] === undefined) drivers[spec.name] = 0;
      for (const year of fiscalYears) {
        for (const stem of FISCAL_STEMS.filter((s) => !s.required)) {
          if (fiscal[stem.name]?.[year] === undefined && seen.has(`${stem.name}_${year}`)) where(`${stem.name}_${year}`, say({ zh: '空值', en: 'empty value' }));
        }
      }
      for (const t of targets) {
        const tg = t.target;
        if (tg?.kind === 'fiscal' && BUDGET_STEMS.includes(tg.spec) && fiscal[tg.spec.name]?.[tg.year] === undefined) where(t.raw, say({ zh: '空值', en: 'empty value' }));
      }
      for (const spec of BUDGET_FLAG_COLUMNS) {
        if (seen.has(spec.name) && fixed[spec.name] === undefined) where(spec.name, say({ zh: '空值', en: 'empty value' }));
      }
      const programmeFlags: Record<string, boolean> = {};
      for (const spec of BUDGET_FLAG_COLUMNS) if (typeof fixed[spec.name] === 'boolean') programmeFlags[spec.name] = fixed[spec.name] as boolean;
      counties.push({
        code,
        name: fixed['name'] as string,
        provinceCode,
        province: fixed['province'] as string,
        prefectureCode,
        prefecture: fixed['prefecture'] as string,
        regionGroup: fixed['region_group'] as RegionGroup,
        tier2018: tier,
        directlyManaged: fixed['directly_managed'] as boolean,
        difficult: fixed['difficult'] as boolean,
        nutritionPilot: fixed['nutrition_pilot'] as boolean,
        flags: programmeFlags,
        drivers,
        fiscal,
        ...(Object.keys(datedDrivers).length ? { datedDrivers } : {}),
        costIndex: (fixed['cost_index'] as number | undefined) ?? 1,
      });
      if (Object.keys(note).length) notes.set(code, note);
    };
  }
}

const LAZY_COUNTY_KEYS = ['drivers', 'fiscal', 'datedDrivers'];

/**
 * Load and check a county file. A bundled file (under data/) comes from the input cache when it
 * holds an entry for exactly these bytes (inputCache.ts); any other file is always parsed.
 */
export function loadCountyFile(file: string, cache: CacheOptions = defaultCache(), onBytes?: (bytes: Uint8Array) => void): CountyFile {
  const bytes = readInputFile(file, MAX_COUNTY_BYTES, 'county file');
  // the bytes the counties come from, for a caller that keys something on them (explain's results cache)
  onBytes?.(bytes);
  const parse = (): CountyFile => parseCountyText(decodeText(bytes, file).text, file);
  // a county's drivers and dated columns can be read back from the cache when first asked for
  // (cache.lazily): a command that reads few counties' (explain, from its results cache) then
  // never builds the rest
  return cachesPath(file, cache) ? cachedLoad('counties', resolve(file), [{ file, bytes }], parse, cache, LAZY_COUNTY_KEYS) : parse();
}

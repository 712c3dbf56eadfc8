/**
 * Load a county CSV file (the column contract is in countyColumns.ts and data/counties/README.md).
 *
 * Forgiving about how real spreadsheets come: UTF-8 with or without BOM, or GBK;
 * English or Chinese headers; thousands separators (1,234,567); 是/否 and 东部/中部/西部.
 * Strict about what is wrong: every problem is reported with file, row, column and reason,
 * all at once, and nothing is returned when any is found.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import type { County } from '../model/county.ts';
import { BUDGET_FLAG_COLUMNS, BUDGET_STEMS, FISCAL_STEMS, FIXED_COLUMNS, NOTE_PREFIX, POPULATION_COLUMNS, type ColumnSpec, type RegionGroup } from './countyColumns.ts';
import { InputError, type InputProblem } from './inputError.ts';
import { PROVINCES } from './provinces.ts';

export interface CountyFile {
  readonly file: string;
  readonly counties: County[];
  /** years for which the file has fiscal columns */
  readonly fiscalYears: number[];
  /** the user's own note columns (x_…), by county code */
  readonly notes: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

/** Decode bytes as UTF-8 (BOM stripped) or, when they are not valid UTF-8, as GBK. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gbk' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'gbk'), encoding: 'gbk' };
  }
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

type HeaderTarget = { kind: 'fixed'; spec: ColumnSpec } | { kind: 'fiscal'; spec: ColumnSpec; year: number } | { kind: 'note'; name: string };

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
  for (const spec of [...FISCAL_STEMS, ...BUDGET_STEMS]) {
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

const FLAG_VALUES: Record<string, boolean> = { '0': false, '1': true, 否: false, 是: true, no: false, yes: true, n: false, y: true, false: false, true: true };
const REGION_VALUES: Record<string, RegionGroup> = { east: 'east', central: 'central', west: 'west', 东部: 'east', 中部: 'central', 西部: 'west', 东: 'east', 中: 'central', 西: 'west' };

type Cell = string | number | boolean;

function parseCell(spec: ColumnSpec, raw: string): { value: Cell } | { error: string } {
  const s = raw.trim();
  switch (spec.kind) {
    case 'text':
      return { value: s };
    case 'code':
      return /^\d{6}$/.test(s) ? { value: s } : { error: `"${raw}" is not a six-digit code` };
    case 'count':
    case 'money':
    case 'ratio':
    case 'integer': {
      const n = parseNumber(s);
      if (n === undefined || !Number.isFinite(n)) return { error: `"${raw}" is not a number` };
      if (spec.kind === 'count' && n < 0) return { error: `${n} is negative; a count of people cannot be` };
      if (spec.kind === 'money' && n < 0) return { error: `${n} is negative` };
      if (spec.kind === 'money' && Math.round(n * 100) / 100 !== n) return { error: `${n} has more than two decimals (money is in yuan to the fen)` };
      if (spec.kind === 'ratio' && spec.name === 'cost_index' && !(n > 0)) return { error: `cost index ${n} must be positive` };
      if (spec.kind === 'integer' && !Number.isInteger(n)) return { error: `${n} is not a whole number` };
      return { value: n };
    }
    case 'flag': {
      const v = FLAG_VALUES[s.toLowerCase()];
      return v === undefined ? { error: `"${raw}" is not a flag (use 0/1, 是/否)` } : { value: v };
    }
    case 'enum': {
      const v = REGION_VALUES[s.toLowerCase()];
      return v === undefined ? { error: `"${raw}" is not one of ${spec.values?.join(', ')} (or 东部/中部/西部)` } : { value: v };
    }
  }
}

export function parseCountyText(text: string, file: string): CountyFile {
  // the delimiter is a comma, or a tab where the header has tabs and no commas (never guessed from data)
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter });
  const problems: InputProblem[] = [];
  for (const e of parsed.errors) {
    problems.push({ file, line: (e.row ?? 0) + 1, message: `CSV: ${e.message}` });
  }
  const rows = parsed.data;
  const header = rows[0];
  if (!header || header.every((h) => h.trim() === '')) throw new InputError([{ file, line: 1, message: 'the file is empty or has no header row' }]);

  const targets = header.map((h, col) => ({ col, raw: h, target: resolveHeader(h) }));
  const seen = new Map<string, string>();
  for (const t of targets) {
    if (t.raw.trim() === '') {
      problems.push({ file, line: 1, column: t.col + 1, message: 'empty column header' });
      continue;
    }
    if (!t.target) {
      problems.push({ file, line: 1, column: t.raw, message: `unknown column "${t.raw}" (see data/counties/README.md for the accepted columns; prefix your own note columns with ${NOTE_PREFIX})` });
      continue;
    }
    const key = t.target.kind === 'fixed' ? t.target.spec.name : t.target.kind === 'fiscal' ? `${t.target.spec.name}_${t.target.year}` : t.target.name;
    const earlier = seen.get(key);
    if (earlier !== undefined) problems.push({ file, line: 1, column: t.raw, message: `column "${t.raw}" means the same as "${earlier}" (${key})` });
    seen.set(key, t.raw);
  }
  for (const spec of FIXED_COLUMNS) {
    if (spec.required && !seen.has(spec.name)) problems.push({ file, line: 1, column: spec.name, message: `required column ${spec.name} is missing${spec.aliases.length ? ` (also accepted: ${spec.aliases.join(', ')})` : ''}` });
  }
  // the run years are those of the fiscal stems (own_revenue …); budget stems may cover other years
  const fiscalYears = [...new Set(targets.flatMap((t) => (t.target?.kind === 'fiscal' && FISCAL_STEMS.includes(t.target.spec) ? [t.target.year] : [])))].sort();
  for (const stem of FISCAL_STEMS.filter((s) => s.required)) {
    if (!targets.some((t) => t.target?.kind === 'fiscal' && t.target.spec.name === stem.name)) {
      problems.push({ file, line: 1, column: `${stem.name}_<year>`, message: `no ${stem.name}_<year> column (e.g. ${stem.name}_2012)` });
    }
  }
  for (const year of fiscalYears) {
    for (const stem of FISCAL_STEMS.filter((s) => s.required)) {
      if (!seen.has(`${stem.name}_${year}`)) problems.push({ file, line: 1, column: `${stem.name}_${year}`, message: `the file has fiscal columns for ${year} but no ${stem.name}_${year}` });
    }
  }
  if (problems.length) throw new InputError(problems);

  const counties: County[] = [];
  const notes = new Map<string, Record<string, string>>();
  const codes = new Map<string, number>();
  rows.slice(1).forEach((cells, r) => {
    const line = r + 2;
    if (cells.every((c) => c.trim() === '')) return; // blank line: nothing the user gave
    if (cells.length !== header.length) {
      problems.push({ file, line, message: `row has ${cells.length} cells, the header has ${header.length}` });
      return;
    }
    const fixed: Record<string, Cell> = {};
    const fiscal: Record<string, Record<number, number>> = {};
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
          problems.push({ file, line, column: t.raw, message: 'empty value in a required column' });
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
      else (fiscal[target.spec.name] ??= {})[target.year] = res.value as number;
    }
    const where = (column: string, message: string): void => void problems.push({ file, line, column, message });
    const code = fixed['code'] as string | undefined;
    if (code !== undefined) {
      // duplicates are checked even on rows with other problems, so that all are reported at once
      const earlier = codes.get(code);
      if (earlier !== undefined) where('code', `duplicate code ${code} (also on row ${earlier})`);
      else codes.set(code, line);
    }
    if (!rowOk || code === undefined) return;
    const provinceCode = fixed['province_code'] as string;
    if (!PROVINCES[provinceCode]) where('province_code', `unknown province ${provinceCode}`);
    else if (code.slice(0, 2) !== provinceCode.slice(0, 2)) where('province_code', `county ${code} is not in province ${provinceCode}`);
    const prefectureCode = fixed['prefecture_code'] as string;
    if (prefectureCode.slice(0, 2) !== code.slice(0, 2)) where('prefecture_code', `prefecture ${prefectureCode} is not in the county's province`);
    const tier = fixed['tier_2018'] as number;
    if (tier < 1 || tier > 5) where('tier_2018', `tier ${tier} is not between 1 and 5`);
    const resident = fixed['resident_pop'] as number;
    const urban = fixed['urban_pop'] as number;
    const rural = fixed['rural_pop'] as number;
    if (Math.abs(urban + rural - resident) > Math.max(1, resident * 1e-4)) {
      where('rural_pop', `urban_pop ${urban} + rural_pop ${rural} = ${urban + rural}, not resident_pop ${resident}`);
    }
    const drivers: Record<string, number> = {};
    for (const spec of FIXED_COLUMNS) if (spec.kind === 'count' && typeof fixed[spec.name] === 'number') drivers[spec.name] = fixed[spec.name] as number;
    for (const spec of POPULATION_COLUMNS) if (!spec.required && drivers[spec.name] === undefined) drivers[spec.name] = 0;
    for (const year of fiscalYears) {
      for (const stem of FISCAL_STEMS.filter((s) => !s.required)) {
        if (fiscal[stem.name]?.[year] === undefined && seen.has(`${stem.name}_${year}`)) where(`${stem.name}_${year}`, 'empty value');
      }
    }
    for (const t of targets) {
      const tg = t.target;
      if (tg?.kind === 'fiscal' && BUDGET_STEMS.includes(tg.spec) && fiscal[tg.spec.name]?.[tg.year] === undefined) where(t.raw, 'empty value');
    }
    for (const spec of [...BUDGET_FLAG_COLUMNS]) {
      if (seen.has(spec.name) && fixed[spec.name] === undefined) where(spec.name, 'empty value');
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
      costIndex: (fixed['cost_index'] as number | undefined) ?? 1,
    });
    if (Object.keys(note).length) notes.set(code, note);
  });
  if (problems.length) throw new InputError(problems);
  if (counties.length === 0) throw new InputError([{ file, message: 'the file has a header but no county rows' }]);
  return { file, counties, fiscalYears, notes };
}

export function loadCountyFile(file: string): CountyFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new InputError([{ file, message: `cannot read file: ${(e as Error).message}` }]);
  }
  return parseCountyText(decodeText(bytes).text, file);
}

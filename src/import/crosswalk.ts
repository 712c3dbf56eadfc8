/**
 * The code history (admin_code_changes.csv, yescallop/areacodes): every code since 1980 with
 * its name, status, first and last year, and its successors.
 *
 * Successors (新代码) read: `a;b` — at the change year the unit went to a and b; `a[2012]` —
 * in 2012 part of the unit went to a while the unit itself continued.
 */
import { InputError, type InputProblem } from '../input/inputError.ts';
import { normalizeName } from './adminCodes.ts';
import { requireColumns, type Table } from './table.ts';

export interface Successor {
  readonly code: string;
  /** set for a partial transfer during the unit's life; unset for the successors at its end */
  readonly year?: number;
}

export interface CrosswalkEntry {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly status: '在用' | '弃用' | '变更';
  readonly start: number;
  readonly end?: number;
  readonly successors: readonly Successor[];
  readonly line: number;
}

export interface Crosswalk {
  readonly file: string;
  readonly byCode: ReadonlyMap<string, readonly CrosswalkEntry[]>;
  readonly entries: readonly CrosswalkEntry[];
}

export const CROSSWALK_COLUMNS = ['代码', '名称', '级别', '状态', '启用时间', '变更/弃用时间', '新代码'] as const;

export function parseCrosswalk(table: Table): Crosswalk {
  requireColumns(table, CROSSWALK_COLUMNS);
  const problems: InputProblem[] = [];
  const byCode = new Map<string, CrosswalkEntry[]>();
  const entries: CrosswalkEntry[] = [];
  const seen = new Set<string>();
  for (const { line, cells } of table.rows) {
    const bad = (column: string, message: string): void => void problems.push({ file: table.file, line, column, message });
    const code = cells['代码']!;
    const status = cells['状态']!;
    const start = cells['启用时间']!;
    const end = cells['变更/弃用时间']!;
    if (!/^\d{6}$/.test(code)) {
      bad('代码', `"${code}" is not a six-digit code`);
      continue;
    }
    if (status !== '在用' && status !== '弃用' && status !== '变更') {
      bad('状态', `unknown status "${status}"`);
      continue;
    }
    if (!/^\d{4}$/.test(start)) {
      bad('启用时间', `"${start}" is not a year`);
      continue;
    }
    if (end !== '' && !/^\d{4}$/.test(end)) {
      bad('变更/弃用时间', `"${end}" is not a year`);
      continue;
    }
    const successors: Successor[] = [];
    let ok = true;
    for (const part of cells['新代码']!.split(';').filter((p) => p !== '')) {
      const m = /^(\d{6})(?:\[(\d{4})\])?$/.exec(part.trim());
      if (!m) {
        bad('新代码', `cannot read successor "${part}"`);
        ok = false;
        break;
      }
      successors.push(m[2] ? { code: m[1]!, year: Number(m[2]) } : { code: m[1]! });
    }
    if (!ok) continue;
    const key = [code, cells['名称'], status, start, end, cells['新代码']].join('|');
    if (seen.has(key)) continue; // the source repeats a few rows verbatim
    seen.add(key);
    const entry: CrosswalkEntry = {
      code,
      name: cells['名称']!,
      level: cells['级别']!,
      status,
      start: Number(start),
      ...(end !== '' ? { end: Number(end) } : {}),
      successors,
      line,
    };
    entries.push(entry);
    (byCode.get(code) ?? byCode.set(code, []).get(code)!).push(entry);
  }
  if (problems.length) throw new InputError(problems);
  return { file: table.file, byCode, entries };
}

/** Every name a code has carried in the history. */
export function namesOf(cw: Crosswalk, code: string): string[] {
  return [...new Set((cw.byCode.get(code) ?? []).map((e) => normalizeName(e.name)))];
}

/**
 * The history entry of a code that a source dated `year` refers to: the one with the same
 * name if there is one, else the one in force in that year.
 */
export function entryFor(cw: Crosswalk, code: string, name: string | undefined, year: number): CrosswalkEntry | undefined {
  const list = cw.byCode.get(code) ?? [];
  if (name !== undefined) {
    const byName = list.filter((e) => normalizeName(e.name) === normalizeName(name));
    if (byName.length === 1) return byName[0];
    if (byName.length > 1) return byName.find((e) => e.start <= year && (e.end === undefined || e.end >= year)) ?? byName[0];
  }
  return list.find((e) => e.start <= year && (e.end === undefined || e.end >= year));
}

export interface Resolution {
  /** 2012 codes the unit went to (one: renamed / merged into; several: split) */
  readonly targets: readonly string[];
  /** the codes passed through, first to last */
  readonly path: readonly string[];
  /** each step in words: `320304 九里区 (弃用 2010, line 840) → 320302, 320311, 320312` */
  readonly steps: readonly string[];
  /** partial transfers out of the unit after `fromYear` (not reflected in its census figures) */
  readonly laterTransfers: ReadonlyArray<{ from: string; to: string; year: number }>;
}

/**
 * Follow a code from `fromYear` to the codes in force in `targetList`. Successors listed with
 * a year are partial transfers; those dated after `fromYear` are returned separately.
 * Returns an error message when the code cannot be followed.
 */
export function resolveCode(
  cw: Crosswalk,
  code: string,
  name: string | undefined,
  fromYear: number,
  inTarget: (code: string) => boolean,
): Resolution | { error: string } {
  const targets = new Set<string>();
  const path: string[] = [];
  const steps: string[] = [];
  const laterTransfers: Array<{ from: string; to: string; year: number }> = [];
  const visit = (c: string, n: string | undefined, year: number, depth: number): string | undefined => {
    if (depth > 10) return `the history of ${code} loops`;
    path.push(c);
    if (depth > 0 && inTarget(c)) {
      targets.add(c);
      return undefined;
    }
    const entry = entryFor(cw, c, n, year);
    if (!entry) return `code ${c}${n ? ` ${n}` : ''} is not in the code history (${cw.file})`;
    if (entry.status === '在用') return `code ${c} ${entry.name} is in use in the code history but not in the target list`;
    for (const s of entry.successors) if (s.year !== undefined && s.year >= fromYear) laterTransfers.push({ from: c, to: s.code, year: s.year });
    const whole = entry.successors.filter((s) => s.year === undefined);
    if (whole.length === 0) return `code ${c} ${entry.name} ended in ${entry.end ?? '?'} without successors`;
    steps.push(`${c} ${entry.name} (${entry.status} ${entry.end ?? ''}, line ${entry.line}) → ${whole.map((s) => s.code).join(', ')}`);
    for (const s of whole) {
      if (s.code === c && entry.status === '变更') {
        // the code continues under a new name
        if (inTarget(c)) {
          targets.add(c);
          continue;
        }
        const err = visit(c, undefined, entry.end ?? year, depth + 1);
        if (err) return err;
        continue;
      }
      const err = visit(s.code, undefined, entry.end ?? year, depth + 1);
      if (err) return err;
    }
    return undefined;
  };
  const err = visit(code, name, fromYear, 0);
  if (err) return { error: err };
  return { targets: [...targets].sort(), path, steps, laterTransfers };
}

/**
 * Partial transfers dated within [from, to] anywhere in the history: part of a unit given to
 * another while the giver continued (e.g. 当涂县 → 博望区 in 2012).
 */
export function partialTransfers(cw: Crosswalk, from: number, to: number): Array<{ from: string; fromName: string; to: string; year: number; line: number }> {
  const out: Array<{ from: string; fromName: string; to: string; year: number; line: number }> = [];
  for (const e of cw.entries) {
    for (const s of e.successors) {
      if (s.year !== undefined && s.year >= from && s.year <= to) out.push({ from: e.code, fromName: e.name, to: s.code, year: s.year, line: e.line });
    }
  }
  return out;
}

/**
 * Later codes a 2012 code went to (whole successors only, after 2012): for matching lists of
 * a later vintage (the 832 poverty counties) back to 2012 codes. Returns later code → names
 * along the way, for each 2012 code.
 */
export function laterCodes(cw: Crosswalk, code2012: string, name2012: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const visit = (c: string, n: string | undefined, year: number, names: string[], depth: number): void => {
    if (depth > 10) return;
    const entry = entryFor(cw, c, n, year);
    if (!entry) return;
    const here = [...names, normalizeName(entry.name)];
    out.set(c, [...new Set([...(out.get(c) ?? []), ...here])]);
    if (entry.status === '在用') return;
    for (const s of entry.successors.filter((x) => x.year === undefined)) {
      if (s.code === c) {
        // renamed in place: the current entry of the same code
        const next = (cw.byCode.get(c) ?? []).find((e) => e.start >= (entry.end ?? year) && e !== entry);
        if (next) out.set(c, [...new Set([...(out.get(c) ?? []), normalizeName(next.name)])]);
        continue;
      }
      visit(s.code, undefined, entry.end ?? year, here, depth + 1);
    }
  };
  visit(code2012, name2012, 2012, [], 0);
  return out;
}

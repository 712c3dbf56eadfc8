/**
 * The December 2012 list of administrative divisions (admin_codes_2012.tsv, GB2260 mca/201212)
 * and the code structure of GB/T 2260: xx0000 province, xxxx00 prefecture, xxxxyy county level
 * (yy 01–20 districts, 21–80 counties, 81–99 county-level cities); xx90yy are county-level units
 * directly under the province.
 */
import { InputError, type InputProblem } from '../input/inputError.ts';
import { requireColumns, type Table } from './table.ts';

export type AdminLevel = 'province' | 'prefecture' | 'county';

export interface AdminEntry {
  readonly code: string;
  readonly name: string;
  readonly level: AdminLevel;
  readonly line: number;
}

export interface AdminList {
  readonly file: string;
  readonly byCode: ReadonlyMap<string, AdminEntry>;
  /** county-level entries, sorted by code */
  readonly counties: readonly AdminEntry[];
}

export const MUNICIPALITIES = ['110000', '120000', '310000', '500000'] as const;

export function levelOf(code: string): AdminLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'prefecture';
  return 'county';
}

export const provinceOf = (code: string): string => `${code.slice(0, 2)}0000`;
export const prefectureOf = (code: string): string => `${code.slice(0, 4)}00`;
export const isMunicipality = (code: string): boolean => (MUNICIPALITIES as readonly string[]).includes(provinceOf(code));
/** county-level unit directly under the province (省直辖县级行政区划, xx90yy) */
export const isProvinceAdministered = (code: string): boolean => levelOf(code) === 'county' && code.slice(2, 4) === '90';
/** GB/T 2260: yy 01–20 are districts (市辖区) of a city */
export const isDistrictCode = (code: string): boolean => levelOf(code) === 'county' && Number(code.slice(4)) <= 20;

export function parseAdminCodes(table: Table): AdminList {
  requireColumns(table, ['Code', 'Name']);
  const problems: InputProblem[] = [];
  const byCode = new Map<string, AdminEntry>();
  for (const { line, cells } of table.rows) {
    const code = cells['Code']!;
    const name = cells['Name']!;
    if (!/^\d{6}$/.test(code)) {
      problems.push({ file: table.file, line, column: 'Code', message: `"${code}" is not a six-digit code` });
      continue;
    }
    if (name === '') {
      problems.push({ file: table.file, line, column: 'Name', message: 'blank name' });
      continue;
    }
    const before = byCode.get(code);
    if (before) {
      problems.push({ file: table.file, line, column: 'Code', message: `duplicate code ${code} (also on line ${before.line})` });
      continue;
    }
    byCode.set(code, { code, name, level: levelOf(code), line });
  }
  if (problems.length) throw new InputError(problems);
  const counties = [...byCode.values()].filter((e) => e.level === 'county' && e.name !== '市辖区' && e.name !== '县').sort((a, b) => a.code.localeCompare(b.code));
  return { file: table.file, byCode, counties };
}

/** Normalize a name for comparison: the census often types 巿 (U+5DFF) for 市, and stray spaces. */
export function normalizeName(name: string): string {
  return name.replace(/巿/g, '市').replace(/\s+/g, '').trim();
}

/**
 * The place part of a county name, for loose matching: without the trailing unit type
 * (县, 市, 区, 旗, 自治县, 自治旗, 特区, 林区, 行委).
 */
export function coreName(name: string): string {
  const n = normalizeName(name);
  const stripped = n.replace(/(自治县|自治旗|特区|林区|行委|县|市|区|旗)$/, '');
  return stripped.length >= 1 ? stripped : n;
}

/** Loose match: equal cores, or one core a prefix of the other when the shorter has ≥ 2 characters (积石山 ~ 积石山保安族东乡族撒拉族). */
export function looseNameMatch(a: string, b: string): boolean {
  const x = coreName(a);
  const y = coreName(b);
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 2 && long.startsWith(short);
}

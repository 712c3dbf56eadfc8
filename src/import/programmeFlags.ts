/**
 * Programme flags of the county budget (contract section B): eco_zone, resource_exhausted,
 * grain_county, ethnic_area, old_revolutionary, border, and directly_managed revised to the 2012
 * fiscal 省直管县 rule. No open county roster exists for most of them, so each is built by the rule
 * in data/provinces/budget.yaml (flags.<name>.select) and labelled a proxy:
 *
 *   prefectures           non-district units of the listed prefectures
 *   prefecture_districts  districts of the listed prefecture-level cities (with the county-equivalent
 *                         or residual unit standing for the city proper); a prefecture without
 *                         districts flags all its units
 *   units                 the listed 2012 units (code and name checked against the 2012 list)
 *   provinces_all         every unit of the listed provinces
 *   autonomous_units      autonomous counties and banners, and every unit of an autonomous
 *                         prefecture (county_codes_2010_2012_gb2260.csv, 2012 rows)
 *   rural_in_provinces    non-district units of the listed provinces with rural share ≥ the minimum
 *   rural_rank            non-district units of the major provinces with rural residents ≥ the
 *                         minimum or ranked within the top n of their province by rural residents;
 *                         elsewhere the top m of each province (ties: lower code first)
 *
 * "Non-district" means a county, county-level city, banner or unit under the province (xx90), or a
 * county of a municipality; city districts (yy 01–20), county-equivalent cities and residual units
 * are districts for this purpose.
 */
import { InputError, type InputProblem } from '../input/inputError.ts';
import { isDistrictCode, isMunicipality, isProvinceAdministered, normalizeName, prefectureOf, type AdminList } from './adminCodes.ts';
import { BUDGET_FLAGS, ROSTER_FLAGS, type BudgetFile, type BudgetFlagName, type Selection } from './budgetParams.ts';
import { requireColumns, type Table } from './table.ts';

export interface ProgrammeFlagUnit {
  readonly code: string;
  readonly name: string;
  readonly kind: 'county' | 'county_equivalent' | 'residual';
  readonly provinceCode: string;
  readonly prefectureCode: string;
  readonly urbanPop: number;
  readonly ruralPop: number;
}

export type ProgrammeFlags = Readonly<Record<BudgetFlagName, 0 | 1>>;

export interface AutonomyList {
  /** 2012 codes of autonomous counties and banners */
  readonly autonomousCounties: ReadonlySet<string>;
  /** prefecture codes of autonomous prefectures */
  readonly autonomousPrefectures: ReadonlySet<string>;
}

export const COUNTY_CODE_COLUMNS = ['year', 'code', 'prefecture_code', 'autonomous_county_or_banner', 'in_autonomous_prefecture'] as const;

/** The 2012 rows of county_codes_2010_2012_gb2260.csv: which units and prefectures are autonomous. */
export function parseAutonomy(table: Table): AutonomyList {
  requireColumns(table, COUNTY_CODE_COLUMNS);
  const problems: InputProblem[] = [];
  const autonomousCounties = new Set<string>();
  const autonomousPrefectures = new Set<string>();
  for (const { line, cells } of table.rows) {
    if (cells['year'] !== '2012') continue;
    for (const col of ['autonomous_county_or_banner', 'in_autonomous_prefecture'] as const) {
      if (cells[col] !== '0' && cells[col] !== '1') problems.push({ file: table.file, line, column: col, message: `"${cells[col]}" is not 0 or 1` });
    }
    const code = cells['code']!;
    if (!/^\d{6}$/.test(code)) {
      problems.push({ file: table.file, line, column: 'code', message: `"${code}" is not a six-digit code` });
      continue;
    }
    if (cells['autonomous_county_or_banner'] === '1') autonomousCounties.add(code);
    if (cells['in_autonomous_prefecture'] === '1') autonomousPrefectures.add(cells['prefecture_code'] || prefectureOf(code));
  }
  if (problems.length) throw new InputError(problems);
  if (autonomousCounties.size === 0) throw new InputError([{ file: table.file, message: 'no 2012 row marks an autonomous county or banner' }]);
  return { autonomousCounties, autonomousPrefectures };
}

/** County, county-level city, banner, xx90 unit or municipal county: not a city district. */
export function isNonDistrict(u: Pick<ProgrammeFlagUnit, 'code' | 'kind'>): boolean {
  if (u.kind !== 'county') return false;
  return isProvinceAdministered(u.code) || !isDistrictCode(u.code);
}

/** Check that every listed unit and prefecture exists in the 2012 list under the given name. */
export function checkSelections(file: BudgetFile, admin: AdminList, paramsFile: string, unitCodes: ReadonlySet<string>): void {
  const problems: InputProblem[] = [];
  const check = (field: string, code: string, name: string, level: 'county' | 'prefecture'): void => {
    const e = admin.byCode.get(code);
    if (!e) problems.push({ file: paramsFile, field, message: `${code} ${name} is not in the 2012 code list` });
    else if (normalizeName(e.name) !== normalizeName(name)) problems.push({ file: paramsFile, field, message: `${code} is ${e.name} in the 2012 list, not ${name}` });
    else if (e.level !== level) problems.push({ file: paramsFile, field, message: `${code} ${name} is a ${e.level}, expected a ${level}` });
    else if (level === 'county' && !unitCodes.has(code)) problems.push({ file: paramsFile, field, message: `${code} ${name} is not one of the built units` });
  };
  for (const flag of ROSTER_FLAGS) {
    const s = file.flags[flag].select;
    for (const [code, name] of Object.entries(s.units ?? {})) check(`flags.${flag}.select.units.${code}`, code, name, 'county');
    for (const [code, name] of Object.entries(s.prefectures ?? {})) check(`flags.${flag}.select.prefectures.${code}`, code, name, 'prefecture');
    for (const [code, name] of Object.entries(s.prefecture_districts ?? {})) check(`flags.${flag}.select.prefecture_districts.${code}`, code, name, 'prefecture');
  }
  for (const [code, p] of Object.entries(file.flags.directly_managed.fiscal_reform_provinces)) {
    const e = admin.byCode.get(code);
    if (e && normalizeName(e.name) !== normalizeName(p.name)) problems.push({ file: paramsFile, field: `flags.directly_managed.fiscal_reform_provinces.${code}`, message: `${code} is ${e.name} in the 2012 list, not ${p.name}` });
  }
  if (problems.length) throw new InputError(problems);
}

/** Whether a unit is selected, and why (for provenance); undefined when it is not. */
export function selects(s: Selection, u: ProgrammeFlagUnit, all: readonly ProgrammeFlagUnit[], autonomy: AutonomyList): string | undefined {
  if (s.units?.[u.code] !== undefined) return `listed unit ${u.code}`;
  if (s.prefectures?.[u.prefectureCode] !== undefined && isNonDistrict(u)) return `non-district unit of ${s.prefectures[u.prefectureCode]}`;
  const pd = s.prefecture_districts?.[u.prefectureCode];
  if (pd !== undefined) {
    const hasDistricts = all.some((x) => x.prefectureCode === u.prefectureCode && !isNonDistrict(x));
    if (!hasDistricts) return `unit of ${pd} (no districts)`;
    if (!isNonDistrict(u)) return `district of ${pd}`;
  }
  if (s.provinces_all?.includes(u.provinceCode)) return `unit of province ${u.provinceCode}`;
  if (s.autonomous_units) {
    if (autonomy.autonomousCounties.has(u.code)) return 'autonomous county or banner';
    if (autonomy.autonomousPrefectures.has(u.prefectureCode)) return `unit of autonomous prefecture ${u.prefectureCode}`;
  }
  const r = s.rural_in_provinces;
  if (r && r.provinces.includes(u.provinceCode) && isNonDistrict(u)) {
    const resident = u.urbanPop + u.ruralPop;
    if (resident > 0 && u.ruralPop / resident >= r.min_rural_share) return `rural share ${(u.ruralPop / resident).toFixed(3)} ≥ ${r.min_rural_share} in a major grain province`;
  }
  const rr = s.rural_rank;
  if (rr && isNonDistrict(u)) {
    const major = rr.major_provinces.includes(u.provinceCode);
    const rank = ruralRank(u, all);
    if (major && u.ruralPop >= rr.min_rural_pop) return `${u.ruralPop} rural residents ≥ ${rr.min_rural_pop} in a major grain province`;
    if (major && rank <= rr.top_in_major) return `rank ${rank} of its major grain province by rural residents`;
    if (!major && rank <= rr.top_elsewhere) return `rank ${rank} of its province by rural residents (top ${rr.top_elsewhere} outside the major grain provinces)`;
  }
  return undefined;
}

/** 1-based rank of a non-district unit among the non-district units of its province by rural residents (ties: lower code first). */
export function ruralRank(u: ProgrammeFlagUnit, all: readonly ProgrammeFlagUnit[]): number {
  let rank = 1;
  for (const x of all) {
    if (x.provinceCode !== u.provinceCode || x.code === u.code || !isNonDistrict(x)) continue;
    if (x.ruralPop > u.ruralPop || (x.ruralPop === u.ruralPop && x.code < u.code)) rank++;
  }
  return rank;
}

/** directly_managed in 2012: under the province (xx90), municipal, or a non-district unit of a fiscal 省直管县 province. */
export function directlyManaged2012(u: ProgrammeFlagUnit, rule: BudgetFile['flags']['directly_managed']): string | undefined {
  if (u.kind !== 'county') return undefined;
  if (isProvinceAdministered(u.code)) return 'under the province (xx90)';
  if (isMunicipality(u.code)) return 'unit of a municipality';
  const p = rule.fiscal_reform_provinces[u.provinceCode];
  if (p && isNonDistrict(u) && !(p.except_prefectures ?? []).includes(u.prefectureCode)) return `fiscal 省直管县 in ${p.name} by 2012`;
  return undefined;
}

export interface ProgrammeFlagResult {
  readonly byUnit: ReadonlyMap<string, { flags: ProgrammeFlags; reasons: string[] }>;
}

export function programmeFlags(units: readonly ProgrammeFlagUnit[], file: BudgetFile, autonomy: AutonomyList): ProgrammeFlagResult {
  const byUnit = new Map<string, { flags: ProgrammeFlags; reasons: string[] }>();
  for (const u of units) {
    const reasons: string[] = [];
    const flags = {} as Record<BudgetFlagName, 0 | 1>;
    for (const name of ROSTER_FLAGS) {
      const why = selects(file.flags[name].select, u, units, autonomy);
      flags[name] = why ? 1 : 0;
      if (why) reasons.push(`${name}: ${why}`);
    }
    const dm = directlyManaged2012(u, file.flags.directly_managed);
    flags.directly_managed = dm ? 1 : 0;
    if (dm) reasons.push(`directly_managed: ${dm}`);
    byUnit.set(u.code, { flags, reasons });
  }
  return { byUnit };
}

export function countFlags(units: ReadonlyArray<{ provinceCode: string; budgetFlags: ProgrammeFlags }>): Map<BudgetFlagName, { national: number; byProvince: Map<string, number> }> {
  const out = new Map<BudgetFlagName, { national: number; byProvince: Map<string, number> }>();
  for (const name of BUDGET_FLAGS) {
    const byProvince = new Map<string, number>();
    let national = 0;
    for (const u of units) {
      if (u.budgetFlags[name] !== 1) continue;
      national++;
      byProvince.set(u.provinceCode, (byProvince.get(u.provinceCode) ?? 0) + 1);
    }
    out.set(name, { national, byProvince });
  }
  return out;
}

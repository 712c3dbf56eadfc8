/**
 * County flags: the 832 national poverty counties matched back to 2012 units, and the rules
 * for difficult areas, nutrition-programme pilots and directly managed counties.
 *
 * The 832 list carries codes of about 2019–2021, and some names older than their codes. An
 * entry is matched, in this order, by:
 *   1. code — its code is a 2012 unit and its name is a name that code has carried;
 *   2. crosswalk — a 2012 unit whose later codes (code history) include the entry's code, with
 *      the entry's name among the names along the way;
 *   3. name — a 2012 unit (or residual unit alias) of the same province with exactly the name
 *      (narrowed to the same prefecture when the province has several);
 *   4. loose name — as 2 and 3 with the unit type ignored (清新县 ~ 清新区, 湄潭 ~ 湄潭县).
 * Entries that none of these finds are reported with file, row and column, not guessed.
 */
import { coreName, isDistrictCode, isMunicipality, isProvinceAdministered, looseNameMatch, normalizeName, type AdminList } from './adminCodes.ts';
import { laterCodes, namesOf, type Crosswalk } from './crosswalk.ts';
import type { ProvincesFile } from './params.ts';
import { requireColumns, type Table } from './table.ts';

export interface PovertyEntry {
  readonly line: number;
  readonly code: string;
  readonly name: string;
  readonly province: string;
  readonly prefecture: string;
}

export const POVERTY_COLUMNS = ['adcode', 'county_name', 'province', 'prefecture'] as const;

export function parsePoverty(table: Table): PovertyEntry[] {
  requireColumns(table, POVERTY_COLUMNS);
  return table.rows.map(({ line, cells }) => ({ line, code: cells['adcode']!, name: cells['county_name']!, province: cells['province']!, prefecture: cells['prefecture']! }));
}

export interface FlagUnit {
  readonly code: string;
  readonly name: string;
  readonly provinceCode: string;
  readonly province: string;
  readonly prefectureCode: string;
  readonly prefecture: string;
  readonly aliases: readonly string[];
}

export type PovertyMatchMethod = 'code' | 'crosswalk' | 'name' | 'loose_name';

export interface PovertyMatch {
  readonly entry: PovertyEntry;
  readonly unit: string;
  readonly unitName: string;
  readonly method: PovertyMatchMethod;
}

export interface PovertyResult {
  readonly matches: PovertyMatch[];
  readonly unmatched: Array<{ entry: PovertyEntry; reason: string }>;
  /** unit code → entries matched to it */
  readonly byUnit: ReadonlyMap<string, PovertyEntry[]>;
}

export function matchPoverty(entries: readonly PovertyEntry[], units: readonly FlagUnit[], cw: Crosswalk, admin: AdminList): PovertyResult {
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  // later code → 2012 units that went (wholly or partly) into it, with the names along the way
  const later = new Map<string, Array<{ unit: string; names: string[] }>>();
  for (const u of units) {
    for (const [code, names] of laterCodes(cw, u.code, u.name)) {
      (later.get(code) ?? later.set(code, []).get(code)!).push({ unit: u.code, names });
    }
  }
  const namesOfUnit = (u: FlagUnit): string[] => [...new Set([normalizeName(u.name), ...u.aliases.map(normalizeName), ...namesOf(cw, u.code)])];
  const provinceCodeOf = (name: string): string | undefined => [...admin.byCode.values()].find((e) => e.level === 'province' && normalizeName(e.name) === normalizeName(name))?.code;

  const matches: PovertyMatch[] = [];
  const unmatched: Array<{ entry: PovertyEntry; reason: string }> = [];
  for (const e of entries) {
    const n = normalizeName(e.name);
    const found = (unit: string, method: PovertyMatchMethod): void => void matches.push({ entry: e, unit, unitName: unitByCode.get(unit)!.name, method });
    // 1. code
    const direct = unitByCode.get(e.code);
    if (direct && namesOfUnit(direct).includes(n)) {
      found(direct.code, 'code');
      continue;
    }
    // 2. crosswalk
    const chain = later.get(e.code) ?? [];
    const byChain = [...new Set(chain.filter((c) => c.names.includes(n)).map((c) => c.unit))];
    if (byChain.length === 1) {
      found(byChain[0]!, 'crosswalk');
      continue;
    }
    // 3. exact name in the province (then prefecture)
    const provinceCode = provinceCodeOf(e.province);
    if (!provinceCode) {
      unmatched.push({ entry: e, reason: `province "${e.province}" is not in the 2012 list` });
      continue;
    }
    const inProvince = units.filter((u) => u.provinceCode === provinceCode);
    const narrow = (list: FlagUnit[]): FlagUnit[] => {
      if (list.length <= 1) return list;
      const samePref = list.filter((u) => looseNameMatch(u.prefecture, e.prefecture));
      return samePref.length ? samePref : list;
    };
    const exact = narrow(inProvince.filter((u) => namesOfUnit(u).includes(n)));
    if (exact.length === 1) {
      found(exact[0]!.code, 'name');
      continue;
    }
    // 4. loose name: first among the code and crosswalk candidates, then in the province
    const candidates = [...new Set([...(direct ? [direct.code] : []), ...chain.map((c) => c.unit)])].map((c) => unitByCode.get(c)!);
    const looseCand = candidates.filter((u) => namesOfUnit(u).some((x) => looseNameMatch(x, n)) || chainNames(chain, u.code).some((x) => looseNameMatch(x, n)));
    if (looseCand.length === 1) {
      found(looseCand[0]!.code, 'loose_name');
      continue;
    }
    const looseProv = narrow(inProvince.filter((u) => namesOfUnit(u).some((x) => looseNameMatch(x, n))));
    if (looseProv.length === 1) {
      found(looseProv[0]!.code, 'loose_name');
      continue;
    }
    const why = exact.length > 1 || looseProv.length > 1
      ? `name ${e.name} fits several 2012 units: ${[...exact, ...looseProv].map((u) => `${u.code} ${u.name}`).join(', ')}`
      : `code ${e.code} is not a 2012 unit or a later code of one with this name, and no unit of ${e.province} is called ${e.name} (core name ${coreName(e.name)})`;
    unmatched.push({ entry: e, reason: why });
  }
  const byUnit = new Map<string, PovertyEntry[]>();
  for (const m of matches) (byUnit.get(m.unit) ?? byUnit.set(m.unit, []).get(m.unit)!).push(m.entry);
  return { matches, unmatched, byUnit };
}

function chainNames(chain: ReadonlyArray<{ unit: string; names: string[] }>, unit: string): string[] {
  return chain.filter((c) => c.unit === unit).flatMap((c) => c.names);
}

export interface UnitFlags {
  readonly directly_managed: 0 | 1;
  readonly difficult: 0 | 1;
  readonly nutrition_pilot: 0 | 1;
  /** why each flag is set, for provenance */
  readonly reasons: readonly string[];
}

export interface FlagUnitWithKind extends FlagUnit {
  readonly kind: 'county' | 'county_equivalent' | 'residual';
  readonly regionGroup: 'east' | 'central' | 'west';
}

/**
 * directly_managed: 1 for units with no prefecture between them and the province — county-level
 *   units under the province (xx90yy) and the districts and counties of the four municipalities —
 *   and for counties and county-level cities (not districts) of the provinces whose fiscal
 *   省直管县 reform covered all counties (flags.directly_managed), except listed prefectures.
 * difficult: 1 in the listed region groups, in the listed prefectures, and for 832-list counties.
 * nutrition_pilot: 1 for 832-list units inside the provinces, prefectures or units configured for
 *   the 14 contiguous poverty areas (flags.nutrition_pilot.areas) — a proxy of the 680-county list.
 */
export function unitFlags(u: FlagUnitWithKind, onPovertyList: boolean, rules: ProvincesFile['flags']): UnitFlags {
  const reasons: string[] = [];
  let directly: 0 | 1 = 0;
  if (u.kind === 'county' && isProvinceAdministered(u.code)) {
    directly = 1;
    reasons.push('directly_managed: under the province (xx90)');
  } else if (u.kind === 'county' && isMunicipality(u.code)) {
    directly = 1;
    reasons.push('directly_managed: unit of a municipality');
  } else if (
    u.kind === 'county' &&
    !isDistrictCode(u.code) &&
    rules.directly_managed.fiscal_reform_provinces.includes(u.provinceCode) &&
    !rules.directly_managed.except_prefectures.includes(u.prefectureCode)
  ) {
    directly = 1;
    reasons.push('directly_managed: fiscal 省直管县 province');
  }
  let difficult: 0 | 1 = 0;
  if (rules.difficult.region_groups.includes(u.regionGroup)) {
    difficult = 1;
    reasons.push(`difficult: ${u.regionGroup} region`);
  }
  if (rules.difficult.prefectures[u.prefectureCode] !== undefined) {
    difficult = 1;
    reasons.push(`difficult: ${rules.difficult.prefectures[u.prefectureCode]} (treated as western)`);
  }
  if (rules.difficult.poverty_list && onPovertyList) {
    difficult = 1;
    reasons.push('difficult: 832 list');
  }
  let nutrition: 0 | 1 = 0;
  if (onPovertyList) {
    const area = pilotArea(u, rules.nutrition_pilot.areas);
    if (rules.nutrition_pilot.areas.length === 0) {
      nutrition = 1;
      reasons.push('nutrition_pilot: 832 list (no contiguous areas configured)');
    } else if (area) {
      nutrition = 1;
      reasons.push(`nutrition_pilot: 832 list and in the ${area} contiguous poverty area (proxy of the 680-county list)`);
    }
  }
  return { directly_managed: directly, difficult, nutrition_pilot: nutrition, reasons };
}

/**
 * The contiguous poverty area a unit lies in, by the configured provinces, prefectures and units
 * of each area (first area in file order), or undefined.
 */
export function pilotArea(u: Pick<FlagUnit, 'code' | 'provinceCode' | 'prefectureCode'>, areas: ProvincesFile['flags']['nutrition_pilot']['areas']): string | undefined {
  return areas.find((a) => a.provinces.includes(u.provinceCode) || a.prefectures[u.prefectureCode] !== undefined || a.units[u.code] !== undefined)?.name;
}

/**
 * Applying override tables (overrideFile.ts) to the county data, and what came from where.
 *
 * A row's code names a county, a prefecture or a province:
 * - a county (a code in the data): each value given replaces the county's;
 * - a prefecture (xxxx00 with counties in the data) or a province (xx0000): a flag, group,
 *   tier or cost index is set in every county of it; an amount or a count is the area's total,
 *   shared out over its counties in proportion to their current values (largest remainder, to
 *   the fen or the person; ties to the county first in the data). A total over counties whose
 *   values are all 0 is refused, and so is a column set both by an area row and by a row of a
 *   county in it.
 * Files are applied in the order given: a later file replaces what an earlier one set.
 * After applying, urban_pop + rural_pop must still equal resident_pop.
 *
 * Transfer columns (a general transfer's amount received in a year) are not county data: they
 * are collected by county in `given`, for the run to book instead of the modelled amount
 * (src/simulation/ownFigures.ts). They are given by county; an area row cannot share one out.
 */
import { say } from '../i18n/messageLang.ts';
import { countyFlag, type County } from '../model/county.ts';
import { REGION_GROUPS, type RegionGroup } from './countyColumns.ts';
import type { Cell } from './countyFile.ts';
import { InputError, ProblemList } from './inputError.ts';
import { findProvince } from './provinces.ts';
import type { CellPlace, OverrideTable, OverrideValue } from './overrideFile.ts';
import type { GeneralMechanismId } from '../model/transfers/mechanisms.ts';

/** One value a county got from an override file. */
export interface OverriddenValue {
  readonly column: string;
  readonly value: number | string | boolean;
  readonly bundled: number | string | boolean | undefined;
  /** `file:line` or `file:sheet!cell`; for an area row, the row's, with the area */
  readonly from: string;
}

/** Per override file: what it changed. */
export interface OverrideProvenance {
  readonly file: string;
  readonly rows: number;
  readonly counties: number;
  readonly values: number;
  readonly columns: readonly string[];
}

export interface OverrideResult {
  readonly counties: County[];
  readonly provenance: readonly OverrideProvenance[];
  /** by county code: the values overridden, last file last */
  readonly byCounty: ReadonlyMap<string, readonly OverriddenValue[]>;
  /** by county code, year and transfer: amounts received the files give, fen */
  readonly given: ReadonlyMap<string, ReadonlyMap<number, Partial<Record<GeneralMechanismId, number>>>>;
}

/** A county's current value of a column (`own_revenue_2012`, `resident_pop`, `eco_zone` …). */
export function countyValue(county: County, v: Pick<OverrideValue, 'key' | 'spec' | 'year'>): number | string | boolean | undefined {
  switch (v.key) {
    case 'region_group':
      return county.regionGroup;
    case 'tier_2018':
      return county.tier2018;
    case 'directly_managed':
    case 'difficult':
    case 'nutrition_pilot':
      return countyFlag(county, v.key);
    case 'cost_index':
      return county.costIndex;
  }
  if (v.year !== undefined) return county.fiscal[v.spec.name]?.[v.year];
  if (v.spec.kind === 'flag') return county.flags?.[v.key];
  return county.drivers[v.key];
}

/** A copy of the county with one column set (never mutates). */
export function withCountyValue(county: County, v: Pick<OverrideValue, 'key' | 'spec' | 'year'>, value: Cell): County {
  switch (v.key) {
    case 'region_group':
      if (!REGION_GROUPS.includes(value as RegionGroup)) throw new Error(`internal: region group ${String(value)}`);
      return { ...county, regionGroup: value as RegionGroup };
    case 'tier_2018':
      return { ...county, tier2018: value as number };
    case 'directly_managed':
      return { ...county, directlyManaged: value as boolean };
    case 'difficult':
      return { ...county, difficult: value as boolean };
    case 'nutrition_pilot':
      return { ...county, nutritionPilot: value as boolean };
    case 'cost_index':
      return { ...county, costIndex: value as number };
  }
  if (v.year !== undefined) {
    const stem = v.spec.name;
    return { ...county, fiscal: { ...county.fiscal, [stem]: { ...county.fiscal[stem], [v.year]: value as number } } };
  }
  if (v.spec.kind === 'flag') return { ...county, flags: { ...county.flags, [v.key]: value as boolean } };
  return { ...county, drivers: { ...county.drivers, [v.key]: value as number } };
}

/** Share an integer total over integer weights by largest remainder (ties to the earlier part). */
export function shareOut(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  const parts = weights.map((w) => (total * w) / sum);
  let left = total - parts.reduce((a, b) => a + b, 0n);
  const order = weights.map((w, i) => ({ i, rem: (total * w) % sum })).sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of order) {
    if (left <= 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts;
}

const where = (p: CellPlace): string => `${p.file}:${p.line ?? p.column}`;

function isAmount(v: OverrideValue): boolean {
  return v.spec.kind === 'money' || v.spec.kind === 'count';
}

/** Apply override tables to the counties, in order. */
export function applyOverrides(counties: readonly County[], tables: readonly OverrideTable[]): OverrideResult {
  const problems = new ProblemList();
  const next = [...counties];
  const index = new Map(counties.map((c, i) => [c.code, i]));
  const byCounty = new Map<string, OverriddenValue[]>();
  const provenance: OverrideProvenance[] = [];
  const touchedBy = new Map<string, { file: string; place: CellPlace; row: string }>();
  const given = new Map<string, Map<number, Partial<Record<GeneralMechanismId, number>>>>();
  for (const table of tables) {
    const changed = new Set<string>();
    const columns = new Set<string>();
    let values = 0;
    // county rows first in the check of overlaps, then areas
    const areaRows: Array<{ row: OverrideTable['rows'][number]; members: number[]; label: string }> = [];
    const countyKeys = new Map<string, CellPlace>(); // `${code}|${key}` → place
    for (const row of table.rows) {
      const i = index.get(row.code);
      if (i !== undefined) {
        const c = next[i]!;
        if (row.name !== undefined && row.name !== c.name) problems.push({ ...row.place, message: say({ zh: `代码 ${row.code} 在县级数据中是“${c.name}”，与该行名称“${row.name}”不符；请核对代码`, en: `code ${row.code} is ${c.name} in the county data, but the row names it "${row.name}"; check the code` }) });
        for (const v of row.values) countyKeys.set(`${row.code}|${v.key}`, v.place);
        continue;
      }
      const province = /^\d\d0000$/.test(row.code) ? findProvince(row.code) : undefined;
      const members = province ? next.flatMap((c, k) => (c.provinceCode === province ? [k] : [])) : /^\d{4}00$/.test(row.code) ? next.flatMap((c, k) => (c.prefectureCode === row.code ? [k] : [])) : [];
      if (members.length === 0) {
        problems.push({ ...row.place, message: say({ zh: `县级数据中没有代码为 ${row.code} 的县、地市或省`, en: `no county, prefecture or province with code ${row.code} in the county data` }) });
        continue;
      }
      if (row.name !== undefined) {
        const first = next[members[0]!]!;
        const known = province ? first.province : first.prefecture;
        if (row.name !== known) problems.push({ ...row.place, message: say({ zh: `代码 ${row.code} 在县级数据中是“${known}”，与该行名称“${row.name}”不符`, en: `code ${row.code} is ${known} in the county data, but the row names it "${row.name}"` }) });
      }
      for (const v of row.values) if (v.transfer) problems.push({ ...v.place, message: say({ zh: `${v.key} 是县实收的转移支付，须按县给出，不能按${province ? '省' : '地市'} ${row.code} 合计给出`, en: `${v.key} is a transfer a county received: give it on the rows of the counties, not for ${province ? 'province' : 'prefecture'} ${row.code}` }) });
      areaRows.push({ row, members, label: province ? `province ${row.code}` : `prefecture ${row.code}` });
    }
    // an area row and a row of one of its counties may not set the same column
    for (const a of areaRows) {
      for (const v of a.row.values) {
        for (const k of a.members) {
          const clash = countyKeys.get(`${next[k]!.code}|${v.key}`);
          if (clash) problems.push({ ...v.place, message: say({ zh: `${v.key} 既按 ${a.label} 给出，又在 ${where(clash)} 按其所辖县 ${next[k]!.code} 给出；同一列不能同时按地区合计和按县给出`, en: `${v.key} is set for ${a.label} and, at ${where(clash)}, for its county ${next[k]!.code}; give the area total or the county values, not both` }) });
        }
      }
    }
    if (problems.length) continue;
    const record = (k: number, v: OverrideValue, value: Cell, from: string): void => {
      const c = next[k]!;
      const bundled = v.transfer ? undefined : countyValue(c, v);
      if (v.transfer) {
        const byYear = given.get(c.code) ?? given.set(c.code, new Map()).get(c.code)!;
        byYear.set(v.year!, { ...byYear.get(v.year!), [v.transfer]: Math.round((value as number) * 100) });
      } else next[k] = withCountyValue(c, v, value);
      const list = byCounty.get(c.code) ?? [];
      byCounty.set(c.code, [...list.filter((x) => x.column !== v.key), { column: v.key, value, bundled, from }]);
      changed.add(c.code);
      columns.add(v.key);
      values++;
    };
    // areas first (provinces before prefectures), then counties
    areaRows.sort((a, b) => (a.row.code.endsWith('0000') ? 0 : 1) - (b.row.code.endsWith('0000') ? 0 : 1));
    for (const a of areaRows) {
      for (const v of a.row.values) {
        if (!isAmount(v)) {
          for (const k of a.members) record(k, v, v.value, `${where(v.place)} (${a.label})`);
          continue;
        }
        const scale = v.spec.kind === 'money' ? 100 : 1;
        const current = a.members.map((k) => BigInt(Math.round(Number(countyValue(next[k]!, v) ?? 0) * scale)));
        if (current.every((x) => x === 0n)) {
          problems.push({ ...v.place, message: say({ zh: `无法把 ${v.key} 按比例分到 ${a.label}：其 ${a.members.length} 个县的现值均为 0（或无数据）；请按县给出`, en: `cannot share ${v.key} out over ${a.label}: its ${a.members.length} counties hold 0 (or nothing) in the data; give county rows instead` }) });
          continue;
        }
        const parts = shareOut(BigInt(Math.round((v.value as number) * scale)), current);
        a.members.forEach((k, j) => record(k, v, Number(parts[j]!) / scale, `${where(v.place)} (${a.label} total, shared out)`));
      }
    }
    for (const row of table.rows) {
      const k = index.get(row.code);
      if (k === undefined) continue;
      for (const v of row.values) record(k, v, v.value, where(v.place));
      touchedBy.set(row.code, { file: table.file, place: row.place, row: where(row.place) });
    }
    provenance.push({ file: table.file, rows: table.rows.length, counties: changed.size, values, columns: [...columns].sort() });
  }
  if (problems.length) throw problems.error();
  // the populations must still add up
  for (const code of byCounty.keys()) {
    const c = next[index.get(code)!]!;
    const resident = c.drivers['resident_pop'] ?? 0;
    const urban = c.drivers['urban_pop'] ?? 0;
    const rural = c.drivers['rural_pop'] ?? 0;
    if (Math.abs(urban + rural - resident) > Math.max(1, resident * 1e-4)) {
      const given = byCounty.get(code)!.filter((x) => ['resident_pop', 'urban_pop', 'rural_pop'].includes(x.column));
      if (given.length === 0) continue;
      const at = touchedBy.get(code);
      problems.push({ file: at?.file ?? given[0]!.from, ...(at ? { line: at.place.line, column: at.place.column } : {}), message: say({ zh: `覆盖后县 ${code} ${c.name} 的城镇人口 urban_pop ${urban} + 乡村人口 rural_pop ${rural} = ${urban + rural}，不等于常住人口 resident_pop ${resident}；请三列一起覆盖`, en: `after the override, county ${code} ${c.name} has urban_pop ${urban} + rural_pop ${rural} = ${urban + rural}, not resident_pop ${resident}; override the three together` }) });
    }
  }
  if (problems.length) throw new InputError(problems.listed, problems.omitted);
  return { counties: next, provenance, byCounty, given };
}

/** One line per override file for the run's notes: what it changed. */
export function overrideNote(p: OverrideProvenance): string {
  return say({
    zh: `覆盖文件 ${p.file}：${p.rows} 行替换了 ${p.counties} 个县的 ${p.values} 个数值（${p.columns.join('、')}），其余沿用内置数据`,
    en: `override ${p.file}: ${p.values} value(s) of ${p.counties} county(ies) from ${p.rows} row(s) replace the bundled data (${p.columns.join(', ')}); everything else is bundled`,
  });
}

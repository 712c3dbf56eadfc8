/**
 * The unit list: every county-level unit of the December 2012 list (less those dropped with a
 * reason), the prefecture-level cities without counties as county-equivalents, and prefecture
 * populations outside any listed county as residual units. Each unit's census facts are put
 * together from 2010 census rows through the code history: direct, renamed, merged, split by
 * population share, or moved in part by a later boundary change.
 */
import { InputError, type InputProblem } from '../input/inputError.ts';
import { isMunicipality, isProvinceAdministered, normalizeName, prefectureOf, provinceOf, type AdminList } from './adminCodes.ts';
import { addFacts, emptyFacts, splitFacts, subtractFacts, type CensusFacts, type CensusRow, type CountField, COUNT_FIELDS } from './census.ts';
import { namesOf, partialTransfers, resolveCode, type Crosswalk } from './crosswalk.ts';
import type { ProvincesFile } from './params.ts';

export type UnitKind = 'county' | 'county_equivalent' | 'residual';

export interface UnitPart {
  readonly censusCode: string;
  readonly censusName: string;
  readonly censusLine: number;
  readonly share: number;
  /** how this part came to the unit, for provenance and the report */
  readonly how: string;
}

export interface Unit {
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly provinceCode: string;
  readonly province: string;
  readonly prefectureCode: string;
  readonly prefecture: string;
  /** other names the unit answers to (residual units: the areas it stands for) */
  readonly aliases: readonly string[];
  readonly facts: CensusFacts;
  readonly parts: readonly UnitPart[];
}

export type MatchKind = 'direct' | 'variant' | 'renamed_same_code' | 'reassigned_by_name' | 'crosswalk_renamed' | 'crosswalk_merged' | 'crosswalk_split';

export interface CensusMatch {
  readonly code: string;
  readonly name: string;
  readonly line: number;
  readonly kind: MatchKind;
  readonly targets: ReadonlyArray<{ code: string; name: string; share: number }>;
  readonly note?: string;
}

export interface UnitsReport {
  readonly matches: readonly CensusMatch[];
  readonly transfers: ReadonlyArray<{ from: string; fromName: string; to: string; toName: string; year: number; share: number; persons: number; source: string }>;
  readonly notAdjusted: ReadonlyArray<{ from: string; fromName: string; to: string; toName: string; year: number; reason: string }>;
  readonly dropped: ReadonlyArray<{ code: string; name: string; reason: string }>;
  readonly countyEquivalents: ReadonlyArray<{ code: string; name: string; persons: number }>;
  readonly residuals: ReadonlyArray<{ code: string; name: string; persons: number; countyRows: number }>;
}

export interface UnitsInput {
  readonly admin: AdminList;
  readonly crosswalk: Crosswalk;
  readonly census: readonly CensusRow[];
  readonly censusFile: string;
  readonly boundary: ProvincesFile['boundary'];
  readonly paramsFile: string;
  /** the year of the census codes */
  readonly censusYear: number;
  /** the year of the target list */
  readonly listYear: number;
}

interface Piece {
  readonly target: string;
  readonly share: number;
  readonly how: string;
}

export function buildUnits(input: UnitsInput): { units: Unit[]; report: UnitsReport } {
  const { admin, crosswalk: cw, boundary } = input;
  const problems: InputProblem[] = [];
  const censusProblem = (line: number, column: string, message: string): void => void problems.push({ file: input.censusFile, line, column, message });
  const paramsProblem = (field: string, message: string): void => void problems.push({ file: input.paramsFile, field, message });
  const nameOf = (code: string): string => admin.byCode.get(code)?.name ?? '?';

  const dropped = new Map(boundary.dropped.map((d) => [d.code, d]));
  for (const d of boundary.dropped) if (!admin.byCode.has(d.code)) paramsProblem(`boundary.dropped.${d.code}`, `${d.code} ${d.name} is not in the ${input.listYear} list`);
  const countyCodes = new Set(admin.counties.map((c) => c.code).filter((c) => !dropped.has(c)));

  const census = new Map(input.census.map((r) => [r.code, r]));
  const countyRows = input.census.filter((r) => r.level === 'county');

  // the units and their kinds
  const kinds = new Map<string, UnitKind>();
  for (const c of countyCodes) kinds.set(c, 'county');
  for (const [code, name] of Object.entries(boundary.county_equivalents)) {
    const entry = admin.byCode.get(code);
    if (!entry || entry.level !== 'prefecture') paramsProblem(`boundary.county_equivalents.${code}`, `${code} ${name} is not a prefecture in the ${input.listYear} list`);
    else if (admin.counties.some((c) => c.code.startsWith(code.slice(0, 4)))) paramsProblem(`boundary.county_equivalents.${code}`, `${code} ${name} has county-level units in the ${input.listYear} list`);
    else if (census.get(code)?.level !== 'prefecture') paramsProblem(`boundary.county_equivalents.${code}`, `${code} ${name} has no prefecture row in the census`);
    else kinds.set(code, 'county_equivalent');
  }
  const residualConfig = new Map(boundary.residual_units.map((r) => [r.prefecture_code, r]));
  for (const r of boundary.residual_units) {
    if (admin.byCode.get(r.prefecture_code)?.level !== 'prefecture') paramsProblem(`boundary.residual_units.${r.prefecture_code}`, `${r.prefecture_code} is not a prefecture in the ${input.listYear} list`);
    else if (census.get(r.prefecture_code)?.level !== 'prefecture') paramsProblem(`boundary.residual_units.${r.prefecture_code}`, `${r.prefecture_code} has no prefecture row in the census`);
    else kinds.set(r.prefecture_code, 'residual');
  }

  // pieces: census row → targets with shares
  const pieces = new Map<string, Piece[]>();
  const matches: CensusMatch[] = [];
  const laterFromCrosswalk: Array<{ from: string; to: string; year: number }> = [];
  const splitConfig = new Map(boundary.splits.map((s) => [s.census_code, s]));
  const usedSplits = new Set<string>();
  const variants = new Map(boundary.name_variants.map((v) => [`${v.code}|${normalizeName(v.census_name)}`, v]));

  for (const row of countyRows) {
    const entry = admin.byCode.get(row.code);
    const n = normalizeName(row.name);
    if (entry && entry.level === 'county' && !dropped.has(row.code)) {
      let kind: MatchKind | undefined;
      let target = row.code;
      let note: string | undefined;
      if (normalizeName(entry.name) === n) kind = 'direct';
      else if (variants.has(`${row.code}|${n}`)) {
        kind = 'variant';
        note = variants.get(`${row.code}|${n}`)!.note;
      } else if (namesOf(cw, row.code).includes(n)) kind = 'renamed_same_code';
      else {
        const sameName = admin.counties.filter((c) => prefectureOf(c.code) === prefectureOf(row.code) && normalizeName(c.name) === n);
        if (sameName.length === 1) {
          kind = 'reassigned_by_name';
          target = sameName[0]!.code;
          note = `the census row carries code ${row.code}, which is ${entry.name} in the ${input.listYear} list; the name ${row.name} belongs to ${target} in the same prefecture`;
        }
      }
      if (!kind) {
        censusProblem(row.line, 'name', `code ${row.code} is ${entry.name} in the ${input.listYear} list, not ${row.name}, and no rule resolves the difference (add a name_variants entry in provinces.yaml if it is a spelling variant)`);
        continue;
      }
      pieces.set(row.code, [{ target, share: 1, how: kind }]);
      matches.push({ code: row.code, name: row.name, line: row.line, kind, targets: [{ code: target, name: nameOf(target), share: 1 }], ...(note ? { note } : {}) });
      continue;
    }
    const res = resolveCode(cw, row.code, row.name, input.censusYear, (c) => countyCodes.has(c) || dropped.has(c));
    if ('error' in res) {
      censusProblem(row.line, 'code', `census code ${row.code} ${row.name} is not in the ${input.listYear} list and cannot be followed through ${cw.file}: ${res.error}`);
      continue;
    }
    laterFromCrosswalk.push(...res.laterTransfers);
    const targets = res.targets.filter((t) => !dropped.has(t));
    if (targets.length === 0) {
      censusProblem(row.line, 'code', `census code ${row.code} ${row.name} leads only to dropped units (${res.targets.join(', ')})`);
      continue;
    }
    if (targets.length === 1) {
      const t = targets[0]!;
      pieces.set(row.code, [{ target: t, share: 1, how: 'crosswalk_renamed' }]);
      matches.push({ code: row.code, name: row.name, line: row.line, kind: 'crosswalk_renamed', targets: [{ code: t, name: nameOf(t), share: 1 }], note: `code history: ${res.steps.join('; ')}` });
      continue;
    }
    const split = splitConfig.get(row.code);
    if (!split) {
      censusProblem(row.line, 'code', `census code ${row.code} ${row.name} was split into ${targets.map((t) => `${t} ${nameOf(t)}`).join(', ')}; provinces.yaml boundary.splits needs the population shares`);
      continue;
    }
    usedSplits.add(row.code);
    const keys = Object.keys(split.shares).sort();
    if (keys.join() !== [...targets].sort().join()) {
      paramsProblem(`boundary.splits.${row.code}`, `shares are given for ${keys.join(', ')} but the code history splits ${row.code} into ${targets.join(', ')}`);
      continue;
    }
    pieces.set(row.code, keys.map((k) => ({ target: k, share: split.shares[k]!, how: 'crosswalk_split' })));
    matches.push({ code: row.code, name: row.name, line: row.line, kind: 'crosswalk_split', targets: keys.map((k) => ({ code: k, name: nameOf(k), share: split.shares[k]! })), note: `code history: ${res.steps.join('; ')}` });
  }
  // a single successor that other census rows also reach is a merger, otherwise a renaming
  const receivers = new Map<string, number>();
  for (const list of pieces.values()) for (const p of list) receivers.set(p.target, (receivers.get(p.target) ?? 0) + 1);
  matches.forEach((m, i) => {
    if (m.kind === 'crosswalk_renamed' && (receivers.get(m.targets[0]!.code) ?? 0) > 1) {
      matches[i] = { ...m, kind: 'crosswalk_merged' };
      pieces.set(m.code, [{ ...pieces.get(m.code)![0]!, how: 'crosswalk_merged' }]);
    }
  });
  // a code corrected by name must not land on a unit that keeps its own census row
  for (const m of matches.filter((x) => x.kind === 'reassigned_by_name')) {
    const t = m.targets[0]!.code;
    const own = matches.find((x) => x !== m && x.targets.some((y) => y.code === t) && x.code === t && x.kind !== 'reassigned_by_name');
    if (own) censusProblem(m.line, 'name', `census row ${m.code} ${m.name} would be moved to ${t} by its name, but ${t} already has its own census row (line ${own.line}); the codes are not simply swapped`);
  }
  for (const s of boundary.splits) if (!usedSplits.has(s.census_code)) paramsProblem(`boundary.splits.${s.census_code}`, `${s.census_code} ${s.census_name} is not a census unit that the code history splits`);

  // configured transfers: part of a census unit's population moves to another 2012 unit
  const transfersOut: UnitsReport['transfers'][number][] = [];
  const transfersBy = new Map<string, ProvincesFile['boundary']['transfers']>();
  for (const t of boundary.transfers) {
    const row = census.get(t.census_code);
    if (!row || row.level !== 'county' || !pieces.has(t.census_code)) {
      paramsProblem(`boundary.transfers.${t.census_code}`, `${t.census_code} ${t.census_name} is not a matched census county row`);
      continue;
    }
    if (!kinds.has(t.to)) {
      paramsProblem(`boundary.transfers.${t.census_code}`, `target ${t.to} ${t.to_name} is not a unit of the ${input.listYear} list`);
      continue;
    }
    transfersBy.set(t.census_code, [...(transfersBy.get(t.census_code) ?? []), t]);
  }
  for (const [code, list] of transfersBy) {
    const out = list.reduce((s, t) => s + t.share, 0);
    const kept = pieces.get(code)!.map((p) => ({ ...p, share: p.share * (1 - out) }));
    pieces.set(code, [...kept, ...list.map((t) => ({ target: t.to, share: t.share, how: `transfer_${t.year}` }))]);
  }

  // census parts into units
  const acc = new Map<string, { facts: CensusFacts; parts: UnitPart[] }>();
  const add = (target: string, facts: CensusFacts, part: UnitPart): void => {
    const a = acc.get(target) ?? { facts: emptyFacts(), parts: [] };
    acc.set(target, { facts: addFacts(a.facts, facts), parts: [...a.parts, part] });
  };
  for (const row of countyRows) {
    const list = pieces.get(row.code);
    if (!list) continue;
    const merged = new Map<string, Piece>();
    for (const p of list) {
      const before = merged.get(p.target);
      merged.set(p.target, before ? { target: p.target, share: before.share + p.share, how: `${before.how}+${p.how}` } : p);
    }
    const ordered = [...merged.values()];
    const parts = ordered.length === 1 ? [row.facts] : splitFacts(row.facts, ordered.map((p) => p.share));
    ordered.forEach((p, i) => {
      add(p.target, parts[i]!, { censusCode: row.code, censusName: row.name, censusLine: row.line, share: p.share, how: p.how });
      if (p.how.includes('transfer')) {
        const t = boundary.transfers.find((x) => x.census_code === row.code && x.to === p.target)!;
        transfersOut.push({ from: row.code, fromName: row.name, to: p.target, toName: nameOf(p.target), year: t.year, share: t.share, persons: parts[i]!.counts.resident_pop, source: t.source.kind });
      }
    });
  }

  // county-equivalents and residual units from prefecture rows
  const countyEquivalents: Array<{ code: string; name: string; persons: number }> = [];
  const residuals: Array<{ code: string; name: string; persons: number; countyRows: number }> = [];
  for (const pref of input.census.filter((r) => r.level === 'prefecture')) {
    const kind = kinds.get(pref.code);
    const inside = countyRows.filter((r) => r.code.startsWith(pref.code.slice(0, 4)));
    if (kind === 'county_equivalent') {
      if (inside.length) {
        censusProblem(pref.line, 'code', `${pref.code} ${pref.name} is configured as a county-equivalent but has county rows`);
        continue;
      }
      add(pref.code, pref.facts, { censusCode: pref.code, censusName: pref.name, censusLine: pref.line, share: 1, how: 'county_equivalent' });
      countyEquivalents.push({ code: pref.code, name: pref.name, persons: pref.facts.counts.resident_pop });
      continue;
    }
    if (inside.length === 0) continue;
    const sum = inside.reduce((f, r) => addFacts(f, r.facts), emptyFacts());
    const gap = pref.facts.counts.resident_pop - sum.counts.resident_pop;
    if (kind === 'residual') {
      const rest = subtractFacts(pref.facts, sum);
      const negative = COUNT_FIELDS.filter((f: CountField) => rest.counts[f] < 0);
      if (negative.length || rest.counts.resident_pop <= 0) {
        censusProblem(pref.line, negative[0] ?? 'resident_pop', `residual of ${pref.code} ${pref.name} (prefecture row minus its ${inside.length} county rows) is not positive in ${negative.join(', ') || 'resident_pop'}`);
        continue;
      }
      const cfg = residualConfig.get(pref.code)!;
      add(pref.code, rest, { censusCode: pref.code, censusName: pref.name, censusLine: pref.line, share: 1, how: `residual of prefecture row minus ${inside.length} county rows` });
      residuals.push({ code: pref.code, name: cfg.name, persons: rest.counts.resident_pop, countyRows: inside.length });
    } else if (gap !== 0) {
      censusProblem(pref.line, 'resident_pop', `prefecture ${pref.code} ${pref.name} has ${pref.facts.counts.resident_pop} residents but its county rows ${sum.counts.resident_pop} (${gap} outside any county); add it to boundary.residual_units in provinces.yaml or explain it`);
    }
  }

  // units without population are errors: each needs a census row, a split share or a transfer
  const units: Unit[] = [];
  for (const [code, kind] of [...kinds].sort((a, b) => a[0].localeCompare(b[0]))) {
    const a = acc.get(code);
    if (!a || a.facts.counts.resident_pop <= 0) {
      problems.push({ file: admin.file, line: admin.byCode.get(code)?.line, column: 'Code', message: `unit ${code} ${nameOf(code)} of the ${input.listYear} list has no census population: no census row, split or transfer reaches it (add one in ${input.paramsFile}, or drop it with a reason)` });
      continue;
    }
    const meta = unitMeta(code, kind, admin);
    if ('error' in meta) {
      problems.push({ file: admin.file, line: admin.byCode.get(code)?.line, column: 'Code', message: meta.error });
      continue;
    }
    const residual = residualConfig.get(code);
    units.push({
      code,
      name: kind === 'residual' ? residual!.name : nameOf(code),
      kind,
      ...meta,
      aliases: residual?.aliases ?? [],
      facts: a.facts,
      parts: a.parts,
    });
  }

  // later partial transfers in the code history that provinces.yaml does not configure
  const configuredTo = new Set(boundary.transfers.map((t) => `${t.census_code}>${t.to}`));
  const configuredTargets = new Set(boundary.transfers.map((t) => t.to));
  const notAdjusted: Array<{ from: string; fromName: string; to: string; toName: string; year: number; reason: string }> = [];
  const seenEvents = new Set<string>();
  const events = [...partialTransfers(cw, input.censusYear, input.listYear), ...laterFromCrosswalk.map((e) => ({ ...e, fromName: census.get(e.from)?.name ?? nameOf(e.from), line: 0 }))];
  for (const e of events) {
    const key = `${e.from}>${e.to}`;
    if (seenEvents.has(key)) continue;
    seenEvents.add(key);
    if (configuredTo.has(key)) continue;
    if (configuredTargets.has(e.to)) {
      const via = boundary.transfers.filter((t) => t.to === e.to).map((t) => `${t.census_code} ${t.census_name}`);
      notAdjusted.push({ from: e.from, fromName: e.fromName, to: e.to, toName: nameOf(e.to), year: e.year, reason: `the code history names ${e.from} ${e.fromName} as giver; provinces.yaml takes the population from ${via.join(', ')} instead` });
      continue;
    }
    if (!census.has(e.from)) continue; // a unit that did not exist at the census
    notAdjusted.push({ from: e.from, fromName: e.fromName, to: e.to, toName: nameOf(e.to), year: e.year, reason: 'no population figure for the part that moved; it stays with the 2010 unit' });
  }

  if (problems.length) throw new InputError(problems);
  return {
    units,
    report: {
      matches,
      transfers: transfersOut,
      notAdjusted,
      dropped: boundary.dropped.map((d) => ({ code: d.code, name: d.name, reason: d.reason })),
      countyEquivalents,
      residuals,
    },
  };
}

function unitMeta(code: string, kind: UnitKind, admin: AdminList): { provinceCode: string; province: string; prefectureCode: string; prefecture: string } | { error: string } {
  const provinceCode = provinceOf(code);
  const province = admin.byCode.get(provinceCode)?.name;
  if (!province) return { error: `province ${provinceCode} of unit ${code} is not in the list` };
  if (kind !== 'county') return { provinceCode, province, prefectureCode: code, prefecture: admin.byCode.get(code)!.name };
  const prefectureCode = prefectureOf(code);
  if (isProvinceAdministered(code)) return { provinceCode, province, prefectureCode, prefecture: province.endsWith('自治区') ? '自治区直辖县级行政区划' : '省直辖县级行政区划' };
  if (isMunicipality(code)) return { provinceCode, province, prefectureCode, prefecture: `${province}（${code.slice(2, 4) === '01' ? '市辖区' : '县'}）` };
  const prefecture = admin.byCode.get(prefectureCode)?.name;
  if (!prefecture) return { error: `prefecture ${prefectureCode} of unit ${code} is not in the list` };
  return { provinceCode, province, prefectureCode, prefecture };
}

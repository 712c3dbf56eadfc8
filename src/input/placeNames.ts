/**
 * Places (counties, prefectures, provinces) found by what a user types: a code, the full name
 * (乳源瑶族自治县), the short name (乳源, 乳源县: the name without 县/区/市/旗/自治县/…族自治县 …)
 * or the pinyin (Ruyuan, ruyuan, ru yuan); provinces also by their usual romanization
 * (Guangdong, Shaanxi, Inner Mongolia) and two-digit code (44). A name several places share
 * lists them; a name no place has gets "did you mean" suggestions by edit distance on the
 * names and their pinyin.
 *
 * pinyin-pro is loaded only when a lookup needs pinyin (a Latin query, or suggestions), so that
 * commands that never look a name up do not pay for it.
 */
import { say } from '../i18n/messageLang.ts';
import { createRequire } from 'node:module';
import { PROVINCES } from './provinces.ts';
import type { County } from '../model/county.ts';

/** One place a name may refer to. */
export interface Place {
  readonly code: string;
  readonly name: string;
  /** other names that find it exactly (romanizations, short codes) */
  readonly aliases?: readonly string[];
  /** what tells it apart from a namesake: its prefecture and province */
  readonly context?: string;
}

export type PlaceMatch =
  | { readonly kind: 'found'; readonly index: number }
  | { readonly kind: 'ambiguous'; readonly indexes: readonly number[] }
  | { readonly kind: 'unknown'; readonly suggestions: readonly number[] };

/** What is looked up, for messages. */
export interface PlaceKind {
  readonly zh: string;
  readonly en: string;
}
export const COUNTY: PlaceKind = { zh: '县（区、市）', en: 'county' };
export const PREFECTURE: PlaceKind = { zh: '地市', en: 'prefecture' };
export const PROVINCE: PlaceKind = { zh: '省份', en: 'province' };

/** The 55 minority nationalities' names as they appear in autonomous-area names, longest first; 各 for 各族. */
const NATIONALITIES = [
  '乌孜别克', '柯尔克孜', '维吾尔', '哈萨克', '塔吉克', '塔塔尔', '鄂伦春', '鄂温克', '达斡尔', '俄罗斯',
  '蒙古', '土家', '布依', '朝鲜', '哈尼', '傈僳', '拉祜', '东乡', '纳西', '景颇', '仫佬', '布朗', '撒拉',
  '毛南', '仡佬', '锡伯', '阿昌', '普米', '德昂', '保安', '裕固', '独龙', '赫哲', '门巴', '珞巴', '基诺', '高山',
  '回', '藏', '苗', '彝', '壮', '满', '侗', '瑶', '白', '傣', '黎', '佤', '畲', '水', '土', '羌', '怒', '京', '各',
];
// 新疆维吾尔自治区 names its nationality without 族
const NATIONALITY_RUN = new RegExp(`(?:(?:${NATIONALITIES.join('|')})族|维吾尔)+$`);
/** Administrative suffixes, longest first; the autonomous ones are stripped with the nationalities before them. */
const AUTONOMOUS_SUFFIX = /自治(?:县|旗|州|区)$/;
const PLAIN_SUFFIXES = ['特别行政区', '地区', '林区', '特区', '新区', '矿区', '省', '市', '县', '区', '旗', '盟'];

/** A place's short name: 乳源瑶族自治县 → 乳源, 韶关市 → 韶关, 广西壮族自治区 → 广西, 南山区 → 南山. */
export function shortPlaceName(name: string): string {
  const full = name.trim();
  let s = full;
  if (AUTONOMOUS_SUFFIX.test(s)) s = s.replace(AUTONOMOUS_SUFFIX, '').replace(NATIONALITY_RUN, '');
  else {
    const suffix = PLAIN_SUFFIXES.find((x) => s.endsWith(x) && s.length > x.length);
    if (suffix) s = s.slice(0, -suffix.length);
  }
  return s.length > 0 ? s : full;
}

/** English words a user may add after a name (Ruyuan County, Guangdong Province). */
const ENGLISH_SUFFIX = /\s+(?:autonomous\s+(?:county|prefecture|region|banner)|province|prefecture|city|county|district|banner|league|region|municipality|shi|xian|qu|sheng)$/i;

/** A Latin query as compared: lower case, without spaces, apostrophes, hyphens or tone marks; ü as v. */
export function latinKey(query: string): string {
  return query
    .trim()
    .replace(ENGLISH_SUFFIX, '')
    .normalize('NFD')
    .replace(/u\u0308/gi, 'v')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s'’\-_.]/g, '');
}

const isLatin = (s: string): boolean => /^[A-Za-z\u00C0-\u024F\s'’\-_.]+$/.test(s.trim());
const isCode = (s: string): boolean => /^\d+$/.test(s.trim());

type PinyinFn = (text: string, options: { toneType: 'none'; type: 'array' }) => string[];
let pinyinFn: PinyinFn | undefined;
const pinyinCache = new Map<string, string>();

/** The toneless pinyin of a Chinese name, letters only (乳源 → ruyuan); loads pinyin-pro on first use. */
export function pinyinKey(name: string): string {
  const cached = pinyinCache.get(name);
  if (cached !== undefined) return cached;
  if (!pinyinFn) {
    const mod = createRequire(import.meta.url)('pinyin-pro') as { pinyin: PinyinFn };
    pinyinFn = mod.pinyin;
  }
  const key = pinyinFn(name, { toneType: 'none', type: 'array' }).join('').toLowerCase().replace(/ü/g, 'v').replace(/[^a-z]/g, '');
  pinyinCache.set(name, key);
  return key;
}

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[y.length]!;
}

const MAX_SUGGESTIONS = 5;

/** Indexes of the places whose key equals `key`. */
function where(places: readonly Place[], test: (p: Place) => boolean): number[] {
  const out: number[] = [];
  places.forEach((p, i) => {
    if (test(p)) out.push(i);
  });
  return out;
}

const result = (indexes: number[]): PlaceMatch | undefined =>
  indexes.length === 1 ? { kind: 'found', index: indexes[0]! } : indexes.length > 1 ? { kind: 'ambiguous', indexes } : undefined;

/**
 * Find a place: by code or alias, then full name, then short name, then pinyin. The first
 * step that matches decides (so 南山区 given in full is not confused with another 南山).
 */
export function findPlace(query: string, places: readonly Place[]): PlaceMatch {
  const q = query.trim();
  const latin = isLatin(q);
  const key = latin ? latinKey(q) : '';
  const short = shortPlaceName(q);
  const steps: Array<() => number[]> = [
    () => where(places, (p) => p.code === q || (p.aliases ?? []).includes(q)),
    () => where(places, (p) => p.name === q),
    () => (latin ? where(places, (p) => (p.aliases ?? []).some((a) => latinKey(a) === key)) : []),
    () => (latin ? [] : where(places, (p) => shortPlaceName(p.name) === short)),
    () => (latin && key.length > 0 ? where(places, (p) => pinyinKey(shortPlaceName(p.name)) === key || pinyinKey(p.name) === key) : []),
  ];
  for (const step of steps) {
    const found = result(step());
    if (found) return found;
  }
  return { kind: 'unknown', suggestions: suggestPlaces(q, places) };
}

/** The places nearest to a query that matched none: by edit distance on names, short names and pinyin. */
export function suggestPlaces(query: string, places: readonly Place[]): number[] {
  const q = query.trim();
  if (q.length === 0 || isCode(q)) {
    // a mistyped code: codes one or two digits away
    return places.map((p, i) => ({ i, d: editDistance(q, p.code) })).filter((x) => x.d <= 2).sort((a, b) => a.d - b.d || a.i - b.i).slice(0, MAX_SUGGESTIONS).map((x) => x.i);
  }
  const latin = isLatin(q);
  const qKey = latin ? latinKey(q) : pinyinKey(shortPlaceName(q));
  const qShort = shortPlaceName(q);
  const scored: Array<{ i: number; score: number }> = [];
  places.forEach((p, i) => {
    const pShort = shortPlaceName(p.name);
    const distances: number[] = [];
    const pinyinLimit = Math.max(1, Math.floor(qKey.length / 4));
    const pinyinD = Math.min(editDistance(qKey, pinyinKey(pShort)), editDistance(qKey, pinyinKey(p.name)), ...(p.aliases ?? []).filter(isLatin).map((a) => editDistance(qKey, latinKey(a))));
    if (pinyinD <= pinyinLimit) distances.push(pinyinD / Math.max(qKey.length, 1));
    if (!latin) {
      const nameLimit = Math.max(1, Math.floor([...qShort].length / 2));
      const nameD = Math.min(editDistance(qShort, pShort), editDistance(q, p.name));
      if (nameD <= nameLimit) distances.push(nameD / Math.max([...qShort].length, 1));
    }
    if (distances.length) scored.push({ i, score: Math.min(...distances) });
  });
  return scored.sort((a, b) => a.score - b.score || a.i - b.i).slice(0, MAX_SUGGESTIONS).map((x) => x.i);
}

/** A place as listed in a message: code, name and what tells it apart. */
export function describePlace(p: Place): string {
  if (!p.context) return `${p.code} ${p.name}`;
  return say({ zh: `${p.code} ${p.name}（${p.context}）`, en: `${p.code} ${p.name} (${p.context.split('，').join(', ')})` });
}

/** The message (in the message language) for a name that found no place or several; undefined when found. */
export function placeProblem(query: string, match: PlaceMatch, places: readonly Place[], kind: PlaceKind, scope?: string | { readonly zh: string; readonly en: string }): string | undefined {
  if (match.kind === 'found') return undefined;
  if (match.kind === 'ambiguous') {
    const list = match.indexes.map((i) => describePlace(places[i]!)).join(say({ zh: '；', en: '; ' }));
    return say({ zh: `“${query}”对应 ${match.indexes.length} 个${kind.zh}，请给出代码：${list}`, en: `"${query}" matches ${match.indexes.length} ${kind.en === 'county' ? 'counties' : `${kind.en}s`}; give the code: ${list}` });
  }
  const inScope = scope ? `（${typeof scope === 'string' ? scope : scope.zh}）` : '';
  const inScopeEn = scope ? ` in ${typeof scope === 'string' ? scope : scope.en}` : '';
  const head = `no ${kind.en} "${query}"${inScopeEn}`;
  if (match.suggestions.length === 0) return say({ zh: `未找到${kind.zh}“${query}”${inScope}；可用代码、全称、简称或拼音查找`, en: `${head}; give a code, full name, short name or pinyin` });
  return say({ zh: `未找到${kind.zh}“${query}”${inScope}；是否要找：${match.suggestions.map((i) => describePlace(places[i]!)).join('；')}`, en: `${head}; did you mean: ${match.suggestions.map((i) => describePlace(places[i]!)).join('; ')}` });
}

/** Usual romanizations of the provinces (postal and official forms), by code. */
const PROVINCE_ROMANIZATIONS: Readonly<Record<string, readonly string[]>> = {
  '110000': ['Beijing'], '120000': ['Tianjin'], '130000': ['Hebei'], '140000': ['Shanxi'], '150000': ['Inner Mongolia', 'Nei Mongol', 'Neimenggu'],
  '210000': ['Liaoning'], '220000': ['Jilin'], '230000': ['Heilongjiang'], '310000': ['Shanghai'], '320000': ['Jiangsu'],
  '330000': ['Zhejiang'], '340000': ['Anhui'], '350000': ['Fujian'], '360000': ['Jiangxi'], '370000': ['Shandong'],
  '410000': ['Henan'], '420000': ['Hubei'], '430000': ['Hunan'], '440000': ['Guangdong'], '450000': ['Guangxi', 'Guangxi Zhuang'],
  '460000': ['Hainan'], '500000': ['Chongqing'], '510000': ['Sichuan'], '520000': ['Guizhou'], '530000': ['Yunnan'],
  '540000': ['Tibet', 'Xizang'], '610000': ['Shaanxi'], '620000': ['Gansu'], '630000': ['Qinghai'], '640000': ['Ningxia', 'Ningxia Hui'],
  '650000': ['Xinjiang', 'Xinjiang Uygur', 'Xinjiang Uyghur'],
};

/** The 31 provinces as places: code, name, two-digit code and romanizations. */
export const PROVINCE_PLACES: readonly Place[] = Object.entries(PROVINCES).map(([code, name]) => ({
  code,
  name,
  aliases: [code.slice(0, 2), ...(PROVINCE_ROMANIZATIONS[code] ?? [])],
}));

/** A province's code from what a user typed; `problem` says why not (in the message language) when none. */
export function resolveProvince(query: string): { code?: string; problem?: string } {
  const match = findPlace(query, PROVINCE_PLACES);
  if (match.kind === 'found') return { code: PROVINCE_PLACES[match.index]!.code };
  return { problem: placeProblem(query, match, PROVINCE_PLACES, PROVINCE)! };
}

/** Counties (the indexes given, in order) as places; `index` of a match is a position in `indexes`. */
export function countyPlaces(counties: readonly County[], indexes: readonly number[]): Place[] {
  return indexes.map((i) => {
    const c = counties[i]!;
    return { code: c.code, name: c.name, context: `${c.prefecture}，${c.province}` };
  });
}

/** The prefectures of a county list, once each in order of first appearance (4-digit code prefix as alias). */
export function prefecturePlaces(counties: readonly County[]): Place[] {
  const seen = new Map<string, Place>();
  for (const c of counties) {
    if (!seen.has(c.prefectureCode)) seen.set(c.prefectureCode, { code: c.prefectureCode, name: c.prefecture, aliases: [c.prefectureCode.slice(0, 4)], context: c.province });
  }
  return [...seen.values()];
}

/** Counties computed but not reported on (the reference file's), where a name not found may be, and what to say then. */
export interface CountiesElsewhere {
  readonly indexes: readonly number[];
  readonly hint: { readonly zh: string; readonly en: string };
}

/**
 * Find one county among `indexes` of `counties`: the county index, or the problem (in the message language).
 * `scope` names where it was looked for (the county file) in the message; a name found only
 * `elsewhere` says so, with its hint.
 */
export function resolveCounty(query: string, counties: readonly County[], indexes: readonly number[], scope?: string, elsewhere?: CountiesElsewhere): { index?: number; problem?: string } {
  const places = countyPlaces(counties, indexes);
  const match = findPlace(query, places);
  if (match.kind === 'found') return { index: indexes[match.index]! };
  if (match.kind === 'unknown' && elsewhere && elsewhere.indexes.length > 0) {
    const others = countyPlaces(counties, elsewhere.indexes);
    const there = findPlace(query, others);
    if (there.kind !== 'unknown') {
      const list = (there.kind === 'found' ? [there.index] : there.indexes).map((i) => describePlace(others[i]!)).join(say({ zh: '；', en: '; ' }));
      const inScope = scope ? `（${scope}）` : '';
      return { problem: say({ zh: `“${query}”不在所报告的县中${inScope}，但在 ${list}：${elsewhere.hint.zh}`, en: `"${query}" is not among the counties reported${scope ? ` (${scope})` : ''} but is ${list}: ${elsewhere.hint.en}` }) };
    }
  }
  return { problem: placeProblem(query, match, places, COUNTY, scope)! };
}

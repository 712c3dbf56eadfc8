import { afterEach, describe, expect, it } from 'vitest';
import { setMessageLang } from '../../src/i18n/messageLang.ts';
import {
  COUNTY, editDistance, findPlace, latinKey, pinyinKey, placeProblem, prefecturePlaces, resolveCounty, resolveProvince, shortPlaceName, type Place,
} from '../../src/input/placeNames.ts';
import { makeCounty } from '../helpers/fixtures.ts';

const county = (code: string, name: string, prefectureCode: string, prefecture: string, provinceCode = '440000', province = '广东省') =>
  makeCounty({ code, name, prefectureCode, prefecture, provinceCode, province });

// a few real Guangdong counties, and a namesake 南山区 in Heilongjiang
const COUNTIES = [
  county('440232', '乳源瑶族自治县', '440200', '韶关市'),
  county('440229', '翁源县', '440200', '韶关市'),
  county('440281', '乐昌市', '440200', '韶关市'),
  county('440305', '南山区', '440300', '深圳市'),
  county('440306', '宝安区', '440300', '深圳市'),
  county('441426', '平远县', '441400', '梅州市'),
  county('230404', '南山区', '230400', '鹤岗市', '230000', '黑龙江省'),
];
const ALL = COUNTIES.map((_, i) => i);
const GUANGDONG = ALL.filter((i) => COUNTIES[i]!.provinceCode === '440000');

describe('short names', () => {
  it('strips administrative suffixes and the nationalities of autonomous areas', () => {
    expect(shortPlaceName('乳源瑶族自治县')).toBe('乳源');
    expect(shortPlaceName('长阳土家族自治县')).toBe('长阳');
    expect(shortPlaceName('双江拉祜族佤族布朗族傣族自治县')).toBe('双江');
    expect(shortPlaceName('长白朝鲜族自治县')).toBe('长白');
    expect(shortPlaceName('隆林各族自治县')).toBe('隆林');
    expect(shortPlaceName('延边朝鲜族自治州')).toBe('延边');
    expect(shortPlaceName('新疆维吾尔自治区')).toBe('新疆');
    expect(shortPlaceName('广西壮族自治区')).toBe('广西');
    expect(shortPlaceName('韶关市')).toBe('韶关');
    expect(shortPlaceName('南山区')).toBe('南山');
    expect(shortPlaceName('贵州省')).toBe('贵州');
    expect(shortPlaceName('贵州')).toBe('贵州');
    expect(shortPlaceName('阿里地区')).toBe('阿里');
    expect(shortPlaceName('锡林郭勒盟')).toBe('锡林郭勒');
    expect(shortPlaceName('县')).toBe('县');
  });

  it('keys Latin text without case, spaces, tone marks or English suffixes', () => {
    expect(latinKey('Ru Yuan')).toBe('ruyuan');
    expect(latinKey("Xi'an")).toBe('xian');
    expect(latinKey('Rǔyuán County')).toBe('ruyuan');
    expect(latinKey('Guangdong Province')).toBe('guangdong');
    expect(pinyinKey('乳源')).toBe('ruyuan');
    expect(pinyinKey('长沙')).toBe('changsha');
    expect(editDistance('ruyuan', 'ruyun')).toBe(1);
    expect(editDistance('乳源', '如源')).toBe(1);
  });
});

describe('counties by code, full name, short name or pinyin', () => {
  it.each(['440232', '乳源瑶族自治县', '乳源', '乳源县', 'Ruyuan', 'ruyuan', 'ru yuan', 'RUYUAN', 'Ruyuan County'])('finds 乳源瑶族自治县 from %s', (q) => {
    expect(resolveCounty(q, COUNTIES, GUANGDONG)).toEqual({ index: 0 });
  });

  it('finds 南山 in Guangdong, and lists both 南山区 across the country', () => {
    expect(resolveCounty('南山', COUNTIES, GUANGDONG)).toEqual({ index: 3 });
    const both = resolveCounty('南山区', COUNTIES, ALL);
    expect(both.index).toBeUndefined();
    expect(both.problem).toBe('"南山区" matches 2 counties; give the code: 440305 南山区 (深圳市, 广东省); 230404 南山区 (鹤岗市, 黑龙江省)');
    expect(resolveCounty('Nanshan', COUNTIES, ALL).problem).toMatch(/matches 2 counties/);
  });

  it('prefers the code and the full name over a short name another place shares', () => {
    expect(resolveCounty('230404', COUNTIES, ALL)).toEqual({ index: 6 });
  });

  it('suggests the nearest names, by characters and by pinyin', () => {
    expect(resolveCounty('乳远', COUNTIES, GUANGDONG, 'guangdong_2012.csv').problem).toBe(
      'no county "乳远" in guangdong_2012.csv; did you mean: 440232 乳源瑶族自治县 (韶关市, 广东省); 441426 平远县 (梅州市, 广东省)',
    );
    // a homophone: 如源 sounds like 乳源
    expect(resolveCounty('如源', COUNTIES, GUANGDONG).problem).toMatch(/did you mean: 440232 乳源瑶族自治县/);
    expect(resolveCounty('Ruyun', COUNTIES, GUANGDONG).problem).toMatch(/did you mean: 440232 乳源瑶族自治县 \(韶关市, 广东省\)$/);
    expect(resolveCounty('440233', COUNTIES, GUANGDONG).problem).toMatch(/did you mean: 440232 乳源瑶族自治县/);
    expect(resolveCounty('火星', COUNTIES, GUANGDONG).problem).toBe('no county "火星"; give a code, full name, short name or pinyin');
  });

  it('says when a county is computed but not reported on (the reference file), with a hint', () => {
    const hint = { zh: '换个县文件', en: 'use another county file' };
    expect(resolveCounty('230404', COUNTIES, GUANGDONG, 'gd.csv', { indexes: [6], hint }).problem).toBe(
      '"230404" is not among the counties reported (gd.csv) but is 230404 南山区 (鹤岗市, 黑龙江省): use another county file',
    );
    // found in the reported counties first
    expect(resolveCounty('南山区', COUNTIES, GUANGDONG, 'gd.csv', { indexes: [6], hint })).toEqual({ index: 3 });
  });

  it('describes an unknown place only when it is not found', () => {
    const places: Place[] = [{ code: '1', name: '甲县' }];
    expect(placeProblem('甲', findPlace('甲', places), places, COUNTY)).toBeUndefined();
  });
});

describe('prefectures and provinces', () => {
  it('finds a prefecture by name, short name, pinyin or code', () => {
    const places = prefecturePlaces(COUNTIES);
    expect(places.map((p) => p.code)).toEqual(['440200', '440300', '441400', '230400']);
    for (const q of ['韶关市', '韶关', 'Shaoguan', '440200', '4402']) expect(findPlace(q, places)).toEqual({ kind: 'found', index: 0 });
  });

  it.each([
    ['Guangdong', '440000'], ['广东', '440000'], ['广东省', '440000'], ['44', '440000'], ['440000', '440000'], ['guang dong', '440000'],
    ['Shaanxi', '610000'], ['Shanxi', '140000'], ['陕西', '610000'], ['Inner Mongolia', '150000'], ['内蒙古', '150000'], ['Tibet', '540000'],
    ['新疆', '650000'], ['Xinjiang Uygur Autonomous Region', '650000'], ['广西壮族自治区', '450000'],
  ])('finds province %s → %s', (q, code) => {
    expect(resolveProvince(q)).toEqual({ code });
  });

  it('suggests provinces for a typo', () => {
    expect(resolveProvince('Guandong').problem).toBe('no province "Guandong"; did you mean: 440000 广东省; 370000 山东省');
  });
});

describe('messages in the message language (zh by default, en in the tests)', () => {
  afterEach(() => setMessageLang('en'));

  it('says the same problems in Chinese alone under zh, and in English alone under en', () => {
    setMessageLang('zh');
    expect(resolveCounty('乳远', COUNTIES, GUANGDONG, 'guangdong_2012.csv').problem).toBe('未找到县（区、市）“乳远”（guangdong_2012.csv）；是否要找：440232 乳源瑶族自治县（韶关市，广东省）；441426 平远县（梅州市，广东省）');
    expect(resolveCounty('南山区', COUNTIES, ALL).problem).toBe('“南山区”对应 2 个县（区、市），请给出代码：440305 南山区（深圳市，广东省）；230404 南山区（鹤岗市，黑龙江省）');
    expect(resolveCounty('火星', COUNTIES, GUANGDONG).problem).toBe('未找到县（区、市）“火星”；可用代码、全称、简称或拼音查找');
    expect(resolveCounty('230404', COUNTIES, GUANGDONG, 'gd.csv', { indexes: [6], hint: { zh: '换个县文件', en: 'use another county file' } }).problem).toBe('“230404”不在所报告的县中（gd.csv），但在 230404 南山区（鹤岗市，黑龙江省）：换个县文件');
    expect(resolveProvince('Guandong').problem).toBe('未找到省份“Guandong”；是否要找：440000 广东省；370000 山东省');
    setMessageLang('en');
    for (const p of [resolveCounty('乳远', COUNTIES, GUANGDONG).problem, resolveCounty('南山区', COUNTIES, ALL).problem, resolveProvince('Guandong').problem]) {
      // Chinese only in the place names themselves
      expect(p!.replace(/[\u4e00-\u9fff]+(?:区|县|市|省)?/g, '')).not.toMatch(/[\u4e00-\u9fff（）：；，“”]/);
    }
  });
});

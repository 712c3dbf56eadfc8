import { describe, expect, it } from 'vitest';
import { pilotArea, unitFlags, type FlagUnitWithKind } from '../../src/import/flags.ts';
import { loadParams } from '../../src/import/pipeline.ts';
import { fixtureText } from './fixture.ts';

const rules = {
  ...loadParams(fixtureText('provinces.yaml')).flags,
  directly_managed: { fiscal_reform_provinces: ['330000'], except_prefectures: ['330100'], source: { kind: 'assumption' as const, reasoning: 'test rule for the flags' } },
  difficult: { region_groups: ['west' as const], poverty_list: true, prefectures: { '422800': '恩施州' }, source: { kind: 'assumption' as const, reasoning: 'test rule for the flags' }, prefectures_source: { kind: 'assumption' as const, reasoning: 'test rule for the flags' } },
};

function u(code: string, regionGroup: 'east' | 'central' | 'west' = 'east', kind: FlagUnitWithKind['kind'] = 'county'): FlagUnitWithKind {
  return { code, name: 'x', provinceCode: `${code.slice(0, 2)}0000`, province: 'p', prefectureCode: `${code.slice(0, 4)}00`, prefecture: 'q', aliases: [], kind, regionGroup };
}
const flags = (x: FlagUnitWithKind, onList = false): number[] => {
  const f = unitFlags(x, onList, rules);
  return [f.directly_managed, f.difficult, f.nutrition_pilot];
};

describe('unitFlags', () => {
  it('directly managed: units under the province, municipal units, counties of fiscal-reform provinces', () => {
    expect(flags(u('429004', 'central'))).toEqual([1, 0, 0]); // 仙桃市, xx90
    expect(flags(u('110228'))).toEqual([1, 0, 0]); // 密云县, municipality
    expect(flags(u('330621'))).toEqual([1, 0, 0]); // a county of Zhejiang
    expect(flags(u('330602'))).toEqual([0, 0, 0]); // a district of Zhejiang is not
    expect(flags(u('330122'))).toEqual([0, 0, 0]); // excepted prefecture
    expect(flags(u('441900', 'east', 'county_equivalent'))).toEqual([0, 0, 0]);
  });

  it('difficult: western region, listed prefectures, 832 list; pilot only from the list', () => {
    expect(flags(u('510104', 'west'))).toEqual([0, 1, 0]);
    expect(flags(u('422801', 'central'))).toEqual([0, 1, 0]);
    expect(flags(u('130631', 'east'), true)).toEqual([0, 1, 1]);
    expect(flags(u('130632', 'east'), false)).toEqual([0, 0, 0]);
  });
});

describe('nutrition pilot proxy (contiguous areas)', () => {
  type Area = (typeof rules)['nutrition_pilot']['areas'][number];
  const areas: Area[] = [
    { name: '西藏', counties: 74, provinces: ['540000'], prefectures: {}, units: {} },
    { name: '燕山-太行山区', counties: 33, provinces: [], prefectures: { '130700': '张家口市' }, units: { '140922': '五台县' } },
    { name: '吕梁山区', counties: 20, provinces: [], prefectures: {}, units: { '140926': '静乐县' } },
  ];
  const withAreas = { ...rules, nutrition_pilot: { ...rules.nutrition_pilot, areas } };
  const pilot = (code: string, onList: boolean): number => unitFlags(u(code, 'west'), onList, withAreas).nutrition_pilot;

  it('finds the area by province, prefecture or unit', () => {
    expect(pilotArea(u('540121'), areas)).toBe('西藏');
    expect(pilotArea(u('130722'), areas)).toBe('燕山-太行山区');
    expect(pilotArea(u('140922'), areas)).toBe('燕山-太行山区');
    expect(pilotArea(u('140926'), areas)).toBe('吕梁山区');
    expect(pilotArea(u('140923'), areas)).toBeUndefined(); // 代县: same prefecture, not listed
  });

  it('flags a unit only when it is on the 832 list and inside an area', () => {
    expect(pilot('540121', true)).toBe(1);
    expect(pilot('540121', false)).toBe(0); // inside, not on the list
    expect(pilot('140923', true)).toBe(0); // on the list, outside every area
    expect(pilot('130722', true)).toBe(1);
    const f = unitFlags(u('140926', 'central'), true, withAreas);
    expect(f.reasons).toContain('nutrition_pilot: 832 list and in the 吕梁山区 contiguous poverty area (proxy of the 680-county list)');
  });
});

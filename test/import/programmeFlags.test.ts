import { describe, expect, it } from 'vitest';
import { parseAdminCodes } from '../../src/import/adminCodes.ts';
import { loadBudgetParams, type Selection } from '../../src/import/budgetParams.ts';
import { checkSelections, directlyManaged2012, isNonDistrict, parseAutonomy, programmeFlags, selects, type AutonomyList, type ProgrammeFlagUnit } from '../../src/import/programmeFlags.ts';
import { parseTable } from '../../src/import/table.ts';
import { InputError } from '../../src/input/inputError.ts';
import { fixtureText } from './fixture.ts';

function u(code: string, over: Partial<ProgrammeFlagUnit> = {}): ProgrammeFlagUnit {
  return { code, name: 'x', kind: 'county', provinceCode: `${code.slice(0, 2)}0000`, prefectureCode: `${code.slice(0, 4)}00`, urbanPop: 50, ruralPop: 50, ...over };
}
const none: AutonomyList = { autonomousCounties: new Set(), autonomousPrefectures: new Set() };

const qingcheng = u('441802'); // district of 清远
const fogang = u('441821'); // county of 清远
const jieyangResidual = u('445200', { kind: 'residual' });
const rongcheng = u('445202'); // district of 揭阳
const huma = u('232721'); // county of 大兴安岭地区, which has no districts
const qianjiang = u('429005'); // under the province (xx90)
const all = [qingcheng, fogang, jieyangResidual, rongcheng, huma, qianjiang];

describe('non-district units', () => {
  it('are counties, county-level cities and xx90 units, not districts, county-equivalents or residual units', () => {
    expect([qingcheng, fogang, jieyangResidual, rongcheng, huma, qianjiang].map(isNonDistrict)).toEqual([false, true, false, false, true, true]);
    expect(isNonDistrict(u('441900', { kind: 'county_equivalent' }))).toBe(false);
  });
});

describe('selection rules', () => {
  const pick = (s: Selection, autonomy = none): string[] => all.filter((x) => selects(s, x, all, autonomy)).map((x) => x.code);
  it('prefectures: their non-district units only', () => {
    expect(pick({ prefectures: { '441800': '清远市' } })).toEqual(['441821']);
  });
  it('prefecture_districts: the districts and the city proper; all units where the prefecture has no districts', () => {
    expect(pick({ prefecture_districts: { '445200': '揭阳市' } })).toEqual(['445200', '445202']);
    expect(pick({ prefecture_districts: { '232700': '大兴安岭地区' } })).toEqual(['232721']);
  });
  it('units and whole provinces', () => {
    expect(pick({ units: { '429005': '潜江市' } })).toEqual(['429005']);
    expect(pick({ provinces_all: ['440000'] })).toEqual(['441802', '441821', '445200', '445202']);
  });
  it('autonomous units: listed counties and every unit of an autonomous prefecture', () => {
    expect(pick({ autonomous_units: true }, { autonomousCounties: new Set(['441821']), autonomousPrefectures: new Set(['445200']) })).toEqual(['441821', '445200', '445202']);
  });
  it('rural share: non-district units at or above the minimum', () => {
    const rural60 = u('441823', { urbanPop: 40, ruralPop: 60 });
    const rural59 = u('441825', { urbanPop: 41, ruralPop: 59 });
    const district80 = u('441803', { urbanPop: 20, ruralPop: 80 });
    const s: Selection = { rural_in_provinces: { provinces: ['440000'], min_rural_share: 0.6 } };
    expect([rural60, rural59, district80].map((x) => selects(s, x, [x], none) !== undefined)).toEqual([true, false, false]);
  });
});

describe('directly managed in 2012', () => {
  const rule = { fiscal_reform_provinces: { '420000': { name: '湖北省', except_prefectures: ['422800'] } }, source: { kind: 'assumption' as const, reasoning: 'test rule for the flags' } };
  it('xx90 units, municipal units, non-district units of listed provinces outside excepted prefectures', () => {
    expect(directlyManaged2012(qianjiang, rule)).toBe('under the province (xx90)');
    expect(directlyManaged2012(u('500229'), rule)).toBe('unit of a municipality');
    expect(directlyManaged2012(u('420222'), rule)).toBe('fiscal 省直管县 in 湖北省 by 2012');
    expect(directlyManaged2012(u('420202'), rule)).toBeUndefined(); // district
    expect(directlyManaged2012(u('422801'), rule)).toBeUndefined(); // Enshi excepted
    expect(directlyManaged2012(fogang, rule)).toBeUndefined(); // Guangdong not listed
    expect(directlyManaged2012(u('441900', { kind: 'county_equivalent' }), rule)).toBeUndefined();
  });
});

describe('the fixture rules end to end', () => {
  const file = loadBudgetParams(fixtureText('budget.yaml').text, 'budget.yaml');
  it('sets each flag by its rule and gives the reasons', () => {
    const autonomy = parseAutonomy(parseTable(fixtureText('county_codes.csv').text, 'county_codes.csv'));
    const res = programmeFlags([u('441803'), u('445203'), u('110101')], file, autonomy);
    expect(res.byUnit.get('441803')!.flags).toEqual({ eco_zone: 1, resource_exhausted: 0, grain_county: 0, ethnic_area: 0, old_revolutionary: 0, border: 0, directly_managed: 0 });
    // 揭东区: a district of 揭阳 (resource_exhausted), autonomous in the 2012 rows (the 2011 row of 清新区 is ignored)
    expect(res.byUnit.get('445203')!.flags).toEqual({ eco_zone: 0, resource_exhausted: 1, grain_county: 0, ethnic_area: 1, old_revolutionary: 0, border: 0, directly_managed: 0 });
    expect(res.byUnit.get('110101')!.flags).toMatchObject({ border: 1, directly_managed: 1 });
    expect(res.byUnit.get('445203')!.reasons).toEqual(['resource_exhausted: district of 揭阳市', 'ethnic_area: autonomous county or banner']);
  });
  it('refuses listed units whose name or code does not fit the 2012 list', () => {
    const admin = parseAdminCodes(parseTable(fixtureText('admin_codes.tsv').text, 'admin_codes.tsv', '\t'));
    const bad = loadBudgetParams(fixtureText('budget.yaml').text.replace("'441803': 清新区", "'441803': 清新县"), 'budget.yaml');
    expect(() => checkSelections(bad, admin, 'budget.yaml', new Set(['441803']))).toThrow(InputError);
    try {
      checkSelections(bad, admin, 'budget.yaml', new Set(['441803']));
    } catch (e) {
      expect((e as InputError).problems).toEqual([{ file: 'budget.yaml', field: 'flags.eco_zone.select.units.441803', message: '441803 is 清新区 in the 2012 list, not 清新县' }]);
    }
  });
  it('refuses a county code table with a bad flag value', () => {
    const text = 'year,code,prefecture_code,autonomous_county_or_banner,in_autonomous_prefecture\n2012,441803,441800,yes,0\n';
    expect(() => parseAutonomy(parseTable(text, 'codes.csv'))).toThrow(/"yes" is not 0 or 1/);
  });
});

describe('grain counties by rural residents', () => {
  const rule: Selection = { rural_rank: { major_provinces: ['360000'], min_rural_pop: 200, top_in_major: 1, top_elsewhere: 2 } };
  // Jiangxi (major): 250 ≥ 200 counts; 150 is rank 2 of 3, beyond the top 1; 100 neither; the district never
  const jx = [u('360721', { ruralPop: 150 }), u('360722', { ruralPop: 250 }), u('360723', { ruralPop: 100 }), u('360702', { ruralPop: 900 })];
  // Guangdong (not major): the top 2 of 3 counties count, a tie goes to the lower code
  const gd = [u('441821', { ruralPop: 100 }), u('441823', { ruralPop: 100 }), u('441825', { ruralPop: 300 })];
  const everyone = [...jx, ...gd];
  it('counts major-province counties above the minimum or in the top n, and the top m elsewhere', () => {
    expect(everyone.filter((x) => selects(rule, x, everyone, none)).map((x) => x.code)).toEqual(['360722', '441821', '441825']);
    expect(selects(rule, jx[1]!, everyone, none)).toBe('250 rural residents ≥ 200 in a major grain province');
    expect(selects(rule, gd[0]!, everyone, none)).toBe('rank 2 of its province by rural residents (top 2 outside the major grain provinces)');
  });
  it('lets the top n of a major province in below the minimum', () => {
    const top2: Selection = { rural_rank: { major_provinces: ['360000'], min_rural_pop: 1000, top_in_major: 2, top_elsewhere: 0 } };
    expect(jx.filter((x) => selects(top2, x, everyone, none)).map((x) => x.code)).toEqual(['360721', '360722']);
  });
});

import { describe, expect, it } from 'vitest';
import { coreName, isDistrictCode, isProvinceAdministered, levelOf, looseNameMatch, normalizeName } from '../../src/import/adminCodes.ts';
import { laterCodes, parseCrosswalk, partialTransfers, resolveCode } from '../../src/import/crosswalk.ts';
import { parseTable } from '../../src/import/table.ts';
import { fixtureText } from './fixture.ts';

const cw = parseCrosswalk(parseTable(fixtureText('admin_code_changes.csv').text, 'admin_code_changes.csv'));
const list2012 = new Set(['110101', '441802', '441803', '445202', '445203']);

describe('parseCrosswalk', () => {
  it('reads successors with and without a year and drops verbatim repeats', () => {
    expect(cw.byCode.get('445221')).toHaveLength(1);
    expect(cw.byCode.get('445202')![0]!.successors).toEqual([{ code: '445203', year: 2012 }]);
    expect(cw.byCode.get('445221')![0]!.successors).toEqual([{ code: '445202' }, { code: '445203' }]);
  });

  it('rejects an unreadable successor with its line and column', () => {
    const text = '代码,名称,级别,状态,启用时间,变更/弃用时间,新代码\n110103,崇文区,县级,弃用,1981,2010,11010X\n';
    expect(() => parseCrosswalk(parseTable(text, 'h.csv'))).toThrow(/h\.csv:2:新代码: cannot read successor "11010X"/);
  });
});

describe('resolveCode', () => {
  const inList = (c: string): boolean => list2012.has(c);
  it('follows a re-coded unit', () => {
    const r = resolveCode(cw, '441827', '清新县', 2010, inList);
    expect('targets' in r && r.targets).toEqual(['441803']);
  });
  it('returns every successor of a split', () => {
    const r = resolveCode(cw, '445221', '揭东县', 2010, inList);
    expect('targets' in r && r.targets).toEqual(['445202', '445203']);
  });
  it('explains a code that is not in the history', () => {
    expect(resolveCode(cw, '441888', '新设县', 2010, inList)).toEqual({ error: 'code 441888 新设县 is not in the code history (admin_code_changes.csv)' });
  });
  it('lists later partial transfers', () => {
    expect(partialTransfers(cw, 2010, 2012).map((t) => `${t.from}>${t.to}@${t.year}`)).toEqual(['445202>445203@2012']);
  });
  it('finds later codes of a 2012 unit with the names along the way', () => {
    expect(laterCodes(cw, '441802', '清城区')).toEqual(
      new Map([
        ['441802', ['清城区']],
        ['441804', ['清城区', '清城新区']],
      ]),
    );
  });
});

describe('code structure and names', () => {
  it('classifies codes', () => {
    expect([levelOf('440000'), levelOf('441800'), levelOf('441803')]).toEqual(['province', 'prefecture', 'county']);
    expect([isProvinceAdministered('429004'), isProvinceAdministered('441803')]).toEqual([true, false]);
    expect([isDistrictCode('441803'), isDistrictCode('441821'), isDistrictCode('441881')]).toEqual([true, false, false]);
  });
  it('normalizes 巿 to 市 and matches names loosely', () => {
    expect(normalizeName('泊头巿')).toBe('泊头市');
    expect(coreName('清新县')).toBe('清新');
    expect(looseNameMatch('清新县', '清新区')).toBe(true);
    expect(looseNameMatch('积石山自治县', '积石山保安族东乡族撒拉族自治县')).toBe(true);
    expect(looseNameMatch('湄潭', '湄潭县')).toBe(true);
    expect(looseNameMatch('和县', '和平县')).toBe(false); // one-character cores must be equal
  });
});

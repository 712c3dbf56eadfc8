import { describe, expect, it } from 'vitest';
import { loadCountyFile } from '../../src/input/countyFile.ts';
import { InputError } from '../../src/input/inputError.ts';
import { applyOverrides, shareOut } from '../../src/input/overrideApply.ts';
import { csvGrid, parseOverrideGrid } from '../../src/input/overrideFile.ts';
import { DEFAULT_COUNTIES } from '../../src/simulation/countySet.ts';

const guangdong = loadCountyFile(DEFAULT_COUNTIES).counties;
const table = (text: string, file = 'own.csv') => parseOverrideGrid(csvGrid(text, file));
const problemsOf = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.message.split('\n').slice(1).map((l) => l.trim());
    throw e;
  }
  throw new Error('no error');
};

describe('override files', () => {
  it('a 4-column file replaces the values it gives for its county, and nothing else', () => {
    const t = table('代码,名称,2012年一般预算收入,rebate_two_tax_2012\n440232,乳源瑶族自治县,"210,000,000.50",是\n'.replace(',是', ',12345678'));
    const r = applyOverrides(guangdong, [t]);
    const i = guangdong.findIndex((c) => c.code === '440232');
    expect(r.counties[i]!.fiscal['own_revenue']![2012]).toBe(210_000_000.5);
    expect(r.counties[i]!.fiscal['rebate_two_tax']![2012]).toBe(12_345_678);
    // the other years and columns of the county are the bundled ones
    expect(r.counties[i]!.fiscal['own_revenue']![2013]).toBe(guangdong[i]!.fiscal['own_revenue']![2013]);
    expect(r.counties[i]!.drivers).toEqual(guangdong[i]!.drivers);
    // every other county is the very same object
    r.counties.forEach((c, k) => (k === i ? undefined : expect(c).toBe(guangdong[k])));
    expect(r.provenance).toEqual([{ file: 'own.csv', rows: 1, counties: 1, values: 2, columns: ['own_revenue_2012', 'rebate_two_tax_2012'] }]);
    expect(r.byCounty.get('440232')!.map((v) => [v.column, v.value, v.from])).toEqual([
      ['own_revenue_2012', 210_000_000.5, 'own.csv:2'],
      ['rebate_two_tax_2012', 12_345_678, 'own.csv:2'],
    ]);
  });

  it('flags take 是/否 and empty cells keep the bundled value', () => {
    const t = table('code,eco_zone,difficult,cost_index\n440232,是,,1.25\n440233,否,1,\n');
    const r = applyOverrides(guangdong, [t]);
    const a = r.counties.find((c) => c.code === '440232')!;
    const b = r.counties.find((c) => c.code === '440233')!;
    expect([a.flags?.['eco_zone'], a.difficult, a.costIndex]).toEqual([true, guangdong.find((c) => c.code === '440232')!.difficult, 1.25]);
    expect([b.flags?.['eco_zone'], b.difficult, b.costIndex]).toEqual([false, true, 1]);
  });

  it('a prefecture row shares an amount out over its counties by their bundled values, to the fen', () => {
    expect(shareOut(10n, [1n, 1n, 1n])).toEqual([4n, 3n, 3n]);
    expect(shareOut(7n, [0n, 2n, 1n])).toEqual([0n, 5n, 2n]);
    const members = guangdong.filter((c) => c.prefectureCode === '440200');
    const r = applyOverrides(guangdong, [table('code,own_revenue_2012\n440200,1000000000\n')]);
    const after = r.counties.filter((c) => c.prefectureCode === '440200');
    const fen = after.reduce((a, c) => a + Math.round(c.fiscal['own_revenue']![2012]! * 100), 0);
    expect(fen).toBe(100_000_000_000);
    // in proportion: each county within a fen of total × its share
    const bundled = members.reduce((a, c) => a + c.fiscal['own_revenue']![2012]!, 0);
    after.forEach((c, k) => expect(Math.abs(c.fiscal['own_revenue']![2012]! - (1e9 * members[k]!.fiscal['own_revenue']![2012]!) / bundled)).toBeLessThanOrEqual(0.01));
    // a flag on a province row is set in each of its counties
    const p = applyOverrides(guangdong, [table('code,grain_county\n440000,1\n')]);
    expect(p.counties.filter((c) => c.provinceCode === '440000').every((c) => c.flags?.['grain_county'] === true)).toBe(true);
  });

  it('transfer columns give the amount a county received: kept apart from the county data, by county, year and transfer, in fen', () => {
    const t = table('code,transfer_equalization_2012,2013年重点生态功能区转移支付,均衡性转移支付2013\n440232,1234.56,2000000,\n440233,,,7\n');
    expect(t.rows[0]!.values.map((v) => [v.key, v.transfer, v.year, v.value])).toEqual([
      ['transfer_equalization_2012', 'equalization', 2012, 1234.56],
      ['transfer_eco_zone_2013', 'eco_zone', 2013, 2_000_000],
    ]);
    const r = applyOverrides(guangdong, [t]);
    // the county data are not touched by a transfer column
    r.counties.forEach((c, k) => expect(c).toBe(guangdong[k]));
    expect([...r.given.get('440232')!]).toEqual([[2012, { equalization: 123_456 }], [2013, { eco_zone: 200_000_000 }]]);
    expect([...r.given.get('440233')!]).toEqual([[2013, { equalization: 700 }]]);
    expect(r.byCounty.get('440232')!.map((v) => [v.column, v.value, v.bundled])).toEqual([
      ['transfer_equalization_2012', 1234.56, undefined],
      ['transfer_eco_zone_2013', 2_000_000, undefined],
    ]);
    // refused: the same transfer twice, a negative amount, and a transfer total for a prefecture
    expect(problemsOf(() => table('code,transfer_equalization_2012,2012年均衡性转移支付\n440232,1,1\n'))).toEqual([expect.stringMatching(/^own\.csv:1:2012年均衡性转移支付: column "2012年均衡性转移支付" means the same as "transfer_equalization_2012"/)]);
    expect(problemsOf(() => table('code,transfer_guarantee_2012\n440232,-5\n'))).toEqual(['own.csv:2:transfer_guarantee_2012: -5 is negative']);
    expect(problemsOf(() => applyOverrides(guangdong, [table('code,transfer_eco_zone_2012\n440200,1000\n')]))).toEqual([expect.stringMatching(/^own\.csv:2:transfer_eco_zone_2012: transfer_eco_zone_2012 is a transfer a county received: give it on the rows of the counties, not for prefecture 440200/)]);
  });

  it('reports every problem at once, by file, row and column', () => {
    const problems = problemsOf(() => table('code,own_revenue_2012,province,foo,resident_pop\n44023,abc,x,1,-5\n'));
    expect(problems).toEqual([
      expect.stringMatching(/^own\.csv:1:province: column province cannot be overridden/),
      expect.stringMatching(/^own\.csv:1:foo: unknown column "foo"/),
    ]);
    const values = problemsOf(() => table('code,own_revenue_2012,resident_pop,eco_zone\n44023,abc,-5,maybe\n440232,1.234,3,1\n440232,1,1,1\n'));
    expect(values).toEqual([
      'own.csv:2:code: "44023" is not a six-digit code',
      'own.csv:2:own_revenue_2012: "abc" is not a number',
      'own.csv:2:resident_pop: -5 is negative; a count of people cannot be',
      'own.csv:2:eco_zone: "maybe" is not a flag (use 0/1, 是/否)',
      'own.csv:3:own_revenue_2012: 1.234 has more than two decimals (money is in yuan to the fen)',
      expect.stringMatching(/^own\.csv:4:code: duplicate code 440232 \(also at 3\)/),
    ]);
    const codes = problemsOf(() => applyOverrides(guangdong, [table('code,name,own_revenue_2012\n449999,,1\n440232,南山区,1\n')]));
    expect(codes).toEqual([
      expect.stringMatching(/^own\.csv:2:code: no county, prefecture or province with code 449999/),
      expect.stringMatching(/^own\.csv:3:code: code 440232 is 乳源瑶族自治县 in the county data, but the row names it "南山区"/),
    ]);
    const pops = problemsOf(() => applyOverrides(guangdong, [table('code,resident_pop\n440232,1000\n')]));
    expect(pops[0]).toMatch(/^own\.csv:2:code: after the override, county 440232 .* not resident_pop 1000/);
  });
});

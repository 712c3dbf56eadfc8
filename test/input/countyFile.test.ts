import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, parseCountyText, parseNumber, resolveHeader } from '../../src/input/countyFile.ts';
import { InputError } from '../../src/input/inputError.ts';
import { HEADER, sampleRow, toCsvText } from '../helpers/countyCsv.ts';

function problemsOf(text: string): string[] {
  try {
    parseCountyText(text, 'bad.csv');
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => `${p.line ?? ''}|${String(p.column ?? '')}|${p.message}`);
    throw e;
  }
  throw new Error('expected the file to be refused');
}

describe('reading what real spreadsheets produce', () => {
  it('reads a plain UTF-8 file', () => {
    const f = parseCountyText(toCsvText([sampleRow('440101'), sampleRow('510101')]), 'ok.csv');
    expect(f.counties).toHaveLength(2);
    expect(f.counties[1]).toMatchObject({ code: '510101', regionGroup: 'west', tier2018: 1, difficult: true, nutritionPilot: true });
    expect(f.counties[0]!.drivers['resident_pop']).toBe(500000);
    expect(f.counties[0]!.fiscal['own_revenue']![2012]).toBe(800_000_000);
    expect(f.fiscalYears).toEqual([2012]);
  });
  it('strips a BOM and decodes GBK', () => {
    const text = toCsvText([sampleRow('440101', { name: '荔湾区' })]);
    expect(decodeText(new TextEncoder().encode(`\uFEFF${text}`))).toEqual({ text, encoding: 'utf-8' });
    const gbk = decodeText(iconv.encode(text, 'gbk'));
    expect(gbk.encoding).toBe('gbk');
    expect(parseCountyText(gbk.text, 'gbk.csv').counties[0]!.name).toBe('荔湾区');
  });
  it('accepts Chinese headers, thousands separators, 是/否 and 东部/西部', () => {
    const header = HEADER.map((h) => ({ code: '代码', name: '名称', resident_pop: '常住人口', region_group: '地区', difficult: '困难地区', own_revenue_2012: '2012年一般预算收入' })[h] ?? h);
    const row = sampleRow('440101', { resident_pop: '"500,000"', region_group: '东部', difficult: '是' });
    const text = [header.join(','), HEADER.map((h) => String(row[h])).join(',')].join('\n');
    const c = parseCountyText(text, 'zh.csv').counties[0]!;
    expect(c.drivers['resident_pop']).toBe(500000);
    expect(c.regionGroup).toBe('east');
    expect(c.difficult).toBe(true);
    expect(c.fiscal['own_revenue']![2012]).toBe(800_000_000);
  });
  it('parses numbers the way spreadsheets write them, and refuses what is not a number', () => {
    expect(parseNumber('1,234,567.5')).toBe(1234567.5);
    expect(parseNumber('1 234')).toBe(1234);
    expect(parseNumber('12，345')).toBe(12345);
    expect(parseNumber('1.2e3')).toBe(1200);
    expect(parseNumber('12,34')).toBeUndefined();
    expect(parseNumber('abc')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });
  it('maps dated fiscal headers both ways round', () => {
    expect(resolveHeader('own_revenue_2011')).toMatchObject({ kind: 'fiscal', year: 2011 });
    expect(resolveHeader('2012年一般预算收入')).toMatchObject({ kind: 'fiscal', year: 2012 });
    expect(resolveHeader('一般预算收入2012')).toMatchObject({ kind: 'fiscal', year: 2012 });
    expect(resolveHeader('x_备注')).toMatchObject({ kind: 'note' });
    expect(resolveHeader('nonsense')).toBeUndefined();
  });
  it('skips blank lines but keeps row numbers true to the file', () => {
    const text = toCsvText([sampleRow('440101')]) + '\n,,,\n' + toCsvText([sampleRow('440102', { resident_pop: 'x' })]).split('\n')[1] + '\n';
    expect(problemsOf(text)).toEqual(['5|resident_pop|"x" is not a number']);
  });
});

describe('refusing what is wrong, precisely and all at once', () => {
  it('a missing column', () => {
    const header = HEADER.filter((h) => h !== 'rural_pop');
    expect(problemsOf(toCsvText([sampleRow('440101')], header))).toEqual([expect.stringMatching(/^1\|rural_pop\|required column rural_pop is missing/)]);
  });
  it('text in a number field', () => {
    expect(problemsOf(toCsvText([sampleRow('440101', { age_6_11: 'many' })]))).toEqual(['2|age_6_11|"many" is not a number']);
  });
  it('a negative population', () => {
    expect(problemsOf(toCsvText([sampleRow('440101', { age_65plus: -5 })]))).toEqual(['2|age_65plus|-5 is negative; a count of people cannot be']);
  });
  it('a duplicate code', () => {
    expect(problemsOf(toCsvText([sampleRow('440101'), sampleRow('440101')]))).toEqual(['3|code|duplicate code 440101 (also on row 2)']);
  });
  it('an unknown province', () => {
    expect(problemsOf(toCsvText([sampleRow('990101', { province_code: '990000' })]))).toEqual(['2|province_code|unknown province 990000']);
  });
  it('several problems in several rows are all reported', () => {
    const p = problemsOf(toCsvText([sampleRow('440101', { resident_pop: '' }), sampleRow('44010x'), sampleRow('440103', { region_group: 'north', difficult: 2 })]));
    expect(p).toEqual([
      '2|resident_pop|empty value in a required column',
      '3|code|"44010x" is not a six-digit code',
      '4|region_group|"north" is not one of east, central, west (or 东部/中部/西部)',
      '4|difficult|"2" is not a flag (use 0/1, 是/否)',
    ]);
  });
  it('an unknown column, a short row, urban + rural not equal to residents', () => {
    expect(problemsOf(toCsvText([sampleRow('440101')], [...HEADER, 'surprise']))).toEqual([expect.stringMatching(/^1\|surprise\|unknown column "surprise"/)]);
    const short = toCsvText([sampleRow('440101')]).replace(/,[^,\n]*\n$/, '\n');
    expect(problemsOf(short)[0]).toMatch(/^2\|\|row has \d+ cells, the header has \d+/);
    expect(problemsOf(toCsvText([sampleRow('440101', { urban_pop: 1 })]))).toEqual(['2|rural_pop|urban_pop 1 + rural_pop 300000 = 300001, not resident_pop 500000']);
  });
  it('money with fractions of a fen, an empty file', () => {
    expect(problemsOf(toCsvText([sampleRow('440101', { own_revenue_2012: '1.234' })]))).toEqual(['2|own_revenue_2012|1.234 has more than two decimals (money is in yuan to the fen)']);
    expect(problemsOf('')).toEqual(['1||the file is empty or has no header row']);
  });
});

describe('delimiters', () => {
  it('reads commas whatever the text holds, and tab-separated files', () => {
    const withSemicolon = toCsvText([sampleRow('440101', { name: '县;甲' })]);
    expect(parseCountyText(withSemicolon, 'semi.csv').counties[0]!.name).toBe('县;甲');
    const tsv = withSemicolon.replace(/,/g, '\t');
    expect(parseCountyText(tsv, 'tabs.tsv').counties[0]!.name).toBe('县;甲');
  });
});

describe('county budget columns (contract section B)', () => {
  const header = [...HEADER, 'eco_zone', 'border', 'fiscal_staff', 'rebate_two_tax_2012', 'rebate_two_tax_2015', 'remittance_2013', 'tax_base_2012'];
  const row = (code: string, over: Record<string, string | number> = {}): Record<string, string | number> =>
    sampleRow(code, { eco_zone: 1, border: 0, fiscal_staff: 12345, rebate_two_tax_2012: '1,000,000.50', rebate_two_tax_2015: 2000000, remittance_2013: 0, tax_base_2012: 9_000_000_000, ...over });
  it('loads flags into County.flags, fiscal_staff into the drivers and budget stems of any year into fiscal', () => {
    const f = parseCountyText(toCsvText([row('440101')], header), 'budget.csv');
    const c = f.counties[0]!;
    expect(c.flags).toEqual({ eco_zone: true, border: false });
    expect(c.drivers['fiscal_staff']).toBe(12345);
    expect(c.fiscal['rebate_two_tax']).toEqual({ 2012: 1000000.5, 2015: 2000000 });
    expect(c.fiscal['remittance']).toEqual({ 2013: 0 });
    expect(c.fiscal['tax_base']![2012]).toBe(9_000_000_000);
    // budget stems for 2013 and 2015 do not make those run years: own_revenue has only 2012
    expect(f.fiscalYears).toEqual([2012]);
  });
  it('accepts Chinese headers for the budget columns', () => {
    const zh = header.map((h) => ({ eco_zone: '重点生态功能区', border: '边境县', fiscal_staff: '财政供养人员', rebate_two_tax_2012: '2012年两税返还' })[h] ?? h);
    const r = row('440101');
    const text = [zh.join(','), header.map((h) => (String(r[h]).includes(',') ? `"${r[h]}"` : String(r[h]))).join(',')].join('\n');
    const c = parseCountyText(text, 'zh.csv').counties[0]!;
    expect(c.flags).toEqual({ eco_zone: true, border: false });
    expect(c.fiscal['rebate_two_tax']![2012]).toBe(1000000.5);
  });
  it('refuses empty or bad values in budget columns, naming row and column', () => {
    expect(problemsOf(toCsvText([row('440101', { eco_zone: '', rebate_two_tax_2015: '' }), row('440102', { remittance_2013: -5, border: 'maybe' })], header))).toEqual([
      '2|rebate_two_tax_2015|empty value',
      '2|eco_zone|empty value',
      '3|border|"maybe" is not a flag (use 0/1, 是/否)',
      '3|remittance_2013|-5 is negative',
    ]);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CENSUS_FACT_COLUMNS, FISCAL_STEMS, IDENTITY_COLUMNS, POPULATION_COLUMNS } from '../../src/input/countyColumns.ts';
import { parseCountyText } from '../../src/input/countyFile.ts';
import { fenToYuan, outputColumns } from '../../src/import/output.ts';
import { buildCountyData } from '../../src/import/pipeline.ts';
import { renderFiles } from '../../src/import/report.ts';
import { fixtureSources } from './fixture.ts';

describe('output columns', () => {
  it('are exactly the contract columns (without cost_index) with dated fiscal columns and provenance', () => {
    const names = outputColumns([2011, 2012]).map((c) => c.name);
    const expected = [
      ...IDENTITY_COLUMNS.map((c) => c.name),
      ...POPULATION_COLUMNS.map((c) => c.name),
      ...CENSUS_FACT_COLUMNS.map((c) => c.name),
      ...FISCAL_STEMS.flatMap((s) => [`${s.name}_2011`, `${s.name}_2012`]),
      'provenance',
    ];
    expect(names).toEqual(expected);
  });

  it('label every fiscal column an estimate', () => {
    for (const c of outputColumns([2012]).filter((x) => x.spec.kind === 'money')) {
      expect(c.origin).toBe('estimated by method');
      expect(c.method).toMatch(/^ESTIMATE/);
    }
  });

  it('formats fen as yuan with two decimals', () => {
    expect([fenToYuan(0), fenToYuan(5), fenToYuan(123456), fenToYuan(166_666_666_667)]).toEqual(['0.00', '0.05', '1234.56', '1666666666.67']);
    expect(() => fenToYuan(1.5)).toThrow();
  });
});

describe('the loader reads the import output', () => {
  it('fixture output parses with the county loader', () => {
    const csv = renderFiles(buildCountyData(fixtureSources()))['china_2012.csv'];
    const file = parseCountyText(csv, 'fixture.csv');
    expect(file.counties).toHaveLength(6);
    expect(file.fiscalYears).toEqual([2011, 2012]);
    const q = file.counties.find((c) => c.code === '441803')!;
    expect(q.drivers['resident_pop']).toBe(2000);
    expect(q.fiscal['general_expenditure']?.[2011]).toBe(1666666666.67);
  });

  const national = new URL('../../data/counties/china_2012.csv', import.meta.url);
  const guangdong = new URL('../../data/counties/guangdong_2012.csv', import.meta.url);
  it.runIf(existsSync(national) && existsSync(guangdong))('the committed data set loads and meets the acceptance checks', () => {
    const all = parseCountyText(readFileSync(national, 'utf8'), 'china_2012.csv').counties;
    const gd = parseCountyText(readFileSync(guangdong, 'utf8'), 'guangdong_2012.csv').counties;
    expect(new Set(all.map((c) => c.code)).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(2800);
    expect(gd.reduce((s, c) => s + c.drivers['resident_pop']!, 0)).toBe(104_320_459);
    expect(gd.every((c) => c.provinceCode === '440000')).toBe(true);
    expect(new Set(all.map((c) => c.provinceCode)).size).toBe(31);
  });

  it.runIf(existsSync(guangdong))('the committed Guangdong file ranks the delta districts above the mountain county seats in own revenue per resident', () => {
    const gd = parseCountyText(readFileSync(guangdong, 'utf8'), 'guangdong_2012.csv');
    expect(gd.fiscalYears).toEqual([2011, 2012, 2013, 2014, 2015]);
    const per = (name: string, year = 2012): number => {
      const c = gd.counties.find((x) => x.name === name)!;
      return c.fiscal['own_revenue']![year]! / c.drivers['resident_pop']!;
    };
    for (const year of [2011, 2012, 2013, 2014, 2015]) expect(per('宝安区', year)).toBeGreaterThan(per('梅江区', year));
    // the richest per resident are districts of Shenzhen (4403xx) and Guangzhou (4401xx)
    const top = [...gd.counties].sort((a, b) => b.fiscal['own_revenue']![2012]! / b.drivers['resident_pop']! - a.fiscal['own_revenue']![2012]! / a.drivers['resident_pop']!).slice(0, 6);
    expect(top.every((c) => c.code.startsWith('4403') || c.code.startsWith('4401'))).toBe(true);
  });
});

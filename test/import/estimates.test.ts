import { describe, expect, it } from 'vitest';
import { emptyFacts, type CensusFacts, type CountField } from '../../src/import/census.ts';
import { developmentIndex, fitElasticity, inMigrantShare, parseProvinceSpending } from '../../src/import/estimates.ts';
import { loadParams } from '../../src/import/pipeline.ts';
import { parseTable } from '../../src/import/table.ts';
import { fixtureText } from './fixture.ts';

/** Facts with the given counts and average years of schooling (amount = years × schooling base). */
function facts(counts: Partial<Record<CountField, number>>, schooling: number): CensusFacts {
  const f = emptyFacts();
  const c = { ...f.counts, ...counts };
  return { ...f, counts: c, amounts: { ...f.amounts, schoolingYears: schooling * c.resident_pop } };
}
const floor = { urbanShareFloor: 0.05 };

describe('developmentIndex', () => {
  it('is the cube root of urban share × (1 + in-migrant share) × years of schooling', () => {
    // all residents aged 6+ (no age bands), so the schooling base is the resident count
    const f = facts({ resident_pop: 1000, urban_pop: 800, in_migrants_other_county_same_province: 100, in_migrants_other_province: 150 }, 10);
    expect(inMigrantShare(f)).toBe(0.25);
    expect(developmentIndex(f, floor)).toBeCloseTo(Math.cbrt(0.8 * 1.25 * 10), 12); // ∛10
    // a fully rural unit keeps the floor
    expect(developmentIndex(facts({ resident_pop: 1000 }, 8), floor)).toBeCloseTo(Math.cbrt(0.05 * 1 * 8), 12);
  });

  it('does not penalise a migrant district: more in-migrants, lower schooling, still a higher index', () => {
    // 宝安-like: fully urban, 90% in-migrants, 10.3 years; 梅江-like: 93% urban, 24% in-migrants, 10.9 years
    const migrant = facts({ resident_pop: 1000, urban_pop: 1000, in_migrants_other_province: 900 }, 10.3);
    const seat = facts({ resident_pop: 1000, urban_pop: 930, in_migrants_other_county_same_province: 240 }, 10.9);
    expect(developmentIndex(migrant, floor)).toBeGreaterThan(developmentIndex(seat, floor));
    expect(developmentIndex(migrant, floor) ** 3).toBeCloseTo(19.57, 9); // 1 × 1.9 × 10.3
    expect(developmentIndex(seat, floor) ** 3).toBeCloseTo(12.56988, 9); // 0.93 × 1.24 × 10.9
  });
});

describe('fitElasticity', () => {
  it('recovers the slope of log revenue per resident on log d', () => {
    // schooling 64 and urban share d³ / 64 give d = 1, 2, 4 (no in-migrants); revenue per resident = 5 × d² exactly
    const point = (d: number, residents: number) => ({
      facts: facts({ resident_pop: residents, urban_pop: (residents * d ** 3) / 64 }, 64),
      revenue: 5 * d ** 2 * residents,
    });
    const fit = fitElasticity([point(1, 1000), point(2, 500), point(4, 2000)], { urbanShareFloor: 0 });
    expect(fit.elasticity).toBeCloseTo(2, 9);
    expect(fit.r2).toBeCloseTo(1, 9);
    expect(fit.provinces).toBe(3);
  });

  it('needs three provinces', () => {
    const p = { facts: facts({ resident_pop: 10, urban_pop: 5 }, 9), revenue: 100 };
    expect(() => fitElasticity([p, p], floor)).toThrow(/cannot estimate the revenue elasticity from 2 province/);
  });
});

describe('parseProvinceSpending', () => {
  const provinces = loadParams(fixtureText('provinces.yaml')).provinces;
  it('reads the long 2010–2015 table (year, province_code, item, value)', () => {
    const text = [
      'year,province_code,province_name,province_short,item_cn,item,source_variable,value,unit',
      '2013,110000,北京市,北京,合计,general_budget_expenditure_total,v6_cz_yszc_hj,4173.6568,亿元',
      '2013,110000,北京市,北京,教育,of_which_education,v6_cz_yszc_jy,681.1849,亿元',
      '2013,110000,北京市,北京,科学技术,of_which_science_technology,v6_cz_yszc_kxjs,234.6713,亿元',
      '2013,440000,广东省,广东,合计,general_budget_expenditure_total,v6_cz_yszc_hj,8411,亿元',
      '2013,440000,广东省,广东,教育,of_which_education,v6_cz_yszc_jy,1750.5,亿元',
    ].join('\n');
    const t = parseProvinceSpending(parseTable(text, 'long.csv'), provinces, [2013]);
    expect(t.get('110000')!.get(2013)).toEqual({ total: 41_736_568_000_000, education: 6_811_849_000_000 });
    expect(t.get('440000')!.get(2013)).toEqual({ total: 84_110_000_000_000, education: 17_505_000_000_000 });
  });

  it('names the missing item of the long table', () => {
    const text = ['year,province_code,item,value', '2013,110000,general_budget_expenditure_total,1', '2013,440000,general_budget_expenditure_total,1', '2013,440000,of_which_education,1'].join('\n');
    expect(() => parseProvinceSpending(parseTable(text, 'long.csv'), provinces, [2013])).toThrow(/no education expenditure for 北京 \(110000\) in 2013/);
  });
});

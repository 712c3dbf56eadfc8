import { describe, expect, it } from 'vitest';
import { estimateBudget, interpolate, provinceNonagri2012, provinceNonagriAt, type BudgetUnit } from '../../src/import/budgetColumns.ts';
import { loadBudgetParams } from '../../src/import/budgetParams.ts';
import { buildCountyData } from '../../src/import/pipeline.ts';
import { renderFiles } from '../../src/import/report.ts';
import { fixtureSources, fixtureText } from './fixture.ts';

// test/fixtures/census/budget.yaml: provinces 110000 (GDP 3亿, primary 1亿), 440000 (7, 1) and
// 450000 (2.5, 0.5); national non-agricultural VA 100 in 2012 and 110 in 2013; rebates 10 / 5 / 1亿
// with county-level shares 0.5 / 0.5 / 0.25; subsidy 1亿, remittance 2亿; staff 1000 (2004) → 2600
// (2020) × 0.5 × 0.5, exponent 1; rural non-farm weight 0.5.
const file = loadBudgetParams(fixtureText('budget.yaml').text, 'budget.yaml');
const YI = 10_000_000_000; // fen in 1亿元

const units: BudgetUnit[] = [
  { code: '110101', provinceCode: '110000', residents: 100, urban16to59: 60, rural16to59: 0, difficult: false },
  { code: '441802', provinceCode: '440000', residents: 200, urban16to59: 40, rural16to59: 40, difficult: true },
  { code: '441803', provinceCode: '440000', residents: 100, urban16to59: 0, rural16to59: 40, difficult: true },
];
const r = estimateBudget(units, file, 2012);
const col = (code: string, key: string): number => r.byUnit.get(code)![key]!;

describe('tax base', () => {
  it('is province GDP less primary industry, moved with the national figure', () => {
    expect(provinceNonagri2012(file).get('440000')).toBe(6 * YI);
    expect(provinceNonagriAt(6 * YI, file, 2013)).toBe(6.6 * YI); // × 110 / 100
  });
  it('spreads the province over its units ∝ urban 16–59 + 0.5 × rural 16–59', () => {
    // Beijing: one unit takes all 2亿; Guangdong 6亿 in 60 : 20 → 4.5亿 and 1.5亿
    expect(col('110101', 'tax_base_2012')).toBe(2 * YI);
    expect(col('441802', 'tax_base_2012')).toBe(4.5 * YI);
    expect(col('441803', 'tax_base_2012')).toBe(1.5 * YI);
    expect(col('441802', 'tax_base_2013')).toBe(4.95 * YI);
    expect(col('441803', 'tax_base_2013')).toBe(1.65 * YI);
  });
});

describe('tax rebates', () => {
  it('go to provinces ∝ non-agricultural VA over all provinces, then the county-level share, then units ∝ tax base', () => {
    // two-tax 10亿 in 2 : 6 : 2 → Beijing 2亿 × 0.5 = 1亿; Guangdong 6亿 × 0.5 = 3亿 in 4.5 : 1.5
    expect(col('110101', 'rebate_two_tax_2012')).toBe(1 * YI);
    expect(col('441802', 'rebate_two_tax_2012')).toBe(2.25 * YI);
    expect(col('441803', 'rebate_two_tax_2012')).toBe(0.75 * YI);
    // income tax 5亿 → Beijing 1亿 × 0.5; Guangdong 3亿 × 0.5 = 1.5亿 in 3 : 1
    expect(col('110101', 'rebate_income_tax_2012')).toBe(0.5 * YI);
    expect(col('441802', 'rebate_income_tax_2012')).toBe(1.125 * YI);
    expect(col('441803', 'rebate_income_tax_2012')).toBe(0.375 * YI);
    // oil 1亿 → Beijing 0.2亿 × 0.25 = 0.05亿; Guangdong 0.6亿 × 0.25 = 0.15亿 in 3 : 1
    expect(col('110101', 'rebate_oil_2012')).toBe(0.05 * YI);
    expect(col('441802', 'rebate_oil_2012')).toBe(0.1125 * YI);
    expect(col('441803', 'rebate_oil_2012')).toBe(0.0375 * YI);
    // the national amount is held for 2013 (dated value from 2012)
    expect(col('441802', 'rebate_two_tax_2013')).toBe(2.25 * YI);
    expect(r.nationalRebates.get('two_tax_2013')).toBe(10 * YI);
    // Guangxi (450000) has no unit here: its 2亿 share is not given to anyone else, but is reported for the province
    expect(r.totals.get('rebate_two_tax_2012')).toBe(4 * YI);
    expect(r.provinceRebates.get('450000')!.get('two_tax_2012')).toBe(2 * YI);
    expect(r.provinceRebates.get('440000')!.get('oil_2012')).toBe(0.6 * YI);
  });
});

describe('system subsidy and remittance', () => {
  it('subsidy: difficult units ∝ residents, split to the fen by largest remainder', () => {
    // 1亿 = 10,000,000,000 fen in 200 : 100 → 6,666,666,666.67 and 3,333,333,333.33; the spare fen goes to the larger fraction
    expect(col('110101', 'system_subsidy_2012')).toBe(0);
    expect(col('441802', 'system_subsidy_2012')).toBe(6_666_666_667);
    expect(col('441803', 'system_subsidy_2012')).toBe(3_333_333_333);
  });
  it('remittance: ∝ tax base² ÷ residents', () => {
    // weights (亿²/person) 2²/100 = 0.04, 4.5²/200 = 0.10125, 1.5²/100 = 0.0225, i.e. 320 : 810 : 180 of 1310;
    // 2亿 → 4,885,496,183.21, 12,366,412,213.74, 2,748,091,603.05; the spare fen goes to the second
    expect(col('110101', 'remittance_2012')).toBe(4_885_496_183);
    expect(col('441802', 'remittance_2012')).toBe(12_366_412_214);
    expect(col('441803', 'remittance_2012')).toBe(2_748_091_603);
    expect(r.totals.get('remittance_2012')).toBe(2 * YI);
  });
});

describe('fiscal staff', () => {
  it('interpolates the national figure, applies the shares, and splits provinces ∝ residents, units ∝ residents^β', () => {
    expect(interpolate([{ from: 2004, value: 1000 }, { from: 2020, value: 2600 }], 2012)).toBe(1800);
    expect(interpolate([{ from: 2004, value: 1000 }, { from: 2020, value: 2600 }], 2025)).toBe(2600);
    // 1800 × 0.5 × 0.5 = 450; provinces 100 : 300 → 112.5 / 337.5 → 113 / 337 (tie: first province);
    // Guangdong 337 in 200 : 100 → 224.67 / 112.33 → 225 / 112
    expect(r.fiscalStaffTotal).toBe(450);
    expect(r.fiscalStaff.get('110101')).toBe(113);
    expect(r.fiscalStaff.get('441802')).toBe(225);
    expect(r.fiscalStaff.get('441803')).toBe(112);
  });
});

describe('budget.yaml', () => {
  it('refuses a year a parameter does not cover, naming it', () => {
    const early = loadBudgetParams(fixtureText('budget.yaml').text.replace('years: [2012, 2013]', 'years: [2011, 2012]'), 'budget.yaml');
    expect(() => estimateBudget(units, early, 2012)).toThrow(/rural_nonfarm_weight has no value for 2011/);
  });
  it('refuses a province without value added', () => {
    expect(() => estimateBudget([{ ...units[0]!, provinceCode: '120000' }], file, 2012)).toThrow(/no entry for province 120000/);
  });
});

describe('the fixture build end to end', () => {
  it('spends every province total exactly over its units and writes the columns', () => {
    const built = buildCountyData(fixtureSources());
    const sum = (province: string, key: string): number => built.units.filter((x) => x.provinceCode === province).reduce((s, x) => s + x.fiscal[key]!, 0);
    // Beijing 2亿 of value added, Guangdong 6亿 (× 1.1 in 2013); two-tax 10亿 → 1亿 and 3亿 at county level
    expect(sum('110000', 'tax_base_2012')).toBe(2 * YI);
    expect(sum('440000', 'tax_base_2013')).toBe(6.6 * YI);
    expect(sum('110000', 'rebate_two_tax_2012')).toBe(1 * YI);
    expect(sum('440000', 'rebate_two_tax_2012')).toBe(3 * YI);
    expect(sum('440000', 'rebate_oil_2013')).toBe(0.15 * YI);
    // the whole subsidy and remittance are spent over the units built
    expect(sum('110000', 'remittance_2012') + sum('440000', 'remittance_2012')).toBe(2 * YI);
    expect(built.units.reduce((s, x) => s + x.fiscalStaff, 0)).toBe(450);
    const files = renderFiles(built);
    const header = files['china_2012.csv'].split('\n')[0]!.split(',');
    expect(header).toEqual(expect.arrayContaining(['eco_zone', 'border', 'fiscal_staff', 'rebate_two_tax_2013', 'tax_base_2012', 'remittance_2013']));
    expect(files['columns.csv']).toContain('rebate_oil_2012,estimated by method,yuan/year,no,');
    expect(files['import_report.md']).toContain('## County budget columns (contract section B)');
  });
});

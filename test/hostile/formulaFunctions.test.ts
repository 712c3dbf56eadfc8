/**
 * Formula functions: two-argument log and round are honoured (with hand-computed values), the
 * number of arguments is checked, and a formula failing at run time (domain error, division by
 * zero, a non-finite result) names the scenario file, line and column, as a load-time error does.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFormula, FormulaError } from '../../src/scenarios/formula.ts';
import type { County } from '../../src/model/county.ts';
import { cli, countyCsv, expectRefused, tempDir, write } from './helpers.ts';

const county: County = {
  code: '440101', name: '甲', provinceCode: '440000', province: '广东省', prefectureCode: '440100', prefecture: '广州市', regionGroup: 'east', tier2018: 4,
  directlyManaged: false, difficult: false, nutritionPilot: false, costIndex: 1,
  drivers: { resident_pop: 1000, rural_pop: 0, urban_pop: 1000 }, fiscal: { own_revenue: { 2012: 5000 } },
};
const value = (f: string): number => compileFormula(f).evaluate({ county, year: 2012 });
const fails = (f: string): string => {
  try {
    value(f);
  } catch (e) {
    if (e instanceof FormulaError) return e.message;
    throw e;
  }
  throw new Error(`expected ${f} to fail`);
};

describe('formula functions', () => {
  it('log(x, base) is the logarithm to that base; log(x) the natural logarithm', () => {
    expect(value('= log(1000, 10)')).toBe(3);
    expect(value('= log(resident_pop, 10)')).toBe(3);
    expect(value('= log(8, 2)')).toBe(3);
    expect(value('= log(81, 3)')).toBeCloseTo(4, 14);
    expect(value('= log(exp(2))')).toBe(2);
  });
  it('round(x, n) rounds to n decimals, half away from zero, in decimal arithmetic', () => {
    expect(value('= round(2.345, 2)')).toBe(2.35);
    expect(value('= round(1.005, 2)')).toBe(1.01);
    expect(value('= round(-2.5)')).toBe(-3);
    expect(value('= round(2.5)')).toBe(3);
    expect(value('= round(own_revenue / 3, 1)')).toBe(1666.7);
    expect(value('= round(123.456, 0)')).toBe(123);
  });
  it('the number of arguments is checked when the formula is read', () => {
    expect(() => compileFormula('= sqrt(4, 2)')).toThrow(/function sqrt takes 1 argument, not 2/);
    expect(() => compileFormula('= log(1, 2, 3)')).toThrow(/function log takes 1 or 2 arguments, not 3/);
    expect(() => compileFormula('= round()')).toThrow(/function round takes 1 or 2 arguments, not 0/);
    expect(() => compileFormula('= max()')).toThrow(/function max takes at least 1 argument/);
    expect(() => compileFormula('= toString(1)')).toThrow(/function toString is not allowed/);
    expect(() => compileFormula('= constructor(1)')).toThrow(/function constructor is not allowed/);
  });
  it('domain errors and division by zero are errors, not NaN or Infinity', () => {
    expect(fails('= sqrt(-4)')).toMatch(/sqrt\(-4\) has no real value/);
    expect(fails('= log(0)')).toMatch(/log\(0\) has no value/);
    expect(fails('= log(10, 1)')).toMatch(/the base must be above 0 and not 1/);
    expect(fails('= resident_pop / rural_pop')).toMatch(/division by zero \(1000 \/ 0\)/);
    expect(fails('= round(1.5, 2.5)')).toMatch(/n must be a whole number of decimals from 0 to 10/);
    expect(fails('= exp(1000)')).toMatch(/exp\(…\) gives Infinity/);
    expect(fails('= (-8) ^ 0.5')).toMatch(/has no real value/);
    // a condition cannot hide a domain error: NaN never reaches a comparison
    expect(fails('= sqrt(-1) > 0 ? 1 : 2')).toMatch(/sqrt\(-1\)/);
  });

  it('a formula failing at run time names the scenario file, line and column, the county and the year; nothing is written', async () => {
    const dir = tempDir('formula');
    const counties = write(dir, 'c.csv', countyCsv({ rural_pop: 0, urban_pop: 500000 }));
    const file = write(dir, 'divide.yaml', 'title: divide by zero\nchanges:\n  - path: standards.si.rural_pension_basic.standard\n    values:\n      2012: "= 100 * resident_pop / rural_pop"\n');
    const out = join(dir, 'out');
    const r = await cli('run', '--counties', counties, '--reference', 'none', '--scenario', file, '--year', '2012', '--out', out, '--quiet');
    expectRefused(r, out, new RegExp(`${file}:5:13: standards.si.rural_pension_basic.standard 2012: formula "100 \\* resident_pop / rural_pop" for county 440101 \\S+ in 2012: division by zero \\(50000000 / 0\\)`));
  });
});

/**
 * Overflow and precision: values too large for exact money, too-fine shares, far years and huge
 * populations are refused at load time with file, line, path, the value, why, and the largest
 * accepted value; an amount that still overflows when computed names the county, item and year.
 * Never a stack trace; nothing written.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MoneyOverflowError, productToFen, splitByPpm } from '../../src/model/money.ts';
import { cli, countyCsv, expectRefused, tempDir, write, type CliResult } from './helpers.ts';

let dir: string;
let counties: string;
let n = 0;
beforeAll(() => {
  dir = tempDir('overflow');
  counties = write(dir, 'counties.csv', countyCsv());
});

async function runScenario(yaml: string, ...extra: string[]): Promise<{ r: CliResult; out: string; file: string }> {
  const file = write(dir, `s${++n}.yaml`, yaml);
  const out = join(dir, `out${n}`);
  const r = await cli('run', '--counties', counties, '--reference', 'none', '--scenario', file, '--out', out, '--quiet', '--year', '2012', ...extra);
  return { r, out, file };
}

const change = (path: string, value: string): string => `title: overflow case\nchanges:\n  - path: ${path}\n    values: { 2012: ${value} }\n`;

describe('overflow: refused at load time with file, line, path, value and the largest accepted', () => {
  it('a standard of 1e15', async () => {
    const { r, out, file } = await runScenario(change('standards.si.rural_pension_basic.standard', '1e15'));
    expectRefused(r, out, new RegExp(`${file}:4:\\d+: standards.si.rural_pension_basic.standard 2012: a standard 1000000000000000 is too large: the largest accepted is 1,000,000 yuan per beneficiary and period`));
  });
  it('a pool of 1e17', async () => {
    const { r, out } = await runScenario(change('transfers.equalization_pool', '1e17'));
    expectRefused(r, out, /:4:\d+: transfers.equalization_pool 2012: an amount 100000000000000000 is too large: the largest accepted is 10,000,000,000,000 yuan/);
  });
  it('a central amount of 1e12 per beneficiary', async () => {
    const { r, out } = await runScenario(change('rules.ss_orphans.central_amount', '1e12'));
    expectRefused(r, out, /rules.ss_orphans.central_amount 2012: amount 1000000000000 is too large: the largest accepted is 1,000,000 yuan per beneficiary/);
  });
  it('Infinity (.inf) as a standard', async () => {
    const { r, out } = await runScenario(change('standards.si.rural_pension_basic.standard', '.inf'));
    expectRefused(r, out, /standards.si.rural_pension_basic.standard 2012: a standard must be a finite number, not Infinity/);
  });
  it('a coverage share with 10 decimals; a cost share with 7, plain and grouped', async () => {
    // coverage and eligibility multiply beneficiaries: the billionth is the finest step (the catalog holds 0.0000713)
    const plain = await runScenario(change('standards.edu.running_costs_rural_primary.coverage', '0.3333333333'));
    expectRefused(plain.r, plain.out, /:4:\d+: standards.edu.running_costs_rural_primary.coverage 2012: share 0.3333333333 has more than 9 decimals: a coverage or eligibility share is accepted to the billionth/);
    // cost shares split money and are held in parts per million
    const split = await runScenario(change('rules.health_bph.central_share', '0.3333333'));
    expectRefused(split.r, split.out, /rules.health_bph.central_share 2012: share 0.3333333 has more than 6 decimals: shares are held in parts per million/);
    const grouped = await runScenario(change('rules.health_bph.central_share', '{ by: tier_2018, 1: 0.8, 2: 0.6, 3: 0.5, 4: 0.3333333, 5: 0.1 }'));
    expectRefused(grouped.r, grouped.out, /rules.health_bph.central_share 2012: share 0.3333333 has more than 6 decimals/);
  });
  it('years far ahead: 2090 in a scenario and on the command line', async () => {
    const { r, out } = await runScenario('title: far ahead\nyears: { from: 2012, to: 2090 }\n');
    expectRefused(r, out, /:2:\d+: years.to: the latest year accepted is 2040/);
    const r2 = await cli('run', '--counties', counties, '--reference', 'none', '--year', '2090', '--out', join(dir, 'far'), '--quiet');
    expect(r2.code).not.toBe(0);
    expect(r2.err).toMatch(/2090 is too far ahead: the latest year accepted is 2040/);
    expect(r2.err).not.toMatch(/\n\s+at /);
  });
  it('a population of 1e15 in a county file', async () => {
    const file = write(dir, 'pop.csv', countyCsv({ resident_pop: '1e15', urban_pop: '5e14', rural_pop: '5e14' }));
    const out = join(dir, 'out-pop');
    const r = await cli('run', '--counties', file, '--reference', 'none', '--out', out, '--quiet');
    expectRefused(r, out, /pop\.csv:2:resident_pop: 1e15 is too large: the largest count accepted is 100,000,000/);
  });
  it('own revenue beyond the largest amount in a county file', async () => {
    const file = write(dir, 'rev.csv', countyCsv({ own_revenue_2012: '1e20' }));
    const out = join(dir, 'out-rev');
    expectRefused(await cli('run', '--counties', file, '--reference', 'none', '--out', out, '--quiet'), out, /rev\.csv:2:own_revenue_2012: 1e20 yuan is too large: the largest amount accepted is 10,000,000,000,000 yuan/);
  });
});

describe('overflow: policy data folders (--data) are bounded too', () => {
  it('a central pool of 1e17 in data/transfers/general.yaml is refused with file, line and limit', async () => {
    const data = join(dir, 'data');
    cpSync(new URL('../../data/', import.meta.url).pathname, data, { recursive: true });
    const general = join(data, 'transfers', 'general.yaml');
    writeFileSync(general, readFileSync(general, 'utf8').replace('2011: 641181000000', '2011: 100000000000000000'));
    const out = join(dir, 'out-data');
    const r = await cli('run', '--data', data, '--counties', counties, '--reference', 'none', '--out', out, '--quiet');
    expectRefused(r, out, /general\.yaml:\d+:\d+: equalization_pool\.values\.2011: 100000000000000000: too large: the largest amount accepted is 10,000,000,000,000 yuan/);
  });
});

describe('overflow: computed amounts', () => {
  it('a formula giving 1e27 names the scenario file, line and column, the county and the year', async () => {
    const { r, out, file } = await runScenario(change('standards.si.rural_pension_basic.standard', '"= resident_pop ^ 4"'));
    expectRefused(r, out, new RegExp(`${file}:4:\\d+: standards.si.rural_pension_basic.standard 2012: formula "resident_pop \\^ 4" for county 440101 \\S+ in 2012: gives [\\d.e+]+ yuan; the largest standard accepted is 1,000,000 yuan`));
  });
  it('an amount within every input limit that still passes 2^53 fen names the county, item and year', async () => {
    const file = write(dir, 'big.csv', countyCsv({ resident_pop: 100_000_000, urban_pop: 50_000_000, rural_pop: 50_000_000, age_60plus: 100_000_000, rural_age_60plus: 100_000_000, cost_index: 10 }));
    const scenario = write(dir, 'max.yaml', change('standards.si.rural_pension_basic.standard', '1000000'));
    const out = join(dir, 'out-max');
    const r = await cli('run', '--counties', file, '--reference', 'none', '--scenario', scenario, '--year', '2012', '--out', out, '--quiet');
    expectRefused(r, out, /an amount is too large to compute exactly.*\n.*\(county 440101 县440101, item si\.rural_pension_basic, year 2012\): .* is not an exact number of fen; the largest amount money can hold exactly is 9007199254740991 fen/);
  });
  it('the money helpers throw a typed error that can carry where', () => {
    expect(() => productToFen([1e16, 100])).toThrow(MoneyOverflowError);
    expect(() => productToFen([Infinity])).toThrow(MoneyOverflowError);
    expect(() => splitByPpm(2 ** 53, [1_000_000])).toThrow(MoneyOverflowError);
    const e = new MoneyOverflowError('cost', 1e20).at({ county: '440101', item: 'x.y' }).at({ year: 2013 });
    expect(e.message).toBe('cost (county 440101, item x.y, year 2013): 100000000000000000000 is not an exact number of fen; the largest amount money can hold exactly is 9007199254740991 fen (about 90 trillion yuan)');
  });
});

describe('overflow: harmless variants give exactly the original result', () => {
  it('a share with six decimals and the largest year are accepted', async () => {
    const ok = await runScenario(change('standards.edu.running_costs_rural_primary.coverage', '0.333333'));
    expect(ok.r.code).toBe(0);
    const far = await runScenario('title: to 2040\nyears: { from: 2039, to: 2040 }\n', '--year', '2040');
    expect(far.r.err).not.toMatch(/unexpected/);
    expect(far.r.code).toBe(0);
  });
});

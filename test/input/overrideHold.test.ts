/**
 * Issue 11's acceptance line: "A 4-column override file changes that county's gap, and only that."
 * On the bundled data (Guangdong reported, the whole country computed), through the CLI.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, readCsv } from '../helpers/cliInProcess.ts';

const dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-hold-'));
const COUNTY = '440232'; // 乳源瑶族自治县
// code + own revenue, the two-tax rebate and the ecological transfer received, 2012
const OWN_CSV = `代码,2012年一般预算收入,2012年两税返还,transfer_eco_zone_2012\n${COUNTY},"300,000,000",20000000,50000000\n`;

const fen = (yuan: string): number => Math.round(Number(yuan) * 100);
const lines = (out: string): string[] => readFileSync(join(out, 'counties.csv'), 'utf8').split('\n');
const rowOf = (out: string, code: string): Record<string, string> => readCsv(join(out, 'counties.csv')).find((r) => r['code'] === code)!;

async function run(name: string, ...args: string[]): Promise<{ out: string; err: string; summary: Record<string, unknown> }> {
  const out = join(dir, name);
  const r = await cli('run', '--out', out, '--items', 'none', '--quiet', ...args);
  expect(r.code, r.err).toBe(0);
  return { out, err: r.err, summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Record<string, unknown> };
}

/** Every line of counties.csv but the county's is byte-identical; the county's line differs. */
function onlyCountyDiffers(a: string[], b: string[], code: string): void {
  expect(b.length).toBe(a.length);
  const differing = a.flatMap((line, i) => (line === b[i] ? [] : [line.split(',')[0]]));
  expect(differing).toEqual([code]);
}

describe('a 4-column override file changes that county\'s gap, and only that', () => {
  let base: Awaited<ReturnType<typeof run>>;
  let held: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    base = await run('base');
    writeFileSync(join(dir, 'own.csv'), OWN_CSV);
    held = await run('held', '--override', join(dir, 'own.csv'));
  }, 180_000);

  it('the county\'s gap falls by exactly what its resources gained; every other row of counties.csv is byte-identical', () => {
    const before = rowOf(base.out, COUNTY);
    const after = rowOf(held.out, COUNTY);
    // bundled 2012: own revenue 207,636,098.63, two-tax rebate 12,919,880.57, no ecological transfer
    expect([before['own_revenue'], before['rebate_two_tax'], before['transfer_eco_zone']]).toEqual(['207636098.63', '12919880.57', '0.00']);
    // resources gain (300,000,000 − 207,636,098.63) + (20,000,000 − 12,919,880.57) + 50,000,000 = 149,444,020.80 yuan
    expect([after['own_revenue'], after['rebate_two_tax'], after['transfer_eco_zone']]).toEqual(['300000000.00', '20000000.00', '50000000.00']);
    expect(fen(after['resources']!) - fen(before['resources']!)).toBe(14_944_402_080);
    // the bundled gap moved with issue 10's fixes: 199,065,647.57 − 1,827,240.04 = 197,238,407.53 (the mechanism's money:
    // needs +1,176,138.22 = 2012 dictionaries 324,988.50 + maintenance at 3.36% 851,149.72; upper-level money received
    // +3,003,378.26 = running costs at the east's tier share 0.5 instead of 0.2, 2,076,367.50 + lodging waiver 176,447.40 +
    // dictionaries 324,988.50 + the province's and prefecture's half of the maintenance 425,574.86)
    expect(before['gap']).toBe('197238407.53');
    expect(after['gap']).toBe('47794386.73'); // 197,238,407.53 − 149,444,020.80
    // its other transfers are those of the bundled allocation
    for (const k of ['transfer_equalization', 'transfer_guarantee', 'transfer_ethnic_area', 'needs']) expect(after[k]).toBe(before[k]);
    onlyCountyDiffers(lines(base.out), lines(held.out), COUNTY);
    expect(readFileSync(join(held.out, 'provinces.csv'), 'utf8')).toBe(readFileSync(join(base.out, 'provinces.csv'), 'utf8'));
  });

  it('the run says the allocations were held, and by how much the ecological pool is now over its allocation', () => {
    expect(held.err).toContain('allocations held');
    expect(held.err).toContain('the gaps of 0 of the 2857 other counties changed');
    expect(held.err).toContain('key ecological function zone transfer put the counties\' total 50,000,000.00 yuan above its allocation');
    expect(held.summary['allocations']).toMatchObject({ mode: 'hold', by_year: [{ year: 2012, other_counties: 2857, other_gaps_changed: 0, pool_difference_yuan: { eco_zone: 50_000_000 } }] });
  });

  it('explain says so too, and lists the values with where they came from', async () => {
    const r = await cli('explain', COUNTY, '--override', join(dir, 'own.csv'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('allocations held');
    expect(r.out).toContain('the gaps of 0 of the 2857 other counties changed');
    expect(r.out).toMatch(/transfer_eco_zone_2012 = 50,000,000\.00 yuan: used for 2012 \(given by your file\) in place of the model's allocation of 0\.00 yuan .*own\.csv:2/);
  }, 120_000);

  it('the same figures from an xlsx sheet give the same counties.csv', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('县级数据');
    sheet.addRow(['代码', '2012年一般预算收入', '2012年两税返还', '2012年重点生态功能区转移支付']);
    sheet.addRow([COUNTY, 300_000_000, 20_000_000, 50_000_000]);
    await wb.xlsx.writeFile(join(dir, 'own.xlsx'));
    const x = await run('xlsx', '--override', join(dir, 'own.xlsx'));
    expect(lines(x.out)).toEqual(lines(held.out));
  }, 120_000);

  it('--reallocate re-shares the pools: the county gets less equalization, and most other counties\' gaps move', async () => {
    const r = await run('reallocate', '--override', join(dir, 'own.csv'), '--reallocate');
    const after = rowOf(r.out, COUNTY);
    expect(Number(after['transfer_equalization'])).toBeLessThan(Number(rowOf(base.out, COUNTY)['transfer_equalization']));
    const a = lines(base.out);
    const moved = lines(r.out).filter((line, i) => line !== a[i]).length;
    expect(moved).toBeGreaterThan(10);
    expect(r.err).toMatch(/re-sharing the pools changed the gaps of \d+ of the 2857 other counties/);
    const changed = (r.summary['allocations'] as { by_year: Array<{ other_gaps_changed: number }> }).by_year[0]!.other_gaps_changed;
    expect(changed).toBeGreaterThan(100);
    expect(r.err).toContain(`the gaps of ${changed} of the 2857`);
  }, 120_000);

  it('a scenario\'s counties: block is a policy experiment: its fiscal values re-share the pools, as --reallocate does', async () => {
    writeFileSync(join(dir, 'own_revenue.yaml'), `title: own revenue of one county\ncounties:\n  - where: { codes: [${COUNTY}] }\n    set:\n      own_revenue: { 2012: 3亿 }\n      rebate_two_tax: { 2012: 2000万 }\n`);
    writeFileSync(join(dir, 'own2.csv'), `code,own_revenue_2012,rebate_two_tax_2012\n${COUNTY},300000000,20000000\n`);
    const scenario = await run('scenario', '--scenario', join(dir, 'own_revenue.yaml'), '--year', '2012');
    const reallocated = await run('reallocated2', '--override', join(dir, 'own2.csv'), '--reallocate');
    expect(lines(scenario.out)).toEqual(lines(reallocated.out));
    expect(lines(scenario.out).filter((line, i) => line !== lines(base.out)[i]).length).toBeGreaterThan(10);
    // on top of the scenario, an override file of another county holds the scenario's allocations
    writeFileSync(join(dir, 'other.csv'), 'code,own_revenue_2012\n440233,123456789.12\n');
    const both = await run('scenario-held', '--scenario', join(dir, 'own_revenue.yaml'), '--year', '2012', '--override', join(dir, 'other.csv'));
    onlyCountyDiffers(lines(scenario.out), lines(both.out), '440233');
    expect(rowOf(both.out, '440233')['own_revenue']).toBe('123456789.12');
  }, 240_000);
});

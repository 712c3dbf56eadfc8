/**
 * Item rows on demand (runYear's items: 'on-demand', runSimulation's default): the sums pass
 * gives the county figures of the full run, the rows are filled only when read and are then the
 * full run's, one county's rows can be read without filling the table, and the exactness check
 * the sums pass makes stands in for reading every row.
 */
import { describe, expect, it } from 'vitest';
import { runYear } from '../../src/model/runYear.ts';
import fc from 'fast-check';
import { CountySums, floorByParts, ItemCells, share } from '../../src/model/itemCells.ts';
import { PPM, takeShare } from '../../src/model/money.ts';
import { ItemTable } from '../../src/model/results.ts';
import { BY_REGION, makeCounty, makeItem, makeParams } from '../helpers/fixtures.ts';
import { ownRevenueOnly } from '../../src/model/budget/countyFiscalYear.ts';
import { loadPolicyData } from '../../src/input/policyData.ts';
import { loadCountyFile } from '../../src/input/countyFile.ts';
import { DEFAULT_COUNTIES } from '../../src/input/bundledPaths.ts';
import { checkExactMoney, runSimulation } from '../../src/simulation/runSimulation.ts';

describe('one year with item rows on demand (hand-computed)', () => {
  // the county and items of runYear.test.ts: A 1,000 pupils × 600 yuan, ratio 8:2 (west 20% central);
  // B 2,000 aged 60+ × 0.9 × 660 yuan, local
  const county = makeCounty({ regionGroup: 'west', tier2018: 1, drivers: { rural_pupils_primary: 1000, age_60plus: 2000, fiscal_staff: 10 }, costIndex: 1 });
  const items = [
    makeItem({ id: 'a', driver: 'rural_pupils_primary', annualStandard: 600, rule: { id: 'ratio', kind: 'ratio', centralSharePpm: BY_REGION(0.8, 0.6, 0.2) } }),
    makeItem({ id: 'b', domain: 'social_insurance', driver: 'age_60plus', coverage: 0.9, annualStandard: 660, rule: { id: 'local', kind: 'local' } }),
  ];
  const params = makeParams(items);
  const fiscal = [ownRevenueOnly(50_000_000)];

  it('county sums without the rows; the rows when read', () => {
    const r = runYear([county], fiscal, params, undefined, undefined, undefined, { items: 'on-demand' });
    expect(r.items.isFilled).toBe(false);
    expect(r.items.exactMoney).toBe(true);
    expect(r.countyTable.columns.standardCostFen[0]).toBe(60_000_000 + 118_800_000);
    expect(r.countyTable.columns.specialFen[0]).toBe(54_000_000 + 59_400_000);
    // one county's rows, the table still not filled
    const rows = r.items.forCounty(0);
    expect(r.items.isFilled).toBe(false);
    expect(rows[0]).toMatchObject({ countyIndex: 0, itemIndex: 0, costFen: 60_000_000, centralFen: 48_000_000, provincialFen: 3_600_000, prefectureFen: 2_400_000, countyFen: 6_000_000, specialFen: 54_000_000 });
    expect(rows[1]).toMatchObject({ countyIndex: 0, itemIndex: 1, beneficiaries: 1800, costFen: 118_800_000, centralFen: 0, countyFen: 59_400_000 });
    expect(Array.from(r.items.columns.costFen)).toEqual([60_000_000, 118_800_000]);
    expect(r.items.isFilled).toBe(true);
    expect(r.items.at(1).provincialFen).toBe(35_640_000);
  });
  it('an item table given its columns holds them; one given neither is zero', () => {
    const columns = ItemTable.emptyColumns(2);
    columns.costFen[1] = 7;
    expect(new ItemTable(1, 2, { columns }).at(1).costFen).toBe(7);
    expect(new ItemTable(1, 2).at(1).costFen).toBe(0);
    expect(() => new ItemTable(1, 3, { columns })).toThrow(/has 2 rows, not 3/);
  });
  it('the exactness the sums pass found stands in for reading the rows; without it the check reads them and names the county and item', () => {
    const r = runYear([county], fiscal, params, undefined, undefined, undefined, { items: 'on-demand' });
    const columns = ItemTable.emptyColumns(2);
    columns.centralFen[1] = 0.5;
    expect(() => checkExactMoney({ ...r, items: new ItemTable(1, 2, { columns }) }, [county], params)).toThrow(/centralFen \(county 440101 测试县, item b\)/);
    expect(() => checkExactMoney({ ...r, items: new ItemTable(1, 2, { columns, exactMoney: false }) }, [county], params)).toThrow(/centralFen/);
    // the model's word that every cell is exact: the rows are not read (and a table on demand stays unfilled)
    expect(() => checkExactMoney({ ...r, items: new ItemTable(1, 2, { columns, exactMoney: true }) }, [county], params)).not.toThrow();
    checkExactMoney(r, [county], params);
    expect(r.items.isFilled).toBe(false);
  });
});

describe('item rows on demand against the full rows: Guangdong, 2011–2015, both bases', () => {
  const policy = loadPolicyData();
  const counties = loadCountyFile(DEFAULT_COUNTIES).counties;
  for (const basis of ['resident', 'registered'] as const) {
    it(`${basis}: the same county, province and transfer figures; the same rows, whole or county by county`, () => {
      const years = [2011, 2012, 2013, 2014, 2015];
      const full = runSimulation(policy, counties, { years, basis, items: 'full' });
      const lazy = runSimulation(policy, counties, { years, basis });
      full.forEach((f, y) => {
        const l = lazy[y]!;
        expect(f.result.items.isFilled).toBe(true);
        expect(l.result.items.isFilled).toBe(false);
        expect(l.result.items.exactMoney).toBe(true);
        expect(l.result.counties).toEqual(f.result.counties);
        expect(l.result.provinces).toEqual(f.result.provinces);
        expect(l.result.mechanisms).toEqual(f.result.mechanisms);
        for (const c of [0, 1, Math.floor(counties.length / 2), counties.length - 1]) expect(l.result.items.forCounty(c)).toEqual(f.result.items.forCounty(c));
        expect(l.result.items.isFilled).toBe(false);
        for (const [name, col] of Object.entries(f.result.items.columns)) expect(Array.from(l.result.items.columns[name as keyof typeof f.result.items.columns]), `${f.year} ${name}`).toEqual(Array.from(col));
      });
    });
  }
  it('the sums pass alone gives the sums of the full rows, county by county', () => {
    const [run] = runSimulation(policy, counties, { years: [2013], basis: 'resident', items: 'full' });
    const cells = new ItemCells(run!.counties, run!.params);
    const sums = new CountySums(counties.length);
    cells.run(0, counties.length, sums, undefined);
    const per = run!.params.items.length;
    const col = run!.result.items.columns;
    const sumOf = (xs: Float64Array, c: number): number => xs.subarray(c * per, (c + 1) * per).reduce((a, b) => a + b, 0);
    for (let c = 0; c < counties.length; c++) {
      expect([sums.cost[c], sums.central[c], sums.provincial[c], sums.prefecture[c], sums.county[c], sums.special[c], sums.retained[c]]).toEqual(
        [col.costFen, col.centralFen, col.provincialFen, col.prefectureFen, col.countyFen, col.specialFen, col.retainedFen].map((x) => sumOf(x, c)),
      );
    }
  });
});

describe('the item loop divides by PPM with a multiplication: the same integers', () => {
  const nearMultiples = fc.tuple(fc.integer({ min: -4_503_599_627, max: 4_503_599_627 }), fc.integer({ min: -2, max: 2 })).map(([k, d]) => k * PPM + d);
  const integers = fc.oneof(
    nearMultiples.filter((x) => Math.abs(x) < 2 ** 52),
    fc.integer({ min: 0, max: 1e12 - 1 }),
    fc.integer({ min: -(2 ** 52) + 1, max: 2 ** 52 - 1 }),
    fc.constantFrom(0, -0, 1, -1, PPM - 1, PPM, PPM + 1, 2 ** 52 - 1, -(2 ** 52) + 1, 999_999_999_999),
  );
  it('hand-computed', () => {
    expect(floorByParts(1_999_999)).toBe(1);
    expect(floorByParts(2_000_000)).toBe(2);
    expect(floorByParts(-1)).toBe(-1);
    expect(share(1_000_001, 500_000)).toBe(500_001); // 500,000.5 rounds half up
    expect(share(999_999, 1)).toBe(1);
  });
  it('property: floorByParts(x) is Math.floor(x / PPM) for integers below 2^52', () => {
    fc.assert(fc.property(integers, (x) => {
        expect(floorByParts(x)).toBe(Math.floor(x / PPM));
      }), { numRuns: 20_000 });
  });
  it("property: the loop's share is takeShare, money up to the largest exact amount", () => {
    const amounts = fc.oneof(integers.map(Math.abs), fc.integer({ min: 2 ** 52, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(Number.MAX_SAFE_INTEGER, 2 ** 52, 2 ** 52 - 1));
    fc.assert(fc.property(amounts, fc.oneof(fc.integer({ min: 0, max: PPM }), fc.constantFrom(0, 1, 500_000, PPM - 1, PPM)), (amount, ppm) => {
        expect(share(amount, ppm)).toBe(takeShare(amount, ppm));
      }), { numRuns: 20_000 });
  });
});

/**
 * Values given by formulas of the county (a scenario's coverage, eligibility and standards): the
 * item loop reads them from a table computed once per county, factor by factor in the same order
 * as beneficiaryFactors, with the exact (half-fen) cost taking the same factors.
 */
import { describe, expect, it } from 'vitest';
import { runYear } from '../../src/model/runYear.ts';
import { itemCost } from '../../src/model/cost/itemCost.ts';
import { makeCounty, makeItem, makeParams } from '../helpers/fixtures.ts';
import { ownRevenueOnly } from '../../src/model/budget/countyFiscalYear.ts';
import type { County } from '../../src/model/county.ts';

describe('items with formula values (hand-computed)', () => {
  // A: difficult, west, cost index 1; B: not difficult, east, cost index 1.2; C: a half-fen cost
  const a = makeCounty({ code: '000001', difficult: true, regionGroup: 'west', costIndex: 1, drivers: { age_60plus: 1000 } });
  const b = makeCounty({ code: '000002', difficult: false, regionGroup: 'east', costIndex: 1.2, drivers: { age_60plus: 1000 } });
  const c = makeCounty({ code: '000003', difficult: true, regionGroup: 'central', costIndex: 1, drivers: { age_60plus: 3 } });
  const coverage = (county: County): number => (county.costIndex === 1 ? 0.5 : 0.25);
  const standard = (county: County): number => (county.regionGroup === 'west' ? 100 : county.regionGroup === 'east' ? 200 : 0.025);
  const formulaItem = makeItem({
    id: 'f',
    driver: 'age_60plus',
    coverage,
    // a formula with a flag, then a number: 0.8 where difficult, else 0.4; then 0.5
    eligibility: [
      { id: 'e1', value: () => 0.8, when: 'difficult', otherwise: () => 0.4 },
      { id: 'e2', value: 0.5 },
    ],
    annualStandard: standard,
    rule: { id: 'local', kind: 'local' },
  });
  // a plain item after it, so that the formula slots sit among items without formulas
  const plain = makeItem({ id: 'p', driver: 'age_60plus', coverage: 1, annualStandard: 10, rule: { id: 'local', kind: 'local' } });
  const counties = [a, b, c];
  const params = makeParams([plain, formulaItem, plain]);
  const fiscal = counties.map(() => ownRevenueOnly(1_000_000));

  it('beneficiaries and costs from the formulas, factor by factor', () => {
    const r = runYear(counties, fiscal, params, undefined, undefined, undefined, { items: 'full' });
    // A: 1000 × 0.5 × 0.8 × 0.5 = 200 aged; × 100 yuan × 1 = 20,000 yuan
    expect(r.items.at(1)).toMatchObject({ beneficiaries: 200, costFen: 2_000_000 });
    // B: 1000 × 0.25 × 0.4 × 0.5 = 50; × 200 yuan × 1.2 = 12,000 yuan
    expect(r.items.at(4)).toMatchObject({ beneficiaries: 50, costFen: 1_200_000 });
    // C: 3 × 0.5 × 0.8 × 0.5 = 0.6; × 0.025 yuan = 0.015 yuan, exactly 1.5 fen (the exact cost): rounded up to 2 fen
    expect(r.items.at(7)).toMatchObject({ beneficiaries: 3 * 0.5 * 0.8 * 0.5, costFen: 2 });
    // the plain items around them: 1000 × 10 yuan (A, B × 1.2), 3 × 10 yuan (C)
    expect([r.items.at(0).costFen, r.items.at(2).costFen, r.items.at(3).costFen, r.items.at(6).costFen]).toEqual([1_000_000, 1_000_000, 1_200_000, 3_000]);
    // the county sums agree with the rows
    expect(Array.from(r.countyTable.columns.standardCostFen)).toEqual([2_000_000 + 2_000_000, 1_200_000 + 2_400_000, 2 + 6_000]);
  });

  it('the same figures as the one-cell reference (itemCost), on demand too', () => {
    const r = runYear(counties, fiscal, params, undefined, undefined, undefined, { items: 'on-demand' });
    counties.forEach((county, k) => {
      const rows = r.items.forCounty(k);
      params.items.forEach((item, i) => {
        const ref = itemCost(county, item, 'resident');
        expect([rows[i]!.beneficiaries, rows[i]!.costFen]).toEqual([ref.beneficiaries, ref.costFen]);
      });
    });
  });
});

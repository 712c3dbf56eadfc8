import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runYear } from '../../src/model/runYear.ts';
import { ownRevenueOnly, type CountyFiscalYear } from '../../src/model/budget/countyFiscalYear.ts';
import { bookedBeyondAllocationFen, heldAllocationsOf, type FixedAllocations } from '../../src/model/transfers/fixedAllocations.ts';
import { makeCounty, makeParams, withEqualization } from '../helpers/fixtures.ts';

// Three counties of 100,000 residents in one province. Needs: other mandated spending 20 yuan a
// resident = 2,000,000 yuan (200,000,000 fen) each. One pool, the ethnic-area transfer: 300,000 yuan
// (30,000,000 fen) over every county by its standard gap = standard expenditure (50 yuan a resident
// = 5,000,000 yuan) − standard revenue (10% of the tax base). No other transfer.
const counties = ['440101', '440102', '440103'].map((code) => makeCounty({ code }));
const params = makeParams([], {
  ...withEqualization({ functions: [{ id: 'residents', drivers: ['resident_pop'], unitStandard: 50 }], standardRevenueRatePpm: 100_000 }),
  pools: [{ id: 'ethnic_area', poolFen: 30_000_000, weight: { kind: 'standard_gap' }, countySharePpm: 1_000_000 }],
  otherMandatedPerResident: 20,
});
const fiscal = (ownYuan: number, taxBaseYuan: number): CountyFiscalYear => ({ ...ownRevenueOnly(ownYuan * 100), taxBaseFen: taxBaseYuan * 100 });
// bundled: tax bases 10, 20, 30 million yuan → standard gaps 4, 3, 2 million yuan; own revenue 1, 1.5, 2 million yuan
const bundled = [fiscal(1_000_000, 10_000_000), fiscal(1_500_000, 20_000_000), fiscal(2_000_000, 30_000_000)];
// county A's own figures: tax base 40 million yuan (standard gap 1 million), own revenue 1.2 million
const own = [fiscal(1_200_000, 40_000_000), bundled[1]!, bundled[2]!];

const transfers = (r: ReturnType<typeof runYear>) => r.counties.map((c) => c.generalByMechanismFen.ethnic_area);
const gaps = (r: ReturnType<typeof runYear>) => r.counties.map((c) => c.gapFen);

describe('allocations held at the bundled data, or re-shared (hand-computed)', () => {
  const base = runYear(counties, bundled, params);

  it('the bundled run: the pool by standard gap 4 : 3 : 2, to the fen', () => {
    // 30,000,000 × 4/9 = 13,333,333.3, × 3/9 = 10,000,000, × 2/9 = 6,666,666.7: the spare fen to the largest remainder
    expect(transfers(base)).toEqual([13_333_333, 10_000_000, 6_666_667]);
    // gap = 200,000,000 − own revenue − transfer
    expect(gaps(base)).toEqual([86_666_667, 40_000_000, -6_666_667]);
  });

  it("held (the default): the county's own revenue moves its own gap by exactly its change, and nobody else's", () => {
    const held = runYear(counties, own, params, undefined, undefined, { held: heldAllocationsOf(base) });
    expect(transfers(held)).toEqual([13_333_333, 10_000_000, 6_666_667]);
    expect(gaps(held)).toEqual([66_666_667, 40_000_000, -6_666_667]); // A: 86,666,667 − 20,000,000
    expect(held.counties[1]).toEqual(base.counties[1]);
    expect(held.counties[2]).toEqual(base.counties[2]);
    expect(held.mechanisms).toEqual(base.mechanisms);
    expect(held.provinces).toEqual(base.provinces);
    // A's standard revenue is its own: 4,000,000 yuan from its tax base + the held transfer
    expect(held.counties[0]!.standardRevenueFen).toBe(400_000_000 + 13_333_333);
  });

  it("re-shared (--reallocate): the pool follows A's smaller standard gap, 1 : 3 : 2, and every gap moves", () => {
    const again = runYear(counties, own, params);
    expect(transfers(again)).toEqual([5_000_000, 15_000_000, 10_000_000]);
    expect(gaps(again)).toEqual([75_000_000, 35_000_000, -10_000_000]);
  });

  it('a transfer amount the file gives replaces the modelled one, and the pool is over by the difference', () => {
    const fixed: FixedAllocations = { held: heldAllocationsOf(base), givenFen: new Map([[0, { ethnic_area: 20_000_000 }]]) };
    const r = runYear(counties, own, params, undefined, undefined, fixed);
    expect(transfers(r)).toEqual([20_000_000, 10_000_000, 6_666_667]);
    expect(gaps(r)).toEqual([60_000_000, 40_000_000, -6_666_667]);
    expect(bookedBeyondAllocationFen(r)).toEqual({ ethnic_area: 20_000_000 - 13_333_333 });
    expect(bookedBeyondAllocationFen(base)).toEqual({});
    // re-shared, the given amount replaces the formula's 5,000,000 for A; B and C keep theirs
    const again = runYear(counties, own, params, undefined, undefined, { givenFen: fixed.givenFen! });
    expect(transfers(again)).toEqual([20_000_000, 15_000_000, 10_000_000]);
    expect(bookedBeyondAllocationFen(again)).toEqual({ ethnic_area: 15_000_000 });
  });

  it("property: with allocations held, any figures of one county leave every other county's results as they were", () => {
    const arb = fc.record({
      taxBases: fc.array(fc.integer({ min: 0, max: 80_000_000 }), { minLength: 3, maxLength: 3 }),
      owns: fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 3, maxLength: 3 }),
      who: fc.integer({ min: 0, max: 2 }),
      newOwn: fc.integer({ min: 0, max: 5_000_000 }),
      newTaxBase: fc.integer({ min: 0, max: 80_000_000 }),
      newPop: fc.integer({ min: 1, max: 400_000 }),
      managed: fc.boolean(),
      staff: fc.integer({ min: 0, max: 200 }),
    });
    fc.assert(
      fc.property(arb, (x) => {
        const data = x.taxBases.map((t, i) => fiscal(x.owns[i]!, t));
        // 50 staff at 40,000 yuan: guarantee needs of 2 million yuan, so that the guarantee closes gaps
        const guarantee = { awardPoolFen: 50_000_000, salaryStandard: 40_000, runningStandard: 0, scopeDomains: [], closeRatePpm: 500_000 };
        const staffed = counties.map((c) => ({ ...c, drivers: { ...c.drivers, fiscal_staff: 50 } }));
        const p = { ...params, transfers: { ...params.transfers, guarantee, prefectureGeneralRetentionPpm: 100_000, equalization: { ...params.transfers.equalization, poolFen: 40_000_000 } } };
        const r0 = runYear(staffed, data, p);
        const changedCounties = staffed.map((c, i) => (i === x.who ? makeCounty({ code: c.code, directlyManaged: x.managed, drivers: { resident_pop: x.newPop, urban_pop: 0, rural_pop: x.newPop, fiscal_staff: x.staff } }) : c));
        const changedData = data.map((f, i) => (i === x.who ? fiscal(x.newOwn, x.newTaxBase) : f));
        const r1 = runYear(changedCounties, changedData, p, undefined, undefined, { held: heldAllocationsOf(r0) });
        counties.forEach((_, i) => (i === x.who ? undefined : expect(r1.counties[i]).toEqual(r0.counties[i])));
        // the changed county: its allocation is the held one, its account its own
        const mine = r1.counties[x.who]!;
        for (const m of ['ethnic_area', 'equalization', 'guarantee'] as const) expect(mine.generalByMechanismFen[m] + mine.generalRetainedByMechanism[m]).toBe(heldAllocationsOf(r0).allocatedFen[m][x.who]);
        expect(mine.gapFen).toBe(mine.needsFen - mine.resourcesFen);
        expect(mine.ownRevenueFen).toBe(x.newOwn * 100);
        expect(mine.guaranteeGapAfterFen).toBe(Math.max(0, mine.guaranteeGapFen - mine.guaranteeFen));
      }),
      { numRuns: 200 },
    );
  });
});

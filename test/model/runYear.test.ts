import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runYear } from '../../src/model/runYear.ts';
import { itemCost } from '../../src/model/cost/itemCost.ts';
import { BY_REGION, makeCounty, makeItem, makeParams, NATIONAL } from '../helpers/fixtures.ts';

describe('one year end to end (hand-computed)', () => {
  // One western county managed through its prefecture, two items:
  //  A: 1,000 rural primary pupils × coverage 1 × 600 yuan, ratio 8:2 → cost 600,000 yuan
  //  B: 2,000 aged 60+ × coverage 0.9 × 660 yuan (55/month), local → cost 1,188,000 yuan
  const county = makeCounty({ regionGroup: 'west', tier2018: 1, drivers: { rural_pupils_primary: 1000, age_60plus: 2000 }, costIndex: 1 });
  const items = [
    makeItem({ id: 'a', driver: 'rural_pupils_primary', annualStandard: 600, rule: { id: 'ratio', kind: 'ratio', centralSharePpm: BY_REGION(0.8, 0.6, 0.2) } }),
    makeItem({ id: 'b', driver: 'age_60plus', coverage: 0.9, annualStandard: 660, rule: { id: 'local', kind: 'local' } }),
  ];
  const params = makeParams(items, { centralPoolFen: 10_000_000, provincialPoolRatePpm: 0, guaranteeFillRatePpm: 500_000, guaranteeCentralSharePpm: 500_000 });
  const fiscal = [{ ownRevenueFen: 50_000_000, otherStdExpenditureFen: 40_000_000 }];
  const r = runYear([county], fiscal, params);

  it('costs and shares per item', () => {
    expect(r.items.at(0)).toMatchObject({ costFen: 60_000_000, centralFen: 48_000_000, provincialFen: 3_600_000, prefectureFen: 2_400_000, countyFen: 6_000_000, specialFen: 54_000_000 });
    expect(r.items.at(1)).toMatchObject({ beneficiaries: 1800, costFen: 118_800_000, centralFen: 0, provincialFen: 35_640_000, prefectureFen: 23_760_000, countyFen: 59_400_000, specialFen: 59_400_000 });
  });
  it('transfers and the gap', () => {
    const c = r.counties[0]!;
    expect(c.standardCostFen).toBe(178_800_000);
    expect(c.specialFen).toBe(113_400_000);
    expect(c.ownBurdenFen).toBe(65_400_000); // county shares 6,000,000 + 59,400,000
    // the only province and county takes the whole central pool: 100,000 yuan
    expect(c.equalizationFen).toBe(10_000_000);
    // guarantee gap = 65.4M + 40M − 50M − 10M = 45.4M fen; half filled = 22.7M
    expect(c.guaranteeGapFen).toBe(45_400_000);
    expect(c.guaranteeFen).toBe(22_700_000);
    expect(c.generalFen).toBe(32_700_000);
    expect(c.capacityFen).toBe(50_000_000 + 32_700_000 - 40_000_000);
    expect(c.gapFen).toBe(65_400_000 - 42_700_000);
  });
  it('county totals are the sums of their item rows', () => {
    const c = r.counties[0]!;
    expect(c.centralFen + c.provincialFen + c.prefectureFen + c.countyFen).toBe(c.standardCostFen);
    expect([...r.items].reduce((a, i) => a + i.costFen, 0)).toBe(c.standardCostFen);
  });
});

describe('registered-population basis', () => {
  it('moves drivers by registered ÷ resident', () => {
    const county = makeCounty({ drivers: { resident_pop: 1000, registered_pop: 800, age_60plus: 100 } });
    const item = makeItem({ driver: 'age_60plus', annualStandard: 100 });
    expect(itemCost(county, item, 'resident').costFen).toBe(1_000_000);
    expect(itemCost(county, item, 'registered').costFen).toBe(800_000);
  });
});

describe('invariants (property tests)', () => {
  const arbCounty = fc.record({
    pop: fc.integer({ min: 0, max: 3_000_000 }),
    pupils: fc.integer({ min: 0, max: 300_000 }),
    region: fc.constantFrom('east' as const, 'central' as const, 'west' as const),
    difficult: fc.boolean(),
    pilot: fc.boolean(),
    managed: fc.boolean(),
    index: fc.double({ min: 0.5, max: 2, noNaN: true }),
  });
  const mk = (x: { pop: number; pupils: number; region: 'east' | 'central' | 'west'; difficult: boolean; pilot: boolean; managed: boolean; index: number }) =>
    makeCounty({ regionGroup: x.region, difficult: x.difficult, nutritionPilot: x.pilot, directlyManaged: x.managed, costIndex: x.index, drivers: { resident_pop: x.pop, registered_pop: x.pop, pupils_primary: x.pupils } });
  const rules = [
    { id: 'ratio', kind: 'ratio' as const, centralSharePpm: BY_REGION(0.8, 0.6, 0.2) },
    { id: 'pilot', kind: 'pilot' as const, centralSharePpm: NATIONAL(0.5), pilotFlag: 'nutrition_pilot' as const },
    { id: 'fixed', kind: 'fixed_amount' as const, centralAmount: { by: 'national' as const, values: { all: 30 } } },
    { id: 'local', kind: 'local' as const },
  ];

  it('raising any standard never lowers any county cost', () => {
    fc.assert(
      fc.property(fc.array(arbCounty, { minLength: 1, maxLength: 8 }), fc.double({ min: 0, max: 5000, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), fc.nat(3), (cs, standard, raise, ruleIndex) => {
        const counties = cs.map(mk);
        const fiscal = counties.map(() => ({ ownRevenueFen: 0, otherStdExpenditureFen: 0 }));
        const item = makeItem({ driver: 'pupils_primary', annualStandard: standard, rule: rules[ruleIndex]! });
        const before = runYear(counties, fiscal, makeParams([item]));
        const after = runYear(counties, fiscal, makeParams([{ ...item, annualStandard: standard + raise }]));
        before.counties.forEach((c, i) => expect(after.counties[i]!.standardCostFen).toBeGreaterThanOrEqual(c.standardCostFen));
      }),
    );
  });

  it('a county with more residents never gets a smaller population-driven cost', () => {
    fc.assert(
      fc.property(arbCounty, fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (x, more, standard, coverage) => {
        const item = makeItem({ driver: 'resident_pop', coverage, annualStandard: standard });
        const small = itemCost(mk(x), item, 'resident').costFen;
        const large = itemCost(mk({ ...x, pop: x.pop + more }), item, 'resident').costFen;
        expect(large).toBeGreaterThanOrEqual(small);
      }),
    );
  });

  it('every item: shares sum to cost; every county: parts reconcile; transfers spend the pool', () => {
    fc.assert(
      fc.property(fc.array(arbCounty, { minLength: 1, maxLength: 10 }), fc.integer({ min: 0, max: 1e12 }), (cs, pool) => {
        const counties = cs.map((x, i) => ({ ...mk(x), code: String(440101 + i) }));
        const fiscal = counties.map((_, i) => ({ ownRevenueFen: i * 1_000_000, otherStdExpenditureFen: 5_000_000 }));
        const items = rules.map((rule, k) => makeItem({ id: `i${k}`, driver: k % 2 ? 'pupils_primary' : 'resident_pop', annualStandard: 10 + k * 7.5, rule }));
        const r = runYear(counties, fiscal, makeParams(items, { centralPoolFen: pool, provincialPoolRatePpm: 100_000, prefectureRetentionPpm: 200_000 }));
        for (const it of r.items) expect(it.centralFen + it.provincialFen + it.prefectureFen + it.countyFen).toBe(it.costFen);
        const topUps = r.provinces.reduce((a, p) => a + p.provincialTopUpFen, 0);
        expect(r.counties.reduce((a, c) => a + c.equalizationFen, 0)).toBe(pool + topUps);
        for (const c of r.counties) {
          expect(c.centralFen + c.provincialFen + c.prefectureFen + c.countyFen).toBe(c.standardCostFen);
          expect(c.specialFen + c.retainedFen + c.countyFen).toBe(c.standardCostFen);
          expect(c.ownBurdenFen - c.capacityFen).toBe(c.gapFen);
        }
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runYear } from '../../src/model/runYear.ts';
import { itemCost } from '../../src/model/cost/itemCost.ts';
import { BY_REGION, makeCounty, makeItem, makeParams, NATIONAL, withEqualization } from '../helpers/fixtures.ts';
import { ownRevenueOnly } from '../../src/model/budget/countyFiscalYear.ts';

describe('one year end to end (hand-computed)', () => {
  // One western county managed through its prefecture, two items:
  //  A: 1,000 rural primary pupils × coverage 1 × 600 yuan, ratio 8:2 → cost 600,000 yuan
  //  B: 2,000 aged 60+ × coverage 0.9 × 660 yuan (55/month), local → cost 1,188,000 yuan
  const county = makeCounty({ regionGroup: 'west', tier2018: 1, drivers: { rural_pupils_primary: 1000, age_60plus: 2000, fiscal_staff: 10 }, costIndex: 1 });
  const items = [
    makeItem({ id: 'a', driver: 'rural_pupils_primary', annualStandard: 600, rule: { id: 'ratio', kind: 'ratio', centralSharePpm: BY_REGION(0.8, 0.6, 0.2) } }),
    makeItem({ id: 'b', domain: 'social_insurance', driver: 'age_60plus', coverage: 0.9, annualStandard: 660, rule: { id: 'local', kind: 'local' } }),
  ];
  // the only county gets the whole equalization pool (100,000 yuan): its standard gap is far larger
  const params = makeParams(items, {
    ...withEqualization({ poolFen: 10_000_000, functions: [{ id: 'residents', drivers: ['resident_pop'], unitStandard: 50 }] }),
    guarantee: { awardPoolFen: 0, salaryStandard: 40_000, runningStandard: 10_000, scopeDomains: ['education'], closeRatePpm: 0 },
  });
  const fiscal = [{ ...ownRevenueOnly(50_000_000) }];
  const r = runYear([county], fiscal, params);

  it('costs and shares per item', () => {
    expect(r.items.at(0)).toMatchObject({ costFen: 60_000_000, centralFen: 48_000_000, provincialFen: 3_600_000, prefectureFen: 2_400_000, countyFen: 6_000_000, specialFen: 54_000_000 });
    expect(r.items.at(1)).toMatchObject({ beneficiaries: 1800, costFen: 118_800_000, centralFen: 0, provincialFen: 35_640_000, prefectureFen: 23_760_000, countyFen: 59_400_000, specialFen: 59_400_000 });
  });
  it('needs, resources and the gap', () => {
    const c = r.counties[0]!;
    expect(c.standardCostFen).toBe(178_800_000);
    expect(c.specialFen).toBe(113_400_000);
    expect(c.ownBurdenFen).toBe(65_400_000);
    expect(c.equalizationFen).toBe(10_000_000);
    // salaries 10 × 40,000 yuan, running 10 × 10,000 yuan
    expect(c.needsFen).toBe(178_800_000 + 40_000_000 + 10_000_000);
    expect(c.resourcesFen).toBe(50_000_000 + 10_000_000 + 113_400_000);
    expect(c.gapFen).toBe(228_800_000 - 173_400_000);
    // guarantee needs: staff costs + the county's share of education items only (6,000,000 fen); nothing closed at rate 0
    expect(c.guaranteeNeedsFen).toBe(50_000_000 + 6_000_000);
    expect(c.guaranteeGapFen).toBe(0);
    // plan gap: own burden 65.4M, gap 55.4M → 55.4M
    expect(c.planGapFen).toBe(55_400_000);
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
        const fiscal = counties.map(() => ownRevenueOnly(0));
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

  it('every item: shares sum to cost; every county: parts reconcile; the gap is needs less resources; pools are spent exactly', () => {
    fc.assert(
      fc.property(
        fc.array(arbCounty, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 1e10 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (cs, pool, award, closeRate, retention) => {
          const counties = cs.map((x, i) => ({ ...mk(x), code: String(440101 + i), provinceCode: i % 2 ? '440000' : '450000', drivers: { ...mk(x).drivers, fiscal_staff: Math.round(x.pop / 100) }, flags: { ethnic_area: i % 3 === 0 } }));
          const fiscal = counties.map((_, i) => ({ ...ownRevenueOnly(i * 1_000_000), taxBaseFen: i * 9_000_000, rebateTwoTaxFen: i * 10_000 }));
          const items = rules.map((rule, k) => makeItem({ id: `i${k}`, driver: k % 2 ? 'pupils_primary' : 'resident_pop', annualStandard: 10 + k * 7.5, rule }));
          const r = runYear(counties, fiscal, makeParams(items, {
            ...withEqualization({ poolFen: pool, functions: [{ id: 'r', drivers: ['resident_pop'], unitStandard: 30 }], standardRevenueRatePpm: 100_000, provincialCapacityPpm: 300_000, provincialTopUpRatePpm: 50_000, countyShareOfRevenuePpm: 500_000 }),
            pools: [{ id: 'ethnic_area', poolFen: pool, flag: 'ethnic_area', weight: { kind: 'standard_gap' }, countySharePpm: 700_000 }],
            guarantee: { awardPoolFen: award, salaryStandard: 40_000, runningStandard: 10_000, scopeDomains: ['education'], closeRatePpm: closeRate },
            prefectureRetentionPpm: retention,
            prefectureGeneralRetentionPpm: retention,
          }));
          for (const it of r.items) expect(it.centralFen + it.provincialFen + it.prefectureFen + it.countyFen).toBe(it.costFen);
          for (const m of r.mechanisms) expect(m.toCountiesFen + m.upperLevelFen + m.unspentFen).toBe(m.poolFen + m.provincialFen);
          expect(r.centralCoefficient <= 1 || Number.isNaN(r.centralCoefficient)).toBe(true);
          for (const p of r.provinces) expect(p.coefficient <= 1 || Number.isNaN(p.coefficient)).toBe(true);
          for (const c of r.counties) {
            expect(c.centralFen + c.provincialFen + c.prefectureFen + c.countyFen).toBe(c.standardCostFen);
            expect(c.specialFen + c.retainedFen + c.countyFen).toBe(c.standardCostFen);
            expect(c.gapFen).toBe(c.needsFen - c.resourcesFen);
            expect(c.guaranteeGapAfterFen).toBe(c.guaranteeGapFen - c.guaranteeFen);
            expect(c.equalizationFen + c.generalRetainedByMechanism.equalization).toBeLessThanOrEqual(Math.max(0, c.standardExpenditureFen - c.standardRevenueFen));
          }
        },
      ),
    );
  });

  it('the gap moves with the data, not with one fill rate: no transfer equals the gap by construction', () => {
    fc.assert(
      fc.property(fc.array(arbCounty, { minLength: 2, maxLength: 8 }), fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 1_000_000 }), (cs, extra, closeRate) => {
        const counties = cs.map((x, i) => ({ ...mk(x), code: String(440101 + i), drivers: { ...mk(x).drivers, resident_pop: x.pop + 1000, fiscal_staff: 10 + i } }));
        const items = [makeItem({ id: 'e', domain: 'education', driver: 'resident_pop', annualStandard: 40 })];
        const params = makeParams(items, { guarantee: { awardPoolFen: 0, salaryStandard: 40_000, runningStandard: 10_000, scopeDomains: ['education'], closeRatePpm: closeRate }, otherMandatedPerResident: 100 });
        const fiscal = counties.map((_, i) => ownRevenueOnly(i * 50_000_000));
        const base = runYear(counties, fiscal, params);
        // one county collects `extra` more: with no binding guarantee its gap falls by exactly that
        const k = counties.length - 1;
        const more = runYear(counties, fiscal.map((f, i) => (i === k ? { ...f, ownRevenueFen: f.ownRevenueFen + extra } : f)), params);
        const b = base.counties[k]!;
        const m = more.counties[k]!;
        expect(m.needsFen).toBe(b.needsFen);
        expect(m.gapFen).toBe(b.gapFen - extra + (m.guaranteeFen - b.guaranteeFen) * -1);
        // the gap is never the guarantee transfer (or any one transfer) for every county at once
        const allEqual = (f: (c: (typeof base.counties)[number]) => number): boolean => base.counties.every((c) => c.gapFen === f(c));
        expect(allEqual((c) => c.guaranteeFen) && base.counties.some((c) => c.gapFen !== 0)).toBe(false);
        expect(allEqual((c) => c.equalizationFen) && base.counties.some((c) => c.gapFen !== 0)).toBe(false);
      }),
    );
  });
});

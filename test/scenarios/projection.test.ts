/**
 * The run's projection (CountyProjection: lazily projected counties, drivers as typed columns)
 * against projectDrivers, the per-county object path it replaces: the same keys, order and
 * values, and columns holding exactly the projected values.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CountyProjection, fiscalValueFen, growthFactor, projectDrivers } from '../../src/scenarios/projection.ts';
import { productToFen } from '../../src/model/money.ts';
import { DriverColumns } from '../../src/model/driverColumns.ts';
import { makeCounty } from '../helpers/fixtures.ts';
import type { County } from '../../src/model/county.ts';
import type { Dated } from '../../src/input/datedValues.ts';

/** Values compared with Object.is (NaN equal to NaN, −0 apart from 0), keys in order. */
function sameDrivers(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>, what: string): void {
  expect(Object.keys(a), what).toEqual(Object.keys(b));
  for (const k of Object.keys(a)) expect(Object.is(a[k], b[k]), `${what} ${k}: ${a[k]} vs ${b[k]}`).toBe(true);
}

/** Every column, presence and zero-filled column of the projection equals what the projected objects hold. */
function agrees(counties: readonly County[], growth: Dated<number>, year: number): void {
  const { counties: lazy, drivers } = new CountyProjection(counties, growth).year(year);
  const expected = counties.map((c) => projectDrivers(c, year, growth));
  const reference = new DriverColumns(expected);
  const names = [...new Set([...counties.flatMap((c) => Object.keys(c.drivers)), 'not_a_driver'])];
  for (const name of names) {
    const col = drivers.column(name);
    const zero = drivers.orZero(name);
    expected.forEach((c, k) => {
      const v = c.drivers[name];
      expect(Object.is(col[k], v ?? Number.NaN), `${name} county ${k}: ${col[k]} vs ${v}`).toBe(true);
      expect(Object.is(zero[k], v ?? 0), `${name} county ${k} or zero: ${zero[k]} vs ${v}`).toBe(true);
      expect(drivers.has(name, k), `${name} county ${k} present`).toBe(v !== undefined);
      expect(reference.has(name, k)).toBe(v !== undefined);
    });
  }
  // the lazy counties: the same own keys in the same order, and the same drivers when read
  lazy.forEach((c, k) => {
    expect(Object.keys(c)).toEqual(Object.keys(expected[k]!));
    sameDrivers(c.drivers, expected[k]!.drivers, `county ${k}`);
    expect({ ...c, drivers: undefined }).toEqual({ ...expected[k]!, drivers: undefined });
  });
  // JSON and spreads see the drivers too
  expect(JSON.parse(JSON.stringify(lazy))).toEqual(JSON.parse(JSON.stringify(expected)));
}

describe('CountyProjection: the same counties and drivers as projectDrivers', () => {
  it('hand-computed: growth, a rate driver and a cohort ratio', () => {
    const county = makeCounty({ drivers: { resident_pop: 1000, minority_pct: 12.5, pupils_primary: 200, rural_pupils_primary: 100, urban_pupils_primary: 100 }, datedDrivers: { pupils_primary: { 2011: 220 } } });
    const { counties, drivers } = new CountyProjection([county], [{ from: 2011, value: 0.1 }]).year(2011);
    // 1000 × 1.1 = 1100; the minority share does not grow; pupils × 1.1 × 220/200 = 242
    expect(drivers.column('resident_pop')[0]).toBeCloseTo(1100, 9);
    expect(drivers.column('minority_pct')[0]).toBe(12.5);
    expect(drivers.column('rural_pupils_primary')[0]).toBeCloseTo(121, 9);
    expect(counties[0]!.drivers['pupils_primary']).toBeCloseTo(242, 9);
    expect(counties[0]).not.toBe(county);
    // in the census year with no growth the county is returned as it is
    expect(new CountyProjection([county], []).year(2010).counties[0]).toBe(county);
    agrees([county], [{ from: 2011, value: 0.1 }], 2011);
    agrees([county], [], 2012);
    agrees([county], [], 2010);
  });

  it('edge values: NaN, −0, a key whose value is undefined, a county without a driver', () => {
    const odd = makeCounty({ drivers: { resident_pop: Number.NaN, rural_pop: -0, minority_pct: Number.NaN } });
    const missing = { ...makeCounty(), drivers: { resident_pop: 5, rural_pop: undefined as unknown as number, minority_pct: undefined as unknown as number } };
    const bare = { ...makeCounty(), drivers: { resident_pop: 7 } };
    for (const growth of [[], [{ from: 2011, value: 0.05 }]] as Dated<number>[]) {
      for (const year of [2010, 2011, 2013]) agrees([odd, missing, bare], growth, year);
    }
  });

  it('property: random counties, growth and years', () => {
    const driver = fc.oneof(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(0, Number.NaN));
    const countyArb = fc.record({
      resident: driver,
      pupils: driver,
      rural: driver,
      minority: fc.double({ min: 0, max: 100, noNaN: true }),
      dated: fc.option(fc.dictionary(fc.constantFrom('2009', '2011', '2012', '2014'), fc.integer({ min: 0, max: 100_000 }), { minKeys: 1 }), { nil: undefined }),
      junior: fc.option(fc.dictionary(fc.constantFrom('2010', '2013'), fc.integer({ min: 0, max: 100_000 }), { minKeys: 1 }), { nil: undefined }),
    });
    const growthArb = fc.array(fc.record({ from: fc.integer({ min: 2008, max: 2016 }), value: fc.double({ min: -0.05, max: 0.1, noNaN: true }) }), { maxLength: 4 }).map((g) => [...new Map(g.map((e) => [e.from, e])).values()].sort((a, b) => a.from - b.from));
    fc.assert(
      fc.property(fc.array(countyArb, { minLength: 1, maxLength: 6 }), growthArb, fc.integer({ min: 2009, max: 2016 }), (specs, growth, year) => {
        const counties = specs.map((s, k) => {
          const datedDrivers: Record<string, Record<number, number>> = {};
          if (s.dated) datedDrivers['pupils_primary'] = s.dated;
          if (s.junior) datedDrivers['pupils_junior'] = s.junior;
          return makeCounty({
            code: `4401${String(k).padStart(2, '0')}`,
            drivers: { resident_pop: s.resident, pupils_primary: s.pupils, pupils_junior: s.pupils, rural_pupils_primary: s.rural, urban_pupils_junior: s.rural, minority_pct: s.minority },
            ...(s.dated || s.junior ? { datedDrivers } : {}),
          });
        });
        agrees(counties, growth, year);
      }),
      { numRuns: 150 },
    );
  });
});

describe('fiscalValueFen: productToFen of the value (and its growth) without the list', () => {
  it('hand-computed: a half-fen tie, and growth past the last year', () => {
    const county = makeCounty({ fiscal: { own_revenue: { 2011: 1.005, 2012: 1000 } } });
    expect(fiscalValueFen(county, 'own_revenue', 2011, [])).toBe(101); // 100.4999… fen in doubles, exactly 100.5
    expect(fiscalValueFen(county, 'own_revenue', 2013, [{ from: 2013, value: 0.1 }])).toBe(110_000);
  });
  it('property: the same as productToFen', () => {
    const yuan = fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: -1e9, max: 1e9 }).map((k) => k / 1000), fc.constantFrom(1.005, 2.675, 0.125, 0));
    fc.assert(
      fc.property(yuan, fc.double({ min: -0.1, max: 0.3, noNaN: true }), (value, rate) => {
        const county = makeCounty({ fiscal: { own_revenue: { 2011: value } } });
        const growth = [{ from: 2012, value: rate }];
        expect(fiscalValueFen(county, 'own_revenue', 2011, growth)).toBe(productToFen([value]));
        expect(fiscalValueFen(county, 'own_revenue', 2014, growth)).toBe(productToFen([value, growthFactor(growth, 2011, 2014)]));
      }),
      { numRuns: 1000 },
    );
  });
});

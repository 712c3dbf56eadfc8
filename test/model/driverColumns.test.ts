/**
 * The model's column paths against the per-county functions they stand for: standard
 * expenditure, the basis factor, a pool transfer weighted by a driver, product3ToFen; and a whole
 * run (projection, columns) against runYear over projectDrivers' county objects.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DriverColumns } from '../../src/model/driverColumns.ts';
import { product3ToFen, productToFen } from '../../src/model/money.ts';
import { standardExpenditure, standardExpenditures } from '../../src/model/transfers/standardFiscal.ts';
import { basisFactor, basisFactors } from '../../src/model/cost/beneficiaries.ts';
import { poolTransfer } from '../../src/model/transfers/poolTransfer.ts';
import { NO_TRANSFERS, makeCounty } from '../helpers/fixtures.ts';
import type { EqualizationParameters } from '../../src/model/parameters.ts';
import { loadPolicyData } from '../../src/input/policyData.ts';
import { loadCountyFile } from '../../src/input/countyFile.ts';
import { DEFAULT_COUNTIES } from '../../src/input/bundledPaths.ts';
import { runSimulation } from '../../src/simulation/runSimulation.ts';
import { resolveYear } from '../../src/scenarios/resolveYear.ts';
import { fiscalForYear, projectDrivers } from '../../src/scenarios/projection.ts';
import { previousYearOf, runYear, type PreviousYear } from '../../src/model/runYear.ts';

const eq = (functions: EqualizationParameters['functions']): EqualizationParameters => ({
  ...NO_TRANSFERS.equalization,
  functions,
  costCoefficient: { ethnicWeight: 0.3, smallScaleBonus: 0.2, smallScaleThreshold: 200_000, regionFactor: { east: 1, central: 1.05, west: 1.1 } },
});

describe('product3ToFen is productToFen of three factors', () => {
  it('hand-computed, a half-fen tie included', () => {
    expect(product3ToFen(3, 200, 1537)).toBe(92_220_000);
    expect(product3ToFen(1.005, 1, 1)).toBe(101); // 100.49999… fen in doubles, exactly 100.5
    expect(product3ToFen(0.125, 0.1, 1)).toBe(1);
  });
  it('the counterexample fast-check found: a product beyond exact money is refused by both paths alike', () => {
    expect(() => product3ToFen(900791.9888332072, 999999.9999999985, 99.992)).toThrow(/not an exact number of fen/);
    expect(() => productToFen([900791.9888332072, 999999.9999999985, 99.992])).toThrow(/not an exact number of fen/);
  });
  it('property: random factors, ties and decimals', () => {
    const f = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: -100_000, max: 100_000 }).map((k) => k / 1000), fc.constantFrom(0.5, 1.005, 2.675, 0.125, 0));
    // beyond exact money (about 90 trillion yuan) both must refuse, with the same error
    const outcome = (g: () => number): number | string => {
      try {
        return g();
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
    };
    fc.assert(fc.property(f, f, f, (a, b, c) => {
      expect(outcome(() => product3ToFen(a, b, c))).toBe(outcome(() => productToFen([a, b, c])));
    }), { numRuns: 2000 });
  });
});

describe('standard expenditure, basis factor and pool weights from columns', () => {
  it('the counterexample fast-check found: one resident, 1,661,887 registered on the registered basis is refused by both paths alike', () => {
    const county = makeCounty({ regionGroup: 'west', drivers: { resident_pop: 1, registered_pop: 1_661_887, rural_pop: 999_999.0803266799, minority_pct: 99.9999999999999 } });
    const p = eq([{ id: 'a', drivers: ['resident_pop'], unitStandard: 0 }, { id: 'b', drivers: ['rural_pop', 'registered_pop'], unitStandard: 12.34 }]);
    const columns = new DriverColumns([county]);
    expect(() => standardExpenditure(county, p, basisFactor(county, 'registered'))).toThrow(/not an exact number of fen/);
    expect(() => standardExpenditures([county], columns, p, basisFactors(columns, 'registered'))).toThrow(/not an exact number of fen/);
  });
  it('hand-computed standard expenditure', () => {
    // 250,000 residents (not small), no minorities, west: coefficient 1.1; 250,000 × 50 × 1.1 = 13,750,000 yuan
    const county = makeCounty({ regionGroup: 'west', drivers: { resident_pop: 250_000 } });
    const r = standardExpenditures([county], new DriverColumns([county]), eq([{ id: 'residents', drivers: ['resident_pop'], unitStandard: 50 }]), Float64Array.of(1));
    expect(r.totalFen[0]).toBe(1_375_000_000);
    expect(r.coefficient[0]).toBeCloseTo(1.1, 12);
  });
  it('property: the same as the per-county functions', () => {
    const countyArb = fc.record({
      resident: fc.integer({ min: 0, max: 2_000_000 }),
      registered: fc.integer({ min: 0, max: 2_000_000 }),
      rural: fc.double({ min: 0, max: 1e6, noNaN: true }),
      minority: fc.double({ min: -10, max: 120, noNaN: true }),
      region: fc.constantFrom('east' as const, 'central' as const, 'west' as const),
      withoutRural: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(countyArb, { minLength: 1, maxLength: 8 }), fc.double({ min: 0, max: 500, noNaN: true }), fc.constantFrom('resident' as const, 'registered' as const), (specs, unit, basis) => {
        const counties = specs.map((s) => {
          const c = makeCounty({ regionGroup: s.region, drivers: { resident_pop: s.resident, registered_pop: s.registered, rural_pop: s.rural, minority_pct: s.minority } });
          if (s.withoutRural) delete (c.drivers as Record<string, number>)['rural_pop'];
          return c;
        });
        const p = eq([{ id: 'a', drivers: ['resident_pop'], unitStandard: unit }, { id: 'b', drivers: ['rural_pop', 'registered_pop'], unitStandard: 12.34 }]);
        const columns = new DriverColumns(counties);
        const factors = basisFactors(columns, basis);
        counties.forEach((c, k) => expect(factors[k]).toBe(basisFactor(c, basis)));
        // a county with one resident and 1.6 million registered puts an amount beyond exact money
        // (about 90 trillion yuan): then both paths must refuse, with the same error (the first
        // county's, in order)
        let refused: string | undefined;
        const ones = counties.map((c) => {
          try {
            return standardExpenditure(c, p, basisFactor(c, basis));
          } catch (e) {
            refused ??= `${(e as Error).name}: ${(e as Error).message}`;
            return undefined;
          }
        });
        if (refused !== undefined) {
          expect(() => standardExpenditures(counties, columns, p, factors)).toThrow(refused.replace(/^[^:]*: /, ''));
          return;
        }
        const r = standardExpenditures(counties, columns, p, factors);
        ones.forEach((one, k) => {
          expect(r.totalFen[k]).toBe(one!.totalFen);
          expect(r.coefficient[k]).toBe(one!.coefficient);
        });
        const m = { id: 'eco_zone' as const, poolFen: 1_000_003, weight: { kind: 'driver' as const, driver: 'rural_pop' }, countySharePpm: 900_000 };
        expect(poolTransfer(counties, m, [], columns)).toEqual(poolTransfer(counties, m, []));
      }),
      { numRuns: 300 },
    );
  });
});

describe('a run over projected columns is the run over projected county objects', () => {
  it('Guangdong, 2011–2015, both population bases: every item cell and county figure the same', () => {
    const policy = loadPolicyData();
    const counties = loadCountyFile(DEFAULT_COUNTIES).counties;
    for (const basis of ['resident', 'registered'] as const) {
      const runs = runSimulation(policy, counties, { years: [2011, 2012, 2013, 2014, 2015], basis });
      let previous: PreviousYear | undefined;
      for (const run of runs) {
        // the object path: projectDrivers, then runYear reading each county's drivers object
        const projected = counties.map((c) => projectDrivers(c, run.year, policy.growth.population_growth.values));
        const fiscal = projected.map((c) => fiscalForYear(c, run.year, policy.growth.revenue_growth.values));
        const slow = runYear(projected, fiscal, resolveYear(policy, run.year, basis), previous);
        previous = previousYearOf(slow);
        for (const [name, col] of Object.entries(slow.items.columns)) expect(Array.from(run.result.items.columns[name as keyof typeof slow.items.columns]), `${basis} ${run.year} ${name}`).toEqual(Array.from(col));
        expect(run.result.counties).toEqual(slow.counties);
        expect(run.result.provinces).toEqual(slow.provinces);
        expect(run.result.mechanisms).toEqual(slow.mechanisms);
        expect(JSON.parse(JSON.stringify(run.counties))).toEqual(JSON.parse(JSON.stringify(projected)));
      }
    }
  });
});

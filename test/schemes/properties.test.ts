import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { schemeInput, type SchemeCounty } from '../../src/model/transfers/schemes/schemeInput.ts';
import { allocateScheme, allocateSchemeExact, SCHEMES, SCHEME_IDS, type SchemeConfig } from '../../src/model/transfers/schemes/registry.ts';
import { loadSchemeDefaults } from '../../src/scenarios/schemeData.ts';
import { resolveScheme } from '../../src/scenarios/schemeSchema.ts';

const defaults = loadSchemeDefaults();
const configs: SchemeConfig[] = SCHEME_IDS.map((id) => resolveScheme({ name: id }, defaults));

const fen = (max: number) => fc.integer({ min: 0, max });
const arbCounty: fc.Arbitrary<SchemeCounty> = fc.record({
  population: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_000_000 }), fc.double({ min: 0.5, max: 3e6, noNaN: true })),
  standardExpenditure: fen(1e12),
  standardRevenue: fen(1e12),
  ownRevenue: fen(1e12),
  standardCost: fen(1e12),
  mustFund: fen(1e12),
  otherStdExpenditure: fen(1e12),
  previousTransfer: fc.option(fen(1e11), { nil: undefined }),
  previousOwnRevenue: fc.option(fen(1e12), { nil: undefined }),
  regionGroup: fc.constantFrom('east' as const, 'central' as const, 'west' as const),
});
const arbCounties = fc.array(arbCounty, { minLength: 1, maxLength: 25 }).filter((cs) => cs.some((c) => c.population > 0));
const arbPool = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 }), fen(1e13));

describe('every scheme (property tests)', () => {
  it('spends exactly the pool, in whole fen, with no negative transfer', () => {
    fc.assert(
      fc.property(arbCounties, arbPool, (counties, pool) => {
        const input = schemeInput(counties);
        for (const config of configs) {
          const t = allocateSchemeExact(config, input, pool);
          expect(t).toHaveLength(counties.length);
          let sum = 0;
          for (const x of t) {
            expect(Number.isSafeInteger(x)).toBe(true);
            if (!SCHEMES[config.id].allowsNegative) expect(x).toBeGreaterThanOrEqual(0);
            sum += x;
          }
          expect(sum).toBe(pool);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the float amounts (the Monte Carlo path) agree with the exact transfers to within a fen per county', () => {
    fc.assert(
      fc.property(arbCounties, fen(1e12), (counties, pool) => {
        const input = schemeInput(counties);
        for (const config of configs) {
          const exact = allocateSchemeExact(config, input, pool);
          const amounts = allocateScheme(config, input, pool).amounts;
          const tolerance = 1 + pool * 1e-9;
          exact.forEach((x, i) => expect(Math.abs(x - amounts[i]!)).toBeLessThanOrEqual(tolerance));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('China with no difficulty weight and no growth control is gap × (pool ÷ Σ gaps)', () => {
    fc.assert(
      fc.property(arbCounties, fen(1e12), (counties, pool) => {
        const input = schemeInput(counties);
        const plain = resolveScheme({ name: 'china_equalization', settings: { difficulty_weight: 0, growth_cap: null, growth_floor: null } }, defaults);
        const gaps = counties.map((c) => Math.max(0, c.standardExpenditure - c.standardRevenue));
        const total = gaps.reduce((a, b) => a + b, 0);
        fc.pre(total > 0);
        const t = allocateSchemeExact(plain, input, pool);
        t.forEach((x, i) => expect(Math.abs(x - (gaps[i]! * pool) / total)).toBeLessThan(1));
      }),
    );
  });

  it('gap-filling never gives a county more than its gap while any gap is left open', () => {
    fc.assert(
      fc.property(arbCounties, fen(1e12), (counties, pool) => {
        const gaps = counties.map((c) => (c.population > 0 ? Math.max(0, c.standardExpenditure - c.standardRevenue) : 0));
        fc.pre(gaps.reduce((a, b) => a + b, 0) > pool);
        const t = allocateSchemeExact({ id: 'gap_filling', settings: {} }, schemeInput(counties), pool);
        t.forEach((x, i) => expect(x).toBeLessThanOrEqual(gaps[i]! + 1));
      }),
    );
  });
});

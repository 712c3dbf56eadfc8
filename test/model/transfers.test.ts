import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { specialTransfer } from '../../src/model/transfers/specialTransfers.ts';
import { equalizationTransfer, type EqualizationUnit } from '../../src/model/transfers/equalizationTransfer.ts';
import { allocatePoolByGaps } from '../../src/model/transfers/poolAllocation.ts';
import { basicFinancialGuarantee } from '../../src/model/transfers/basicFinancialGuarantee.ts';
import { financingGap } from '../../src/model/gap/financingGap.ts';
import { makeCounty } from '../helpers/fixtures.ts';

describe('special (earmarked) transfers', () => {
  const shares = { central: 800, provincial: 100, prefecture: 40, county: 60 };
  it('a county managed through its prefecture loses the retained part of provincial money', () => {
    expect(specialTransfer(makeCounty(), shares, 250_000)).toEqual({ receivedFen: 800 + 75 + 40, retainedFen: 25 });
  });
  it('a directly managed county receives provincial money in full', () => {
    expect(specialTransfer(makeCounty({ directlyManaged: true }), shares, 250_000)).toEqual({ receivedFen: 940, retainedFen: 0 });
  });
});

describe('pool allocation by gaps', () => {
  it('transfer = gap × pool / Σ gaps, spent to the fen', () => {
    const r = allocatePoolByGaps(1000, [300, -50, 100, 0], [1, 1, 1, 1]);
    expect(r.allocationsFen).toEqual([750, 0, 250, 0]);
    expect(r.coefficient).toBe(2.5);
  });
  it('with no gaps anywhere the pool goes by population', () => {
    const r = allocatePoolByGaps(100, [-5, 0], [3, 1]);
    expect(r.allocationsFen).toEqual([75, 25]);
    expect(r.usedFallback).toBe(true);
  });
});

describe('equalization transfer: centre → provinces → counties (hand-computed)', () => {
  const units: EqualizationUnit[] = [
    // province A: gaps 600 and 200 (total E 1800 − R 1000 = 800)
    { provinceCode: '510000', standardExpenditureFen: 1000, standardRevenueFen: 400, ownRevenueFen: 400, population: 10 },
    { provinceCode: '510000', standardExpenditureFen: 800, standardRevenueFen: 600, ownRevenueFen: 600, population: 10 },
    // province B: one county with a gap of 200
    { provinceCode: '440000', standardExpenditureFen: 500, standardRevenueFen: 300, ownRevenueFen: 300, population: 10 },
    // province C: no gap
    { provinceCode: '110000', standardExpenditureFen: 100, standardRevenueFen: 900, ownRevenueFen: 900, population: 10 },
  ];
  it('splits the central pool by provincial gaps and each province pool by county gaps', () => {
    // central pool 500: A gets 500 × 800/1000 = 400, B 100, C 0.
    // provincial top-up 10% of own revenue: A 100, B 30, C 90.
    // A pool 500 over gaps 600:200 → 375, 125. B pool 130 → 130. C pool 90, no gaps → by population → 90.
    const r = equalizationTransfer(units, 500, 100_000);
    expect(r.countyTransfersFen).toEqual([375, 125, 130, 90]);
    const byCode = Object.fromEntries(r.provinces.map((p) => [p.provinceCode, p]));
    expect(byCode['510000']).toMatchObject({ gapFen: 800, centralAllocationFen: 400, provincialTopUpFen: 100, poolFen: 500, coefficient: 500 / 800 });
    expect(byCode['440000']).toMatchObject({ gapFen: 200, centralAllocationFen: 100, provincialTopUpFen: 30, poolFen: 130 });
    expect(byCode['110000']).toMatchObject({ gapFen: 0, centralAllocationFen: 0, poolFen: 90 });
    expect(r.centralCoefficient).toBe(0.5);
  });
  it('property: county transfers sum to the central pool plus the top-ups, exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ p: fc.constantFrom('110000', '440000', '510000'), e: fc.integer({ min: 0, max: 1e12 }), r: fc.integer({ min: 0, max: 1e12 }), pop: fc.integer({ min: 1, max: 1e6 }) }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 1e14 }),
        fc.integer({ min: 0, max: 1e6 }),
        (rows, pool, rate) => {
          const u = rows.map((x) => ({ provinceCode: x.p, standardExpenditureFen: x.e, standardRevenueFen: x.r, ownRevenueFen: x.r, population: x.pop }));
          const res = equalizationTransfer(u, pool, rate);
          const topUps = res.provinces.reduce((a, p) => a + p.provincialTopUpFen, 0);
          expect(res.countyTransfersFen.reduce((a, b) => a + b, 0)).toBe(pool + topUps);
          expect(res.provinces.reduce((a, p) => a + p.centralAllocationFen, 0)).toBe(pool);
          expect(res.countyTransfersFen.every((t) => t >= 0)).toBe(true);
        },
      ),
    );
  });
});

describe('county basic financial guarantee', () => {
  it('fills the fill-rate share of the remaining basic gap; centre pays its award share', () => {
    // basic need 700 + 500 = 1200; resources 600 + 200 = 800; gap 400; fill 50% = 200; centre 50% = 100
    const g = basicFinancialGuarantee({ ownBurdenFen: 700, otherStdExpenditureFen: 500, ownRevenueFen: 600, equalizationFen: 200 }, 500_000, 500_000);
    expect(g).toEqual({ guaranteeGapFen: 400, transferFen: 200, centralFen: 100, provincialFen: 100 });
  });
  it('pays nothing where resources cover the basic need', () => {
    const g = basicFinancialGuarantee({ ownBurdenFen: 100, otherStdExpenditureFen: 100, ownRevenueFen: 600, equalizationFen: 0 }, 500_000, 500_000);
    expect(g.transferFen).toBe(0);
  });
});

describe('financing gap', () => {
  it('gap = (cost − earmarked) − (own revenue + general − other standard spending)', () => {
    const g = financingGap({ standardCostFen: 10_000, specialReceivedFen: 6_000, ownRevenueFen: 5_000, generalTransferFen: 1_000, otherStdExpenditureFen: 4_500 });
    expect(g).toEqual({ ownBurdenFen: 4_000, capacityFen: 1_500, gapFen: 2_500 });
  });
  it('a negative gap means room to spare', () => {
    expect(financingGap({ standardCostFen: 100, specialReceivedFen: 100, ownRevenueFen: 50, generalTransferFen: 0, otherStdExpenditureFen: 0 }).gapFen).toBe(-50);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { specialTransfer } from '../../src/model/transfers/specialTransfers.ts';
import { equalizationTransfer, type EqualizationUnit } from '../../src/model/transfers/equalizationTransfer.ts';
import { allocatePoolByGaps } from '../../src/model/transfers/poolAllocation.ts';
import { basicFinancialGuarantee } from '../../src/model/transfers/basicFinancialGuarantee.ts';
import { poolTransfer } from '../../src/model/transfers/poolTransfer.ts';
import { cappedGapSpend, difficultyMultipliers } from '../../src/model/transfers/equalization2011.ts';
import { makeCounty } from '../helpers/fixtures.ts';

describe('special (earmarked) transfers', () => {
  const shares = { central: 800, provincial: 100, prefecture: 40, county: 60 };
  it('a county managed through its prefecture loses the retained part of central and provincial money', () => {
    // 25% of 800 + 100 = 225 kept
    expect(specialTransfer(makeCounty(), shares, 250_000)).toEqual({ receivedFen: 800 + 100 - 225 + 40, retainedFen: 225 });
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

describe('county basic financial guarantee (财预〔2010〕443号)', () => {
  const counties = [
    // the award goes by the shortfall before general transfers: 600 + 200 for 510000, 400 for 440000 (2 : 1)
    { provinceCode: '510000', needsFen: 1_000, resourcesBeforeFen: 600, awardBasisFen: 600 }, // gap 400
    { provinceCode: '510000', needsFen: 500, resourcesBeforeFen: 700, awardBasisFen: 200 }, // no gap
    { provinceCode: '440000', needsFen: 300, resourcesBeforeFen: 100, awardBasisFen: 400 }, // gap 200
  ];
  it('closes each gap at the close rate when award and room allow; the award goes by the shortfall before general transfers', () => {
    // close rate 50%: targets 200, 0, 100; award pool 90 → 60 : 30; room ample
    const g = basicFinancialGuarantee(counties, 500_000, 90, new Map([['510000', 1_000], ['440000', 1_000]]));
    expect(g.gapFen).toEqual([400, 0, 200]);
    expect(g.transferFen).toEqual([200, 0, 100]);
    expect(g.gapAfterFen).toEqual([200, 0, 100]);
    expect(g.provinces).toEqual([
      { provinceCode: '440000', targetFen: 100, awardFen: 30, roomFen: 1_000, closedFen: 100, provincialFen: 70, awardKeptFen: 0 },
      { provinceCode: '510000', targetFen: 200, awardFen: 60, roomFen: 1_000, closedFen: 200, provincialFen: 140, awardKeptFen: 0 },
    ]);
  });
  it('a province closes no more than its award plus its budget room', () => {
    // close rate 100%: targets 400, 0, 200; award 300 → 200 (510000) : 100 (440000); room 50 and 0
    const g = basicFinancialGuarantee(counties, 1_000_000, 300, new Map([['510000', 50], ['440000', 0]]));
    expect(g.transferFen).toEqual([250, 0, 100]);
    expect(g.gapAfterFen).toEqual([150, 0, 100]);
  });
  it('an award larger than what a province closes stays with the province', () => {
    const g = basicFinancialGuarantee(counties, 100_000, 1_000, new Map());
    // targets 40 and 20; award 1,000 → 667 : 333 (largest remainder), closed 40 and 20
    expect(g.provinces.map((p) => [p.closedFen, p.awardFen, p.awardKeptFen, p.provincialFen])).toEqual([[20, 333, 313, 0], [40, 667, 627, 0]]);
  });
});

describe('pool transfers', () => {
  const cs = [makeCounty({ code: '1', flags: { eco_zone: true }, drivers: { rural_pop: 300 } }), makeCounty({ code: '2', drivers: { rural_pop: 100 } }), makeCounty({ code: '3', flags: { eco_zone: true }, directlyManaged: true, drivers: { rural_pop: 100 } })];
  it('spends the pool over the flagged counties by their weights; the county share reaches the county level', () => {
    const r = poolTransfer(cs, { id: 'eco_zone', poolFen: 1_000, flag: 'eco_zone', weight: { kind: 'driver', driver: 'rural_pop' }, countySharePpm: 900_000 }, []);
    expect(r.toCountyFen).toEqual([675, 0, 225]);
    expect(r.upperLevelFen).toEqual([75, 0, 25]);
    expect(r.eligibleCount).toBe(2);
  });
  it('by standard gap, or equally; with nobody eligible nothing is spent and it says so', () => {
    expect(poolTransfer(cs, { id: 'eco_zone', poolFen: 90, flag: 'eco_zone', weight: { kind: 'standard_gap' }, countySharePpm: 1_000_000 }, [20, 999, 10]).toCountyFen).toEqual([60, 0, 30]);
    expect(poolTransfer(cs, { id: 'old_revolutionary', poolFen: 101, weight: { kind: 'equal' }, countySharePpm: 1_000_000 }, []).toCountyFen).toEqual([34, 34, 33]);
    expect(poolTransfer(cs, { id: 'border_area', poolFen: 50, flag: 'border', weight: { kind: 'equal' }, countySharePpm: 1_000_000 }, []).unspentFen).toBe(50);
  });
});

describe('equalization by the 2011 formula: coefficient never above 1', () => {
  it('gap-proportional below the gaps; capped at each gap, the rest unspent, above them', () => {
    expect(cappedGapSpend(300, [200, 100, 0], [1, 1, 1], undefined, null, null)).toEqual({ allocationsFen: [200, 100, 0], coefficient: 1, unspentFen: 0 });
    expect(cappedGapSpend(150, [200, 100, 0], [1, 1, 1], undefined, null, null)).toEqual({ allocationsFen: [100, 50, 0], coefficient: 0.5, unspentFen: 0 });
    expect(cappedGapSpend(500, [200, 100, 0], [1, 1, 1], undefined, null, null)).toEqual({ allocationsFen: [200, 100, 0], coefficient: 1, unspentFen: 200 });
  });
  it('growth control keeps each unit within its band of last year, the pool still spent', () => {
    // last year 100 and 100, cap +10%, floor −10%: unbounded, 200 over gaps 1,000 : 100 would be
    // 182 and 18; the first is capped at 110, the second takes the rest, 90, which is its floor
    const r = cappedGapSpend(200, [1_000, 100], [1, 1], [100, 100], 0.1, -0.1);
    expect(r.allocationsFen).toEqual([110, 90]);
    expect(r.unspentFen).toBe(0);
  });
  it('difficulty multipliers are 1 with weight 0, bounded otherwise', () => {
    expect(difficultyMultipliers([100, 50], [200, 200], { weight: 0, min: 0.8, max: 1.2 })).toEqual([1, 1]);
    const m = difficultyMultipliers([100, 50, 0], [200, 200, 200], { weight: 1, min: 0.8, max: 1.2 });
    expect(m).toEqual([1.2, 0.8, 1]);
  });
});

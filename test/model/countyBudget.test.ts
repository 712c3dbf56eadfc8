/**
 * The county budget account of one small synthetic province: three counties, A and B managed
 * through their prefecture, C directly managed by the province. The expected figures were
 * worked out by hand and checked with an independent exact-integer computation of the same
 * rules (half-up shares, largest-remainder allocations), e.g. equalization: province pool =
 * 0.8 × 10,000,000 + 5% × 8,000,000 = 8,400,000 yuan over county gaps 4,000,000 / 16,980,000 /
 * 4,200,000 yuan (coefficient 840/2518), then the prefecture keeps 10% of A's and B's.
 */
import { describe, expect, it } from 'vitest';
import { runYear } from '../../src/model/runYear.ts';
import type { CountyFiscalYear } from '../../src/model/budget/countyFiscalYear.ts';
import { makeCounty, makeItem, makeParams, NO_TRANSFERS } from '../helpers/fixtures.ts';

const Y = 100; // fen per yuan
const county = (code: string, pop: number, staff: number, directlyManaged: boolean, flags: Record<string, boolean> = {}) =>
  makeCounty({ code, name: code, directlyManaged, flags, drivers: { resident_pop: pop, registered_pop: pop, fiscal_staff: staff } });
const counties = [county('440101', 100_000, 1000, false), county('440102', 200_000, 2000, false, { ethnic_area: true }), county('440103', 50_000, 500, true)];
const fiscal: CountyFiscalYear[] = [
  { ownRevenueFen: 5_000_000 * Y, rebateTwoTaxFen: 1_000_000 * Y, rebateIncomeTaxFen: 0, rebateOilFen: 0, systemSubsidyFen: 0, remittanceFen: 0, taxBaseFen: 50_000_000 * Y },
  { ownRevenueFen: 2_000_000 * Y, rebateTwoTaxFen: 0, rebateIncomeTaxFen: 0, rebateOilFen: 0, systemSubsidyFen: 300_000 * Y, remittanceFen: 0, taxBaseFen: 20_000_000 * Y },
  { ownRevenueFen: 1_000_000 * Y, rebateTwoTaxFen: 0, rebateIncomeTaxFen: 0, rebateOilFen: 0, systemSubsidyFen: 0, remittanceFen: 200_000 * Y, taxBaseFen: 10_000_000 * Y },
];
// one education item, 50 yuan per resident, paid locally: through the prefecture 30/20/50, directly managed 40/0/60
const item = makeItem({ id: 'edu.test', domain: 'education', driver: 'resident_pop', annualStandard: 50, rule: { id: 'local', kind: 'local' } });
const params = makeParams([item], {
  pools: [{ id: 'ethnic_area', poolFen: 1_000_000 * Y, flag: 'ethnic_area', weight: { kind: 'equal' }, countySharePpm: 800_000 }],
  equalization: {
    ...NO_TRANSFERS.equalization,
    poolFen: 10_000_000 * Y,
    functions: [{ id: 'residents', drivers: ['resident_pop'], unitStandard: 100 }],
    standardRevenueRatePpm: 100_000,
    countyShareOfRevenuePpm: 500_000,
    passDownPpm: 800_000,
    provincialTopUpRatePpm: 50_000,
    provincialCapacityPpm: 500_000,
  },
  guarantee: { awardPoolFen: 10_000_000 * Y, salaryStandard: 30_000, runningStandard: 10_000, scopeDomains: ['education'], closeRatePpm: 1_000_000 },
  otherMandatedPerResident: 20,
  prefectureRetentionPpm: 100_000,
  prefectureGeneralRetentionPpm: 100_000,
});
const r = runYear(counties, fiscal, params);
const col = <K extends keyof (typeof r.counties)[number]>(k: K) => r.counties.map((c) => c[k]);

describe('the budget account of a 3-county province (hand-computed)', () => {
  it('earmarked money: the prefecture keeps 10% of upper-level money from the counties it manages, none from the directly managed one', () => {
    expect(col('standardCostFen')).toEqual([500_000_000, 1_000_000_000, 250_000_000]);
    expect(col('retainedFen')).toEqual([15_000_000, 30_000_000, 0]);
    expect(col('specialFen')).toEqual([235_000_000, 470_000_000, 100_000_000]);
  });
  it('a pool transfer goes to the flagged county, 80% to county level, less the prefecture\'s 10%', () => {
    expect(r.counties.map((c) => c.generalByMechanismFen.ethnic_area)).toEqual([0, 72_000_000, 0]);
    expect(r.counties.map((c) => c.generalRetainedByMechanism.ethnic_area)).toEqual([0, 8_000_000, 0]);
    const m = r.mechanisms.find((x) => x.id === 'ethnic_area')!;
    expect(m.toCountiesFen + m.upperLevelFen).toBe(m.poolFen);
  });
  it('equalization: standard revenue from the tax base, not collections; the province pool by gaps with coefficient below 1', () => {
    expect(col('standardExpenditureFen')).toEqual([1_000_000_000, 2_000_000_000, 500_000_000]);
    expect(col('standardRevenueFen')).toEqual([600_000_000, 302_000_000, 80_000_000]);
    const p = r.provinces[0]!;
    expect(p).toMatchObject({ standardExpenditureFen: 3_500_000_000, standardRevenueFen: 1_964_000_000, gapFen: 1_536_000_000, centralAllocationFen: 1_000_000_000, passedDownFen: 800_000_000, capacityFen: 400_000_000, provincialTopUpFen: 40_000_000, poolFen: 840_000_000 });
    expect(p.coefficient).toBeCloseTo(840 / 2518, 12);
    expect(col('equalizationFen')).toEqual([120_095_314, 509_804_607, 140_111_199]);
    expect(r.counties.map((c) => c.generalRetainedByMechanism.equalization)).toEqual([13_343_924, 56_644_956, 0]);
  });
  it('the guarantee: gaps against resources before it, closed within award + the province\'s room', () => {
    expect(col('guaranteeNeedsFen')).toEqual([4_250_000_000, 8_500_000_000, 2_150_000_000]);
    expect(col('guaranteeGapFen')).toEqual([3_529_904_686, 7_688_195_393, 1_929_888_801]);
    expect(r.provinces[0]).toMatchObject({ guaranteeAwardFen: 1_000_000_000, guaranteeClosedFen: 1_360_000_000, guaranteeProvincialFen: 360_000_000 });
    expect(col('guaranteeFen')).toEqual([365_125_832, 795_250_576, 199_623_592]);
    expect(col('guaranteeGapAfterFen')).toEqual([3_164_778_854, 6_892_944_817, 1_730_265_209]);
  });
  it('needs, resources, the gap and the plan gap', () => {
    expect(col('needsFen')).toEqual([4_700_000_000, 9_400_000_000, 2_350_000_000]);
    expect(col('generalFen')).toEqual([485_221_146, 1_377_055_183, 339_734_791]);
    expect(col('resourcesFen')).toEqual([1_320_221_146, 2_077_055_183, 519_734_791]);
    expect(col('gapFen')).toEqual([3_379_778_854, 7_322_944_817, 1_830_265_209]);
    expect(col('planGapFen')).toEqual([265_000_000, 530_000_000, 150_000_000]);
  });
  it('the gap is needs less resources, term by term', () => {
    for (const c of r.counties) {
      expect(c.needsFen).toBe(c.standardCostFen + c.salaryFen + c.runningFen + c.otherMandatedFen);
      expect(c.resourcesFen).toBe(c.ownRevenueFen + c.rebatesFen + c.systemSubsidyFen - c.remittanceFen + c.generalFen + c.specialFen);
      expect(c.gapFen).toBe(c.needsFen - c.resourcesFen);
    }
  });
});

/** County results held as columns: the row objects a YearResult builds from them. */
import { describe, expect, it } from 'vitest';
import { runYear } from '../../src/model/runYear.ts';
import { COUNTY_COLUMNS } from '../../src/model/results.ts';
import { GENERAL_MECHANISMS, ITEM_TIED_CLASSES } from '../../src/model/transfers/mechanisms.ts';
import { makeCounty, makeItem, makeParams } from '../helpers/fixtures.ts';
import { ownRevenueOnly } from '../../src/model/budget/countyFiscalYear.ts';

describe('CountyTable rows', () => {
  // two counties, one local item: 100,000 residents × 10 yuan = 1,000,000 yuan each
  const counties = [makeCounty(), makeCounty({ code: '440102', directlyManaged: true })];
  const r = runYear(counties, [ownRevenueOnly(30_000_000), ownRevenueOnly(150_000_000)], makeParams([makeItem()]));

  it('the row keys, in the order reports and JSON see them', () => {
    expect(Object.keys(r.counties[0]!)).toEqual([
      'countyIndex', 'population', 'standardCostFen', 'centralFen', 'provincialFen', 'prefectureFen', 'countyFen', 'specialFen', 'retainedFen', 'ownBurdenFen', 'itemTiedGeneralFen', 'itemTiedByClassFen',
      'ownRevenueFen', 'rebateTwoTaxFen', 'rebateIncomeTaxFen', 'rebateOilFen', 'rebatesFen', 'systemSubsidyFen', 'remittanceFen', 'generalByMechanismFen', 'generalRetainedByMechanism',
      'equalizationFen', 'guaranteeFen', 'generalFen', 'generalRetainedFen', 'resourcesFen', 'salaryFen', 'runningFen', 'otherMandatedFen', 'otherSpendingFen', 'needsFen',
      'standardExpenditureFen', 'standardRevenueFen', 'costCoefficient', 'guaranteeNeedsFen', 'guaranteeGapFen', 'guaranteeGapAfterFen', 'gapFen', 'planGapFen',
    ]);
    expect(Object.keys(r.counties[0]!.generalByMechanismFen)).toEqual([...GENERAL_MECHANISMS]);
    expect(Object.keys(r.counties[0]!.itemTiedByClassFen)).toEqual([...ITEM_TIED_CLASSES]);
  });

  it('hand-computed values, the same in the columns and the rows', () => {
    // cost 100,000,000 fen, all local: split 3:2:5 through the prefecture (30 % provincial), 4:0:6 directly managed
    expect(r.counties.map((c) => [c.countyIndex, c.standardCostFen, c.provincialFen, c.prefectureFen, c.countyFen, c.ownRevenueFen])).toEqual([
      [0, 100_000_000, 30_000_000, 20_000_000, 50_000_000, 30_000_000],
      [1, 100_000_000, 40_000_000, 0, 60_000_000, 150_000_000],
    ]);
    for (const name of COUNTY_COLUMNS) expect(Array.from(r.countyTable.columns[name]), name).toEqual(r.counties.map((c) => c[name]));
  });

  it('builds the rows once', () => {
    expect(r.counties).toBe(r.counties);
  });
});

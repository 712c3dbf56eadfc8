/**
 * One year of the model over all counties: cost → shares → special transfers →
 * equalization transfer → basic financial guarantee → financing gap.
 * Pure: counties and resolved parameters in, rows out.
 */
import type { County } from './county.ts';
import { itemCost } from './cost/itemCost.ts';
import { basisFactor } from './cost/beneficiaries.ts';
import { takeShare } from './money.ts';
import type { YearParameters } from './parameters.ts';
import type { CountyResult, ItemResult, YearResult } from './results.ts';
import { levelShares } from './sharing/levelShares.ts';
import { specialTransfer } from './transfers/specialTransfers.ts';
import { equalizationTransfer } from './transfers/equalizationTransfer.ts';
import { basicFinancialGuarantee } from './transfers/basicFinancialGuarantee.ts';
import { financingGap } from './gap/financingGap.ts';

/** Fiscal inputs for the year, per county (same order as the counties), fen. */
export interface CountyFiscalYear {
  readonly ownRevenueFen: number;
  readonly otherStdExpenditureFen: number;
}

export function runYear(counties: readonly County[], fiscal: readonly CountyFiscalYear[], params: YearParameters): YearResult {
  if (fiscal.length !== counties.length) throw new RangeError('fiscal inputs and counties differ in length');
  const t = params.transfers;
  const items: ItemResult[] = [];
  const sums = counties.map(() => ({ cost: 0, central: 0, provincial: 0, prefecture: 0, county: 0, special: 0, retained: 0 }));

  counties.forEach((county, c) => {
    const split = params.localSplit(county.provinceCode);
    const s = sums[c]!;
    params.items.forEach((item, i) => {
      const { beneficiaries, costFen } = itemCost(county, item, params.basis);
      const shares = levelShares(county, item.rule, split, costFen, beneficiaries);
      const special = specialTransfer(county, shares, t.prefectureRetentionPpm);
      items.push({
        countyIndex: c,
        itemIndex: i,
        beneficiaries,
        costFen,
        centralFen: shares.central,
        provincialFen: shares.provincial,
        prefectureFen: shares.prefecture,
        countyFen: shares.county,
        specialFen: special.receivedFen,
        retainedFen: special.retainedFen,
      });
      s.cost += costFen;
      s.central += shares.central;
      s.provincial += shares.provincial;
      s.prefecture += shares.prefecture;
      s.county += shares.county;
      s.special += special.receivedFen;
      s.retained += special.retainedFen;
    });
  });

  const population = counties.map((county) => (county.drivers['resident_pop'] ?? 0) * basisFactor(county, params.basis));
  const units = counties.map((county, c) => {
    const s = sums[c]!;
    const f = fiscal[c]!;
    const standardRevenueFen = takeShare(Math.max(0, f.ownRevenueFen), t.standardRevenueRatePpm);
    return {
      provinceCode: county.provinceCode,
      standardExpenditureFen: s.cost - s.special + f.otherStdExpenditureFen,
      standardRevenueFen,
      ownRevenueFen: f.ownRevenueFen,
      population: population[c]!,
    };
  });
  const equalization = equalizationTransfer(units, t.centralPoolFen, t.provincialPoolRatePpm);

  const countyResults = counties.map((_, c): CountyResult => {
    const s = sums[c]!;
    const f = fiscal[c]!;
    const ownBurdenFen = s.cost - s.special;
    const equalizationFen = equalization.countyTransfersFen[c]!;
    const guarantee = basicFinancialGuarantee(
      { ownBurdenFen, otherStdExpenditureFen: f.otherStdExpenditureFen, ownRevenueFen: f.ownRevenueFen, equalizationFen },
      t.guaranteeFillRatePpm,
      t.guaranteeCentralSharePpm,
    );
    const generalFen = equalizationFen + guarantee.transferFen;
    const gap = financingGap({
      standardCostFen: s.cost,
      specialReceivedFen: s.special,
      ownRevenueFen: f.ownRevenueFen,
      generalTransferFen: generalFen,
      otherStdExpenditureFen: f.otherStdExpenditureFen,
    });
    return {
      countyIndex: c,
      population: population[c]!,
      standardCostFen: s.cost,
      centralFen: s.central,
      provincialFen: s.provincial,
      prefectureFen: s.prefecture,
      countyFen: s.county,
      specialFen: s.special,
      retainedFen: s.retained,
      ownBurdenFen: gap.ownBurdenFen,
      ownRevenueFen: f.ownRevenueFen,
      standardRevenueFen: units[c]!.standardRevenueFen,
      otherStdExpenditureFen: f.otherStdExpenditureFen,
      equalizationFen,
      guaranteeGapFen: guarantee.guaranteeGapFen,
      guaranteeFen: guarantee.transferFen,
      guaranteeCentralFen: guarantee.centralFen,
      generalFen,
      capacityFen: gap.capacityFen,
      gapFen: gap.gapFen,
    };
  });

  return {
    year: params.year,
    items,
    counties: countyResults,
    provinces: equalization.provinces,
    centralCoefficient: equalization.centralCoefficient,
  };
}

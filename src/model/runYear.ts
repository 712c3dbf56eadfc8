/**
 * One year of the model over all counties: cost → shares → special transfers →
 * equalization transfer → basic financial guarantee → financing gap.
 * Pure: counties and resolved parameters in, rows out.
 */
import type { County } from './county.ts';
import { costFenFor } from './cost/itemCost.ts';
import { beneficiaryCount } from './cost/beneficiaries.ts';
import { basisFactor } from './cost/beneficiaries.ts';
import { takeShare } from './money.ts';
import type { YearParameters } from './parameters.ts';
import { ItemTable, type CountyResult, type YearResult } from './results.ts';
import { splitLocal } from './sharing/levelShares.ts';
import { centralShareFen } from './sharing/centralShare.ts';
import { retainedFen } from './transfers/specialTransfers.ts';
import { equalizationTransfer } from './transfers/equalizationTransfer.ts';
import { schemeEqualizationTransfer } from './transfers/schemes/twoStage.ts';
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
  const nItems = params.items.length;
  const items = new ItemTable(counties.length, nItems);
  const col = items.columns;
  const local: [number, number, number] = [0, 0, 0];
  const sums = counties.map(() => ({ cost: 0, central: 0, provincial: 0, prefecture: 0, county: 0, special: 0, retained: 0 }));

  for (let c = 0; c < counties.length; c++) {
    const county = counties[c]!;
    const split = params.localSplit(county.provinceCode);
    const s = sums[c]!;
    for (let i = 0; i < nItems; i++) {
      const item = params.items[i]!;
      // the steps of itemCost → levelShares → specialTransfer, without allocating per item
      const beneficiaries = beneficiaryCount(county, item, params.basis);
      const costFen = costFenFor(county, item, params.basis, beneficiaries);
      const central = centralShareFen(county, item.rule, costFen, beneficiaries);
      const [provincial, prefecture, countyPart] = splitLocal(county, split, costFen - central, local);
      const retained = retainedFen(county, provincial, t.prefectureRetentionPpm);
      const special = central + provincial - retained + prefecture;
      const k = c * nItems + i;
      col.beneficiaries[k] = beneficiaries;
      col.costFen[k] = costFen;
      col.centralFen[k] = central;
      col.provincialFen[k] = provincial;
      col.prefectureFen[k] = prefecture;
      col.countyFen[k] = countyPart;
      col.specialFen[k] = special;
      col.retainedFen[k] = retained;
      s.cost += costFen;
      s.central += central;
      s.provincial += provincial;
      s.prefecture += prefecture;
      s.county += countyPart;
      s.special += special;
      s.retained += retained;
    }
  }

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
      standardCostFen: s.cost,
      ownBurdenFen: s.cost - s.special,
      otherStdExpenditureFen: f.otherStdExpenditureFen,
      regionGroup: county.regionGroup,
    };
  });
  // a configured scheme replaces the gap-proportional province → county stage
  const equalization = t.scheme
    ? schemeEqualizationTransfer(units, t.centralPoolFen, t.provincialPoolRatePpm, t.scheme)
    : equalizationTransfer(units, t.centralPoolFen, t.provincialPoolRatePpm);

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

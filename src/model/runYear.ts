/**
 * One year of the model over all counties, in the order money arrives:
 *   catalog cost → shares by level → earmarked transfers (less what prefectures keep)
 *   → pool transfers (ethnic, old-revolutionary, border, salary, rural tax reform, eco zones,
 *     resource-exhausted cities, grain counties) → equalization by the 2011 formula
 *   → the basic financial guarantee → the county budget account and its gap.
 * Pure: counties, their fiscal inputs and resolved parameters in; results out.
 */
import type { County } from './county.ts';
import { costFenFor } from './cost/itemCost.ts';
import { basisFactor, EligibilityTable } from './cost/beneficiaries.ts';
import { productToFen, splitThreeInto, takeShare } from './money.ts';
import { valueFor, type YearParameters } from './parameters.ts';
import { ItemTable, type CountyResult, type MechanismResult, type ProvinceResult, type YearResult } from './results.ts';
import { CentralShareTable, RuleClasses } from './sharing/centralShare.ts';
import { DriverColumns } from './driverColumns.ts';
import { retainedFen } from './transfers/specialTransfers.ts';
import { equalization2011, type PreviousEqualization } from './transfers/equalization2011.ts';
import { basicFinancialGuarantee } from './transfers/basicFinancialGuarantee.ts';
import { poolTransfer } from './transfers/poolTransfer.ts';
import { ownStandardRevenueFen, rebatesAndSubsidiesFen, standardExpenditure } from './transfers/standardFiscal.ts';
import { GENERAL_MECHANISMS, ITEM_TIED_CLASSES, type GeneralMechanismId, type ItemTiedClass } from './transfers/mechanisms.ts';
import { countyBudget } from './budget/countyBudget.ts';
import type { CountyFiscalYear } from './budget/countyFiscalYear.ts';

export type { CountyFiscalYear };

/** What a year needs from the year before (growth control). */
export interface PreviousYear {
  readonly equalization: PreviousEqualization;
}

/** The previous-year input of the next year, from this year's result (same county order). */
export function previousYearOf(result: YearResult): PreviousYear {
  return {
    equalization: {
      province: new Map(result.provinces.map((p) => [p.provinceCode, p.centralAllocationFen])),
      county: result.counties.map((c) => c.equalizationFen + c.generalRetainedByMechanism.equalization),
    },
  };
}

const STAFF_DRIVER = 'fiscal_staff';

/** A record with one entry per general transfer. */
function byMechanism<T>(value: (m: GeneralMechanismId) => T): Record<GeneralMechanismId, T> {
  const out = {} as Record<GeneralMechanismId, T>;
  for (const m of GENERAL_MECHANISMS) out[m] = value(m);
  return out;
}

/** County c's central money for item-tied general transfers, by class (tied holds 3 a county). */
function itemTiedRecord(tied: Float64Array, c: number): Record<ItemTiedClass, number> {
  const out = {} as Record<ItemTiedClass, number>;
  ITEM_TIED_CLASSES.forEach((k, j) => (out[k] = tied[c * 3 + j]!));
  return out;
}

/** Per county, the sums over its items (fen): one column each. */
class CountySums {
  readonly cost: Float64Array;
  readonly central: Float64Array;
  readonly provincial: Float64Array;
  readonly prefecture: Float64Array;
  readonly county: Float64Array;
  readonly special: Float64Array;
  readonly retained: Float64Array;
  /** the county's share of items in the guarantee's 保民生 scope */
  readonly livelihood: Float64Array;
  /** central money of item-tied general transfers, 3 a county (ITEM_TIED_CLASSES) */
  readonly tied: Float64Array;
  constructor(n: number) {
    this.cost = new Float64Array(n);
    this.central = new Float64Array(n);
    this.provincial = new Float64Array(n);
    this.prefecture = new Float64Array(n);
    this.county = new Float64Array(n);
    this.special = new Float64Array(n);
    this.retained = new Float64Array(n);
    this.livelihood = new Float64Array(n);
    this.tied = new Float64Array(3 * n);
  }
}

export function runYear(counties: readonly County[], fiscal: readonly CountyFiscalYear[], params: YearParameters, previous?: PreviousYear): YearResult {
  if (fiscal.length !== counties.length) throw new RangeError('fiscal inputs and counties differ in length');
  const t = params.transfers;
  const n = counties.length;
  const nItems = params.items.length;
  const items = new ItemTable(n, nItems);
  const col = items.columns;
  const local: [number, number, number] = [0, 0, 0];
  // per item: its item-tied class (index into ITEM_TIED_CLASSES, −1 none) and whether it is in the guarantee's 保民生 scope
  const tiedClass = Int8Array.from(params.items, (item) => ITEM_TIED_CLASSES.findIndex((k) => t.itemTiedGeneral[k].includes(item.id)));
  const inScope = Uint8Array.from(params.items, (item) => (t.guarantee.scopeDomains.includes(item.domain) ? 1 : 0));
  const sums = new CountySums(n);

  // the per-cell loop reads typed columns: each item's driver, each county's basis factor, rule
  // class and local split, resolved once
  const drivers = new DriverColumns(counties);
  const itemDriver = params.items.map((item) => drivers.column(item.driver));
  const registered = params.basis === 'registered';
  const basisOf = registered ? Float64Array.from(counties, (county) => basisFactor(county, params.basis)) : undefined;
  const centralShares = new CentralShareTable(
    params.items.map((item) => item.rule),
    new RuleClasses(counties),
  );
  const eligibility = new EligibilityTable(params.items, counties);
  const retentionPpm = t.prefectureRetentionPpm;

  for (let c = 0; c < n; c++) {
    const county = counties[c]!;
    const split = params.localSplit(county.provinceCode);
    const direct = county.directlyManaged;
    const [s0, s1, s2] = direct ? split.directlyManaged : split.throughPrefecture;
    const basisF = basisOf ? basisOf[c]! : 1;
    let cost = 0, centralSum = 0, provincialSum = 0, prefectureSum = 0, countySum = 0, specialSum = 0, retainedSum = 0, livelihood = 0;
    let k = c * nItems;
    for (let i = 0; i < nItems; i++, k++) {
      const item = params.items[i]!;
      // beneficiaries: the product of beneficiaryFactors, in its order
      const driver = itemDriver[i]![c]!;
      if (Number.isNaN(driver) && !drivers.has(item.driver, c)) throw new RangeError(`county ${county.code} has no driver column ${item.driver} (item ${item.id})`);
      let beneficiaries = driver * valueFor(item.coverage, county);
      beneficiaries = eligibility.multiply(i, beneficiaries, c, county);
      if (registered && item.driver !== 'registered_pop') beneficiaries *= basisF;
      const costFen = costFenFor(county, item, params.basis, beneficiaries);
      const central = centralShares.fen(i, c, county, costFen, beneficiaries);
      splitThreeInto(local, costFen - central, s0, s1, s2);
      const provincial = local[0];
      const prefecture = local[1];
      const countyPart = local[2];
      const retained = direct ? 0 : takeShare(central + provincial, retentionPpm);
      const special = central + provincial - retained + prefecture;
      col.beneficiaries[k] = beneficiaries;
      col.costFen[k] = costFen;
      col.centralFen[k] = central;
      col.provincialFen[k] = provincial;
      col.prefectureFen[k] = prefecture;
      col.countyFen[k] = countyPart;
      col.specialFen[k] = special;
      col.retainedFen[k] = retained;
      cost += costFen;
      centralSum += central;
      provincialSum += provincial;
      prefectureSum += prefecture;
      countySum += countyPart;
      specialSum += special;
      retainedSum += retained;
      if (inScope[i]) livelihood += countyPart;
      const tied = tiedClass[i]!;
      if (tied >= 0) sums.tied[c * 3 + tied]! += central;
    }
    sums.cost[c] = cost;
    sums.central[c] = centralSum;
    sums.provincial[c] = provincialSum;
    sums.prefecture[c] = prefectureSum;
    sums.county[c] = countySum;
    sums.special[c] = specialSum;
    sums.retained[c] = retainedSum;
    sums.livelihood[c] = livelihood;
  }

  const eq = t.equalization;
  const basis = counties.map((county) => basisFactor(county, params.basis));
  const population = counties.map((county, c) => (county.drivers['resident_pop'] ?? 0) * basis[c]!);
  const staff = counties.map((county) => county.drivers[STAFF_DRIVER] ?? 0);
  const salaryFen = staff.map((x) => productToFen([x, t.guarantee.salaryStandard]));
  const runningFen = staff.map((x) => productToFen([x, t.guarantee.runningStandard]));
  const otherMandatedFen = population.map((x) => productToFen([x, t.otherMandatedPerResident]));
  const stdExp = counties.map((county, c) => standardExpenditure(county, eq, basis[c]));
  const ownStdRevenue = fiscal.map((f) => ownStandardRevenueFen(f, eq));
  const rebatesEtc = fiscal.map(rebatesAndSubsidiesFen);

  // a general transfer on its way to a county the prefecture manages may be partly kept there
  const received = byMechanism(() => new Array<number>(n).fill(0));
  const keptByPrefecture = byMechanism(() => new Array<number>(n).fill(0));
  const receive = (id: GeneralMechanismId, allocations: readonly number[], retain: boolean): void => {
    for (let c = 0; c < n; c++) {
      const a = allocations[c]!;
      const kept = retain ? retainedFen(counties[c]!, a, t.prefectureGeneralRetentionPpm) : 0;
      received[id][c] = a - kept;
      keptByPrefecture[id][c] = kept;
    }
  };
  const mechanisms: MechanismResult[] = [];
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

  // pool transfers, weighed where they say so by the standard gap before any of them
  const gapBeforePools = counties.map((_, c) => Math.max(0, stdExp[c]!.totalFen - ownStdRevenue[c]! - rebatesEtc[c]!));
  for (const m of t.pools) {
    const r = poolTransfer(counties, m, gapBeforePools);
    receive(m.id, r.toCountyFen, true);
    mechanisms.push({ id: m.id, poolFen: m.poolFen, provincialFen: 0, toCountiesFen: sum(r.toCountyFen), upperLevelFen: sum(r.upperLevelFen), prefectureRetainedFen: sum(keptByPrefecture[m.id]), unspentFen: r.unspentFen, eligibleCount: r.eligibleCount });
  }
  const poolsReceived = counties.map((_, c) => t.pools.reduce((a, m) => a + received[m.id][c]!, 0));

  // equalization by the 2011 formula
  const standardRevenueFen = counties.map((_, c) => ownStdRevenue[c]! + rebatesEtc[c]! + poolsReceived[c]!);
  const equalization = equalization2011(
    counties.map((county, c) => {
      return {
        provinceCode: county.provinceCode,
        standardExpenditureFen: stdExp[c]!.totalFen,
        standardRevenueFen: standardRevenueFen[c]!,
        ownRevenueFen: fiscal[c]!.ownRevenueFen,
        population: population[c]!,
        standardCostFen: sums.cost[c]!,
        ownBurdenFen: sums.cost[c]! - sums.special[c]!,
        otherSpendingFen: salaryFen[c]! + runningFen[c]! + otherMandatedFen[c]!,
        regionGroup: county.regionGroup,
      };
    }),
    eq,
    previous?.equalization,
    t.scheme,
  );
  receive('equalization', equalization.countyTransfersFen, true);
  mechanisms.push({
    id: 'equalization',
    poolFen: eq.poolFen,
    provincialFen: sum(equalization.provinces.map((p) => p.topUpFen)),
    toCountiesFen: sum(equalization.countyTransfersFen),
    upperLevelFen: sum(equalization.provinces.map((p) => p.centralAllocationFen - p.passedDownFen + p.returnedFen)),
    prefectureRetainedFen: sum(keptByPrefecture.equalization),
    unspentFen: equalization.unspentFen,
    eligibleCount: equalization.countyTransfersFen.filter((x) => x > 0).length,
  });

  // the guarantee, against resources before it; provinces close gaps within their budget room
  const room = new Map(equalization.provinces.map((p) => [p.provinceCode, p.capacityFen - p.topUpFen + p.returnedFen]));
  const resourcesBefore = counties.map((_, c) => fiscal[c]!.ownRevenueFen + rebatesEtc[c]! + poolsReceived[c]! + received.equalization[c]!);
  const guaranteeNeeds = counties.map((_, c) => salaryFen[c]! + runningFen[c]! + sums.livelihood[c]!);
  const guarantee = basicFinancialGuarantee(
    counties.map((county, c) => ({ provinceCode: county.provinceCode, needsFen: guaranteeNeeds[c]!, resourcesBeforeFen: resourcesBefore[c]!, awardBasisFen: guaranteeNeeds[c]! - fiscal[c]!.ownRevenueFen - rebatesEtc[c]! })),
    t.guarantee.closeRatePpm,
    t.guarantee.awardPoolFen,
    room,
  );
  receive('guarantee', guarantee.transferFen, false);
  mechanisms.push({
    id: 'guarantee',
    poolFen: t.guarantee.awardPoolFen,
    provincialFen: sum(guarantee.provinces.map((p) => p.provincialFen)),
    toCountiesFen: sum(guarantee.transferFen),
    upperLevelFen: sum(guarantee.provinces.map((p) => p.awardKeptFen)),
    prefectureRetainedFen: 0,
    unspentFen: guarantee.unspentAwardFen,
    eligibleCount: guarantee.transferFen.filter((x) => x > 0).length,
  });

  const countyResults = counties.map((_, c): CountyResult => {
    const f = fiscal[c]!;
    const generalByMechanismFen = byMechanism((m) => received[m][c]!);
    const generalRetainedByMechanism = byMechanism((m) => keptByPrefecture[m][c]!);
    const generalFen = GENERAL_MECHANISMS.reduce((a, m) => a + received[m][c]!, 0);
    const rebatesFen = f.rebateTwoTaxFen + f.rebateIncomeTaxFen + f.rebateOilFen;
    const account = countyBudget({
      standardCostFen: sums.cost[c]!,
      earmarkedFen: sums.special[c]!,
      salaryFen: salaryFen[c]!,
      runningFen: runningFen[c]!,
      otherMandatedFen: otherMandatedFen[c]!,
      ownRevenueFen: f.ownRevenueFen,
      rebatesFen,
      systemSubsidyFen: f.systemSubsidyFen,
      remittanceFen: f.remittanceFen,
      generalFen,
    });
    const itemTiedByClassFen = itemTiedRecord(sums.tied, c);
    return {
      countyIndex: c,
      population: population[c]!,
      standardCostFen: sums.cost[c]!,
      centralFen: sums.central[c]!,
      provincialFen: sums.provincial[c]!,
      prefectureFen: sums.prefecture[c]!,
      countyFen: sums.county[c]!,
      specialFen: sums.special[c]!,
      retainedFen: sums.retained[c]!,
      ownBurdenFen: account.ownBurdenFen,
      itemTiedGeneralFen: sums.tied[c * 3]! + sums.tied[c * 3 + 1]! + sums.tied[c * 3 + 2]!,
      itemTiedByClassFen,
      ownRevenueFen: f.ownRevenueFen,
      rebateTwoTaxFen: f.rebateTwoTaxFen,
      rebateIncomeTaxFen: f.rebateIncomeTaxFen,
      rebateOilFen: f.rebateOilFen,
      rebatesFen,
      systemSubsidyFen: f.systemSubsidyFen,
      remittanceFen: f.remittanceFen,
      generalByMechanismFen,
      generalRetainedByMechanism,
      equalizationFen: received.equalization[c]!,
      guaranteeFen: received.guarantee[c]!,
      generalFen,
      generalRetainedFen: GENERAL_MECHANISMS.reduce((a, m) => a + keptByPrefecture[m][c]!, 0),
      resourcesFen: account.resourcesFen,
      salaryFen: salaryFen[c]!,
      runningFen: runningFen[c]!,
      otherMandatedFen: otherMandatedFen[c]!,
      otherSpendingFen: account.otherSpendingFen,
      needsFen: account.needsFen,
      standardExpenditureFen: stdExp[c]!.totalFen,
      standardRevenueFen: standardRevenueFen[c]!,
      costCoefficient: stdExp[c]!.coefficient,
      guaranteeNeedsFen: guaranteeNeeds[c]!,
      guaranteeGapFen: guarantee.gapFen[c]!,
      guaranteeGapAfterFen: guarantee.gapAfterFen[c]!,
      gapFen: account.gapFen,
      planGapFen: account.planGapFen,
    };
  });

  const guaranteeByProvince = new Map(guarantee.provinces.map((g) => [g.provinceCode, g]));
  const provinces = equalization.provinces.map((p): ProvinceResult => {
    const g = guaranteeByProvince.get(p.provinceCode);
    return {
      provinceCode: p.provinceCode,
      standardExpenditureFen: p.standardExpenditureFen,
      standardRevenueFen: p.standardRevenueFen,
      gapFen: p.gapFen,
      difficulty: p.difficulty,
      centralAllocationFen: p.centralAllocationFen,
      centralCoefficient: p.centralCoefficient,
      passedDownFen: p.passedDownFen,
      capacityFen: p.capacityFen,
      provincialTopUpFen: p.topUpFen,
      poolFen: p.countyPoolFen,
      coefficient: p.countyCoefficient,
      returnedFen: p.returnedFen,
      guaranteeTargetFen: g?.targetFen ?? 0,
      guaranteeAwardFen: g?.awardFen ?? 0,
      guaranteeClosedFen: g?.closedFen ?? 0,
      guaranteeProvincialFen: g?.provincialFen ?? 0,
    };
  });

  return { year: params.year, items, counties: countyResults, provinces, centralCoefficient: equalization.centralCoefficient, mechanisms };
}




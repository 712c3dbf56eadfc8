/**
 * One year of the model over all counties, in the order money arrives:
 *   catalog cost → shares by level → earmarked transfers (less what prefectures keep)
 *   → pool transfers (ethnic, old-revolutionary, border, salary, rural tax reform, eco zones,
 *     resource-exhausted cities, grain counties) → equalization by the 2011 formula
 *   → the basic financial guarantee → the county budget account and its gap.
 * Pure: counties, their fiscal inputs and resolved parameters in; results out.
 */
import type { County } from './county.ts';
import { basisFactors } from './cost/beneficiaries.ts';
import { DriverColumns } from './driverColumns.ts';
import { CountySums, ItemCells } from './itemCells.ts';
import { product2ToFen } from './money.ts';
import type { YearParameters } from './parameters.ts';
import { CountyTable, ItemTable, type CountyResult, type MechanismResult, type ProvinceResult, type YearResult } from './results.ts';
import { retainedFen } from './transfers/specialTransfers.ts';
import { equalization2011, type PreviousEqualization } from './transfers/equalization2011.ts';
import { basicFinancialGuarantee } from './transfers/basicFinancialGuarantee.ts';
import { poolTransfer } from './transfers/poolTransfer.ts';
import { ownStandardRevenueFen, rebatesAndSubsidiesFen, standardExpenditures } from './transfers/standardFiscal.ts';
import { GENERAL_MECHANISMS, ITEM_TIED_CLASSES, type GeneralMechanismId } from './transfers/mechanisms.ts';
import { countyBudget } from './budget/countyBudget.ts';
import type { CountyFiscalYear } from './budget/countyFiscalYear.ts';
import { allocationFor, applyGivenAmounts, withHeldFigures, type FixedAllocations } from './transfers/fixedAllocations.ts';

export type { CountyFiscalYear };

/** What a year needs from the year before (growth control). */
export interface PreviousYear {
  readonly equalization: PreviousEqualization;
}

/** The previous-year input of the next year, from this year's result (same county order). */
export function previousYearOf(result: YearResult): PreviousYear {
  const received = result.countyTable.columns.equalizationFen;
  const kept = result.countyTable.generalRetainedByMechanism.equalization;
  return {
    equalization: {
      province: new Map(result.provinces.map((p) => [p.provinceCode, p.centralAllocationFen])),
      county: Array.from(received, (x, c) => x + kept[c]!),
    },
  };
}

const STAFF_DRIVER = 'fiscal_staff';

// two sums, one for arrays and one for typed columns, so that each reads one kind of array (a
// sum called with both would be deoptimized each time it met the other)
function sumOf(xs: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
}

function sumColumn(xs: Float64Array): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
}

/**
 * When the item rows are computed: 'full', with the county sums (one pass); 'on-demand', the
 * sums alone now and the rows the first time they are read (ItemTable), a second pass over the
 * same cells: what a caller that reads no item rows, or one county's, saves.
 */
export type ItemRows = 'full' | 'on-demand';

export interface RunYearOptions {
  /** default 'full' */
  readonly items?: ItemRows;
}

/**
 * @param drivers the counties' drivers as typed columns (a projection gives them; read from the
 *   county objects when not given)
 * @param fixed allocations held at another run, and amounts counties' figures give (fixedAllocations.ts)
 */
export function runYear(counties: readonly County[], fiscal: readonly CountyFiscalYear[], params: YearParameters, previous?: PreviousYear, drivers: DriverColumns = new DriverColumns(counties), fixed?: FixedAllocations, options: RunYearOptions = {}): YearResult {
  if (fiscal.length !== counties.length) throw new RangeError('fiscal inputs and counties differ in length');
  const t = params.transfers;
  const n = counties.length;
  const nItems = params.items.length;
  const cells = new ItemCells(counties, params, drivers);
  const sums = new CountySums(n);
  let items: ItemTable;
  if (options.items === 'on-demand') {
    cells.run(0, n, sums, undefined);
    items = new ItemTable(n, nItems, { filler: (from, to, out) => cells.run(from, to, undefined, out), exactMoney: sums.exactMoney });
  } else {
    const columns = ItemTable.emptyColumns(n * nItems);
    cells.run(0, n, sums, columns);
    items = new ItemTable(n, nItems, { columns, exactMoney: sums.exactMoney });
  }

  const eq = t.equalization;
  const basis = basisFactors(drivers, params.basis);
  const residents = drivers.orZero('resident_pop');
  // per-county figures as typed columns: one element kind whatever the values (an array of small
  // integers one year and of doubles the next would deoptimize the code that reads it)
  const column = (f: (c: number) => number): Float64Array => {
    const out = new Float64Array(n);
    for (let c = 0; c < n; c++) out[c] = f(c);
    return out;
  };
  const population = column((c) => residents[c]! * basis[c]!);
  const staff = drivers.orZero(STAFF_DRIVER);
  const salaryFen = column((c) => product2ToFen(staff[c]!, t.guarantee.salaryStandard));
  const runningFen = column((c) => product2ToFen(staff[c]!, t.guarantee.runningStandard));
  const otherMandatedFen = column((c) => product2ToFen(population[c]!, t.otherMandatedPerResident));
  const stdExp = standardExpenditures(counties, drivers, eq, basis);
  const ownStdRevenue = column((c) => ownStandardRevenueFen(fiscal[c]!, eq));
  const rebatesEtc = column((c) => rebatesAndSubsidiesFen(fiscal[c]!));

  // a general transfer on its way to a county the prefecture manages may be partly kept there;
  // written straight into the year's county table
  const table = new CountyTable(n, GENERAL_MECHANISMS, ITEM_TIED_CLASSES);
  const received = table.generalByMechanismFen;
  const keptByPrefecture = table.generalRetainedByMechanism;
  const receive = (id: GeneralMechanismId, formulaAllocations: readonly number[], retain: boolean): void => {
    const allocations = allocationFor(fixed, id, formulaAllocations);
    const to = received[id];
    const keptBy = keptByPrefecture[id];
    for (let c = 0; c < n; c++) {
      const a = allocations[c]!;
      const kept = retain ? retainedFen(counties[c]!, a, t.prefectureGeneralRetentionPpm) : 0;
      to[c] = a - kept;
      keptBy[c] = kept;
    }
    applyGivenAmounts(fixed, id, to);
  };
  const mechanisms: MechanismResult[] = [];

  // pool transfers, weighed where they say so by the standard gap before any of them
  const gapBeforePools = column((c) => Math.max(0, stdExp.totalFen[c]! - ownStdRevenue[c]! - rebatesEtc[c]!));
  for (const m of t.pools) {
    const r = poolTransfer(counties, m, gapBeforePools, drivers);
    receive(m.id, r.toCountyFen, true);
    mechanisms.push({ id: m.id, poolFen: m.poolFen, provincialFen: 0, toCountiesFen: sumOf(r.toCountyFen), upperLevelFen: sumOf(r.upperLevelFen), prefectureRetainedFen: sumColumn(keptByPrefecture[m.id]), unspentFen: r.unspentFen, eligibleCount: r.eligibleCount });
  }
  const poolColumns = t.pools.map((m) => received[m.id]);
  const poolsReceived = column((c) => poolColumns.reduce((a, received) => a + received[c]!, 0));

  // equalization by the 2011 formula
  const standardRevenueFen = column((c) => ownStdRevenue[c]! + rebatesEtc[c]! + poolsReceived[c]!);
  const equalization = equalization2011(
    counties.map((county, c) => {
      return {
        provinceCode: county.provinceCode,
        standardExpenditureFen: stdExp.totalFen[c]!,
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
    provincialFen: sumOf(equalization.provinces.map((p) => p.topUpFen)),
    toCountiesFen: sumOf(equalization.countyTransfersFen),
    upperLevelFen: sumOf(equalization.provinces.map((p) => p.centralAllocationFen - p.passedDownFen + p.returnedFen)),
    prefectureRetainedFen: sumColumn(keptByPrefecture.equalization),
    unspentFen: equalization.unspentFen,
    eligibleCount: equalization.countyTransfersFen.filter((x) => x > 0).length,
  });

  // the guarantee, against resources before it; provinces close gaps within their budget room
  const room = new Map(equalization.provinces.map((p) => [p.provinceCode, p.capacityFen - p.topUpFen + p.returnedFen]));
  const resourcesBefore = column((c) => fiscal[c]!.ownRevenueFen + rebatesEtc[c]! + poolsReceived[c]! + received.equalization[c]!);
  const guaranteeNeeds = column((c) => salaryFen[c]! + runningFen[c]! + sums.livelihood[c]!);
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
    provincialFen: sumOf(guarantee.provinces.map((p) => p.provincialFen)),
    toCountiesFen: sumOf(guarantee.transferFen),
    upperLevelFen: sumOf(guarantee.provinces.map((p) => p.awardKeptFen)),
    prefectureRetainedFen: 0,
    unspentFen: guarantee.unspentAwardFen,
    eligibleCount: guarantee.transferFen.filter((x) => x > 0).length,
  });

  writeCountyRows(table, fiscal, sums, { population, salaryFen, runningFen, otherMandatedFen, standardRevenueFen, guaranteeNeeds, standardExpenditureFen: stdExp.totalFen, costCoefficient: stdExp.coefficient, guaranteeGapFen: guarantee.gapFen, guaranteeGapAfterFen: guarantee.gapAfterFen }, fixed !== undefined);

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

  let rows: readonly CountyResult[] | undefined;
  const result: YearResult = {
    year: params.year,
    items,
    get counties(): readonly CountyResult[] {
      return (rows ??= table.rows());
    },
    countyTable: table,
    provinces,
    centralCoefficient: equalization.centralCoefficient,
    mechanisms,
  };
  return withHeldFigures(result, fixed);
}

/** Per-county figures of a year that its county rows copy (same county order). */
interface CountyFigures {
  readonly population: Float64Array;
  readonly salaryFen: Float64Array;
  readonly runningFen: Float64Array;
  readonly otherMandatedFen: Float64Array;
  readonly standardRevenueFen: Float64Array;
  readonly guaranteeNeeds: Float64Array;
  readonly standardExpenditureFen: Float64Array;
  readonly costCoefficient: Float64Array;
  readonly guaranteeGapFen: readonly number[];
  readonly guaranteeGapAfterFen: readonly number[];
}

/**
 * Each county's budget account, written with its other figures into the year's county table
 * (whose general-transfer columns are already filled). A function of its own, so that runYear
 * stays small enough to be optimized quickly, and each is recompiled alone if need be.
 * @param amountsFixed whether allocations were held or amounts given (the guarantee gap after
 *   is then the gap less what the county received)
 */
function writeCountyRows(table: CountyTable, fiscal: readonly CountyFiscalYear[], sums: CountySums, figures: CountyFigures, amountsFixed: boolean): void {
  const n = table.length;
  const col = table.columns;
  const received = table.generalByMechanismFen;
  const keptByPrefecture = table.generalRetainedByMechanism;
  const { population, salaryFen, runningFen, otherMandatedFen, standardRevenueFen, guaranteeNeeds } = figures;
  const receivedColumns = GENERAL_MECHANISMS.map((m) => received[m]);
  const keptColumns = GENERAL_MECHANISMS.map((m) => keptByPrefecture[m]);
  ITEM_TIED_CLASSES.forEach((k, j) => {
    const out = table.itemTiedByClassFen[k];
    for (let c = 0; c < n; c++) out[c] = sums.tied[c * 3 + j]!;
  });
  for (let c = 0; c < n; c++) {
    const f = fiscal[c]!;
    let generalFen = 0;
    let generalRetainedFen = 0;
    for (let j = 0; j < receivedColumns.length; j++) {
      generalFen += receivedColumns[j]![c]!;
      generalRetainedFen += keptColumns[j]![c]!;
    }
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
    col.population[c] = population[c]!;
    col.standardCostFen[c] = sums.cost[c]!;
    col.centralFen[c] = sums.central[c]!;
    col.provincialFen[c] = sums.provincial[c]!;
    col.prefectureFen[c] = sums.prefecture[c]!;
    col.countyFen[c] = sums.county[c]!;
    col.specialFen[c] = sums.special[c]!;
    col.retainedFen[c] = sums.retained[c]!;
    col.ownBurdenFen[c] = account.ownBurdenFen;
    col.itemTiedGeneralFen[c] = sums.tied[c * 3]! + sums.tied[c * 3 + 1]! + sums.tied[c * 3 + 2]!;
    col.ownRevenueFen[c] = f.ownRevenueFen;
    col.rebateTwoTaxFen[c] = f.rebateTwoTaxFen;
    col.rebateIncomeTaxFen[c] = f.rebateIncomeTaxFen;
    col.rebateOilFen[c] = f.rebateOilFen;
    col.rebatesFen[c] = rebatesFen;
    col.systemSubsidyFen[c] = f.systemSubsidyFen;
    col.remittanceFen[c] = f.remittanceFen;
    col.equalizationFen[c] = received.equalization[c]!;
    col.guaranteeFen[c] = received.guarantee[c]!;
    col.generalFen[c] = generalFen;
    col.generalRetainedFen[c] = generalRetainedFen;
    col.resourcesFen[c] = account.resourcesFen;
    col.salaryFen[c] = salaryFen[c]!;
    col.runningFen[c] = runningFen[c]!;
    col.otherMandatedFen[c] = otherMandatedFen[c]!;
    col.otherSpendingFen[c] = account.otherSpendingFen;
    col.needsFen[c] = account.needsFen;
    col.standardExpenditureFen[c] = figures.standardExpenditureFen[c]!;
    col.standardRevenueFen[c] = standardRevenueFen[c]!;
    col.costCoefficient[c] = figures.costCoefficient[c]!;
    col.guaranteeNeedsFen[c] = guaranteeNeeds[c]!;
    col.guaranteeGapFen[c] = figures.guaranteeGapFen[c]!;
    col.guaranteeGapAfterFen[c] = amountsFixed ? Math.max(0, figures.guaranteeGapFen[c]! - received.guarantee[c]!) : figures.guaranteeGapAfterFen[c]!;
    col.gapFen[c] = account.gapFen;
    col.planGapFen[c] = account.planGapFen;
  }
}

/**
 * The county × item cells of one year, the hot loop of the model: for each county and item,
 * beneficiaries → cost (rounded once to the fen) → central share by the item's rule → the local
 * rest split province : prefecture : county → the earmarked money received and what the
 * prefecture keeps; written to the item table, with each county's sums.
 *
 * Every input is resolved before the loop: drivers as typed columns, each rule once per class of
 * county, eligibility factors, each county's local split. Inside it, no call returns a
 * floating-point number that V8 would have to box: costs round and shares are taken inline
 * (slow paths, such as a cost at a half-fen, call the same functions as before). The results are
 * those of beneficiaryCount, costFenFor, centralShareFen, splitLocal and retainedFen cell by cell.
 */
import type { County } from './county.ts';
import { exactCostFen } from './cost/itemCost.ts';
import { basisFactors, beneficiaryFactorsOf, EligibilityTable } from './cost/beneficiaries.ts';
import { nearHalfFen, PPM, roundYuanToFen, splitThreeInto } from './money.ts';
import type { YearParameters } from './parameters.ts';
import type { ItemTable } from './results.ts';
import { CentralShareTable, RuleClasses } from './sharing/centralShare.ts';
import { DriverColumns } from './driverColumns.ts';
import { ITEM_TIED_CLASSES } from './transfers/mechanisms.ts';

/** Per county, the sums over its items (fen): one column each. */
export class CountySums {
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

/** amount × ppm ÷ PPM rounded half up (takeShare of money.ts, written out so that it inlines). */
function share(amount: number, ppm: number): number {
  const hi = Math.floor(amount / PPM);
  const loProduct = (amount - hi * PPM) * ppm;
  const loFloor = Math.floor(loProduct / PPM);
  const floor = hi * ppm + loFloor;
  return (loProduct - loFloor * PPM) * 2 >= PPM ? floor + 1 : floor;
}

/** Fill `items` (county-major, catalog order) and return each county's sums over its items. */
export function itemCells(counties: readonly County[], params: YearParameters, items: ItemTable, drivers: DriverColumns = new DriverColumns(counties)): CountySums {
  const n = counties.length;
  const nItems = params.items.length;
  const t = params.transfers;
  const col = items.columns;
  const local: [number, number, number] = [0, 0, 0];
  // per item: its item-tied class (index into ITEM_TIED_CLASSES, −1 none) and whether it is in the guarantee's 保民生 scope
  const tiedClass = Int8Array.from(params.items, (item) => ITEM_TIED_CLASSES.findIndex((k) => t.itemTiedGeneral[k].includes(item.id)));
  const inScope = Uint8Array.from(params.items, (item) => (t.guarantee.scopeDomains.includes(item.domain) ? 1 : 0));
  // per item: its coverage and annual standard when they are numbers (else a value per county)
  const coverageOf = Float64Array.from(params.items, (item) => (typeof item.coverage === 'number' ? item.coverage : 0));
  const coveragePerCounty = Uint8Array.from(params.items, (item) => (typeof item.coverage === 'number' ? 0 : 1));
  const standardOf = Float64Array.from(params.items, (item) => (typeof item.annualStandard === 'number' ? item.annualStandard : 0));
  const standardPerCounty = Uint8Array.from(params.items, (item) => (typeof item.annualStandard === 'number' ? 0 : 1));
  const sums = new CountySums(n);
  const itemDriver = params.items.map((item) => drivers.column(item.driver));
  const registered = params.basis === 'registered';
  const basisOf = registered ? basisFactors(drivers, params.basis) : undefined;
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
    const costIndex = county.costIndex;
    let cost = 0, centralSum = 0, provincialSum = 0, prefectureSum = 0, countySum = 0, specialSum = 0, retainedSum = 0, livelihood = 0;
    let k = c * nItems;
    for (let i = 0; i < nItems; i++, k++) {
      const item = params.items[i]!;
      // beneficiaries: the product of beneficiaryFactors, in its order
      const driver = itemDriver[i]![c]!;
      if (Number.isNaN(driver) && !drivers.has(item.driver, c)) throw new RangeError(`county ${county.code} has no driver column ${item.driver} (item ${item.id})`);
      let beneficiaries = driver * (coveragePerCounty[i] ? (item.coverage as (county: County) => number)(county) : coverageOf[i]!);
      beneficiaries = eligibility.multiply(i, beneficiaries, c, county);
      if (registered && item.driver !== 'registered_pop') beneficiaries *= basisF;
      // cost: as costFenFor, which handles a half-fen (the factors as beneficiaryFactors gives them, read from the columns)
      const standard = standardPerCounty[i] ? (item.annualStandard as (county: County) => number)(county) : standardOf[i]!;
      const yuan = beneficiaries * standard * costIndex;
      const costFen = nearHalfFen(yuan) ? exactCostFen(county, item, beneficiaryFactorsOf(driver, county, item, basisF, params.basis), standard) : roundYuanToFen(yuan);
      // central share: as centralShareFen
      const rule = centralShares.entry(i, c, county);
      const central = centralShares.isNothing(rule) ? 0 : centralShares.isShare(rule) ? share(costFen, centralShares.sharePpm(rule)) : centralShares.fixedFen(rule, costFen, beneficiaries);
      splitThreeInto(local, costFen - central, s0, s1, s2);
      const provincial = local[0];
      const prefecture = local[1];
      const countyPart = local[2];
      const retained = direct ? 0 : share(central + provincial, retentionPpm);
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
  return sums;
}

/**
 * The county × item cells of one year, the hot loop of the model: for each county and item,
 * beneficiaries → cost (rounded once to the fen) → central share by the item's rule → the local
 * rest split province : prefecture : county → the earmarked money received and what the
 * prefecture keeps; written to the item table, with each county's sums.
 *
 * Every input is resolved once, when the cells are prepared (ItemCells): drivers as typed
 * columns, each rule once per class of county, eligibility factors. Inside the loop, no call
 * returns a floating-point number that V8 would have to box: costs round, shares are taken and
 * the local rest is split inline (slow paths, such as a cost at a half-fen or a negative amount
 * to split, call the same functions as before). The results are those of beneficiaryCount,
 * costFenFor, centralShareFen, splitLocal and retainedFen cell by cell.
 *
 * The same loop runs in two modes: with the sums only (what the rest of the year needs: no item
 * table is written), and filling the item table for a range of counties. Both compute every cell
 * alike, so the table filled later holds exactly the cells the sums were taken from.
 */
import type { County } from './county.ts';
import { exactCostFen } from './cost/itemCost.ts';
import { basisFactors, eligibilityValue, EligibilityTable } from './cost/beneficiaries.ts';
import { exactProductToFen, PPM, splitThreeInto } from './money.ts';
import { valueFor, type ItemParameters, type RuleParameters, type YearParameters } from './parameters.ts';
import { float64Columns, type ItemColumns, type ItemTable } from './results.ts';
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
  /** whether every money figure of every cell is an exact number of fen (a safe integer) */
  exactMoney = true;
  constructor(n: number) {
    const c = float64Columns(['cost', 'central', 'provincial', 'prefecture', 'county', 'special', 'retained', 'livelihood'], n);
    this.cost = c.cost;
    this.central = c.central;
    this.provincial = c.provincial;
    this.prefecture = c.prefecture;
    this.county = c.county;
    this.special = c.special;
    this.retained = c.retained;
    this.livelihood = c.livelihood;
    this.tied = new Float64Array(3 * n);
  }
}

/** PPM of money.ts held in this module (the loop reads it as a constant). */
const PARTS = PPM;
/** Fen in a yuan (FEN_PER_YUAN of money.ts). */
const FEN_PER_YUAN = 100;

/** 1 / PPM, rounded to a double. */
const INV_PARTS = 1 / PARTS;
/** Integers below this in magnitude take floorByParts; larger ones are divided. */
const BY_PARTS_LIMIT = 2 ** 52;

/**
 * Math.floor(x / PPM) for an integer x with |x| < 2^52, by a multiplication instead of a
 * division (the loop's costliest operation). Proof: x × INV_PARTS is within a relative 2^-52
 * (two roundings) of x / PPM, an absolute error below 2^52 / 10^6 × 2^-52 = 10^-6 < 1, so its
 * floor q is ⌊x / PPM⌋ − 1, ⌊x / PPM⌋ or ⌊x / PPM⌋ + 1. q × PPM is then at most |x| + PPM < 2^53
 * in magnitude, an exact integer, and r = x − q × PPM is exact; r < 0 means q is one too many,
 * r ≥ PPM one too few. Math.floor(x / PPM) is the same exact floor: for a safe integer x the
 * correctly rounded quotient cannot reach the next integer (at least 10^-6 away, more than half
 * its spacing). The loop's amounts are integers (costs are rounded to the fen; every other
 * figure is taken from them in integers). Checked against Math.floor(x / PPM) by a property test.
 */
export function floorByParts(x: number): number {
  const q = Math.floor(x * INV_PARTS);
  const r = x - q * PARTS;
  return r < 0 ? q - 1 : r >= PARTS ? q + 1 : q;
}

/**
 * amount × ppm ÷ PPM rounded half up (takeShare of money.ts, written out so that it inlines, its
 * floors taken by floorByParts where the amount allows: the same integers).
 */
export function share(amount: number, ppm: number): number {
  const hi = amount < BY_PARTS_LIMIT && amount > -BY_PARTS_LIMIT ? floorByParts(amount) : Math.floor(amount / PARTS);
  const loProduct = (amount - hi * PARTS) * ppm; // an integer in [0, 10^12): within floorByParts' range
  const loFloor = floorByParts(loProduct);
  const floor = hi * ppm + loFloor;
  return (loProduct - loFloor * PARTS) * 2 >= PARTS ? floor + 1 : floor;
}

/**
 * The cells of one year, prepared once for its counties, parameters and drivers; `run` computes
 * the cells of a range of counties, with their sums, their item rows, or both.
 */
export class ItemCells {
  private readonly items: readonly ItemParameters[];
  private readonly tiedClass: Int8Array;
  private readonly inScope: Uint8Array;
  private readonly coverageOf: Float64Array;
  private readonly standardOf: Float64Array;
  /** per item: whether the registered-population basis moves its driver */
  private readonly basisMoves: Uint8Array;
  private readonly itemDriver: readonly Float64Array[];
  private readonly basisOf: Float64Array | undefined;
  private readonly centralShares: CentralShareTable;
  private readonly eligibility: EligibilityTable;
  /**
   * Values given by formulas of the county, computed once per county (county-major, `formulaSlots`
   * a county): per item, the slot of its coverage and of its annual standard where they are
   * formulas (−1: a number), and of its first eligibility factor where one of them is (its
   * factors then take consecutive slots, each as eligibilityValue gives it). The item loop reads
   * these rather than calling the formulas, so that it calls nothing that reads county objects.
   */
  private readonly coverageSlot: Int32Array;
  private readonly standardSlot: Int32Array;
  private readonly eligibilitySlot: Int32Array;
  private readonly formulaSlots: number;
  private readonly formulaValues: Float64Array;
  /**
   * Per county, read once from the county objects (so that the item loop reads no county object,
   * whose shapes may differ): its local split (3 a county, province, prefecture, county, in ppm),
   * whether it is directly managed, and its cost index.
   */
  private readonly splitOf: Float64Array;
  private readonly directOf: Uint8Array;
  private readonly costIndexOf: Float64Array;

  constructor(
    readonly counties: readonly County[],
    readonly params: YearParameters,
    readonly drivers: DriverColumns = new DriverColumns(counties),
  ) {
    const t = params.transfers;
    const items = (this.items = params.items);
    // per item: its item-tied class (index into ITEM_TIED_CLASSES, −1 none) and whether it is in the guarantee's 保民生 scope
    this.tiedClass = Int8Array.from(items, (item) => ITEM_TIED_CLASSES.findIndex((k) => t.itemTiedGeneral[k].includes(item.id)));
    this.inScope = Uint8Array.from(items, (item) => (t.guarantee.scopeDomains.includes(item.domain) ? 1 : 0));
    // per item: its coverage and annual standard when they are numbers (else a value per county)
    this.coverageOf = Float64Array.from(items, (item) => (typeof item.coverage === 'number' ? item.coverage : 0));
    this.standardOf = Float64Array.from(items, (item) => (typeof item.annualStandard === 'number' ? item.annualStandard : 0));
    const registered = params.basis === 'registered';
    this.basisMoves = Uint8Array.from(items, (item) => (registered && item.driver !== 'registered_pop' ? 1 : 0));
    // pushed into new arrays (not mapped): packed arrays whatever the kind of `items`, so that
    // the loop reading them meets one kind of array every year (else it is deoptimized)
    const itemDriver: Float64Array[] = [];
    const rules: RuleParameters[] = [];
    for (const item of items) {
      itemDriver.push(drivers.column(item.driver));
      rules.push(item.rule);
    }
    this.itemDriver = itemDriver;
    this.basisOf = registered ? basisFactors(drivers, params.basis) : undefined;
    this.centralShares = new CentralShareTable(rules, new RuleClasses(counties));
    this.eligibility = new EligibilityTable(items, counties);
    const n = counties.length;
    let slots = 0;
    this.coverageSlot = Int32Array.from(items, (item) => (typeof item.coverage === 'number' ? -1 : slots++));
    this.eligibilitySlot = Int32Array.from(items, (item, i) => {
      if (!this.eligibility.formula[i]) return -1;
      const first = slots;
      slots += item.eligibility.length;
      return first;
    });
    this.standardSlot = Int32Array.from(items, (item) => (typeof item.annualStandard === 'number' ? -1 : slots++));
    this.formulaSlots = slots;
    this.formulaValues = new Float64Array(slots * n);
    if (slots > 0) {
      const withFormulas: number[] = [];
      for (let i = 0; i < items.length; i++) if (this.coverageSlot[i]! >= 0 || this.eligibilitySlot[i]! >= 0 || this.standardSlot[i]! >= 0) withFormulas.push(i);
      this.computeFormulas(withFormulas);
    }
    this.splitOf = new Float64Array(3 * n);
    this.directOf = new Uint8Array(n);
    this.costIndexOf = new Float64Array(n);
    const splits = new Map<string, ReturnType<YearParameters['localSplit']>>();
    for (let c = 0; c < n; c++) {
      const county = counties[c]!;
      let split = splits.get(county.provinceCode);
      if (split === undefined) splits.set(county.provinceCode, (split = params.localSplit(county.provinceCode)));
      const direct = county.directlyManaged;
      const parts = direct ? split.directlyManaged : split.throughPrefecture;
      this.splitOf[3 * c] = parts[0];
      this.splitOf[3 * c + 1] = parts[1];
      this.splitOf[3 * c + 2] = parts[2];
      this.directOf[c] = direct ? 1 : 0;
      this.costIndexOf[c] = county.costIndex;
    }
  }

  /** formulaValues, county by county, each item's formulas in the order the cell computes them (`indices`: the items that have one, in catalog order). */
  private computeFormulas(indices: readonly number[]): void {
    const { counties, items, coverageSlot, eligibilitySlot, standardSlot, formulaSlots, formulaValues } = this;
    for (let c = 0; c < counties.length; c++) {
      const county = counties[c]!;
      const base = c * formulaSlots;
      for (const i of indices) {
        const item = items[i]!;
        if (coverageSlot[i]! >= 0) formulaValues[base + coverageSlot[i]!] = valueFor(item.coverage, county);
        const first = eligibilitySlot[i]!;
        if (first >= 0) for (let j = 0; j < item.eligibility.length; j++) formulaValues[base + first + j] = eligibilityValue(item.eligibility[j]!, county);
        if (standardSlot[i]! >= 0) formulaValues[base + standardSlot[i]!] = valueFor(item.annualStandard, county);
      }
    }
  }

  /**
   * The factors of beneficiaryFactorsOf for item i in county c (the same values, in its order),
   * read from the tables: the loop's exact cost takes them without reading the item object.
   */
  private factorsOf(i: number, c: number, driver: number, basisF: number): number[] {
    const { coverageSlot, coverageOf, eligibilitySlot, formulaSlots, formulaValues, basisMoves, eligibility } = this;
    const coverageAt = coverageSlot[i]!;
    const factors = [driver, coverageAt < 0 ? coverageOf[i]! : formulaValues[c * formulaSlots + coverageAt]!];
    const count = eligibility.count[i]!;
    const formulaAt = eligibilitySlot[i]!;
    for (let j = 0; j < count; j++) {
      if (formulaAt >= 0) factors.push(formulaValues[c * formulaSlots + formulaAt + j]!);
      else {
        const k = eligibility.start[i]! + j;
        const bit = eligibility.bit[k]!;
        factors.push(bit === 0 || (eligibility.flags[c]! & bit) !== 0 ? eligibility.withFlag[k]! : eligibility.withoutFlag[k]!);
      }
    }
    if (basisMoves[i]) factors.push(basisF);
    return factors;
  }

  /**
   * The cells of counties [from, to): each county's sums written to `sums` (indexed by county)
   * when given, its item rows to `out` when given (row 0 of `out` is county `from`'s first item).
   */
  run(from: number, to: number, sums: CountySums | undefined, out: ItemColumns | undefined): void {
    const { counties, params, drivers, items, tiedClass, inScope, coverageOf, coverageSlot, standardOf, standardSlot, eligibilitySlot, formulaSlots, formulaValues, basisMoves, itemDriver, basisOf, centralShares, eligibility, splitOf, directOf, costIndexOf } = this;
    const nItems = items.length;
    const retentionPpm = params.transfers.prefectureRetentionPpm;
    const local: [number, number, number] = [0, 0, 0];
    const store = out !== undefined;
    const beneficiariesOut = out?.beneficiaries;
    const costOut = out?.costFen;
    const centralOut = out?.centralFen;
    const provincialOut = out?.provincialFen;
    const prefectureOut = out?.prefectureFen;
    const countyOut = out?.countyFen;
    const specialOut = out?.specialFen;
    const retainedOut = out?.retainedFen;
    const tiedSums = sums?.tied;
    const { start: eligibilityStart, count: eligibilityCount, bit: eligibilityBit, withFlag, withoutFlag, flags } = eligibility;
    let exact = true;

    for (let c = from; c < to; c++) {
      const county = counties[c]!;
      const s0 = splitOf[3 * c]!, s1 = splitOf[3 * c + 1]!, s2 = splitOf[3 * c + 2]!;
      const direct = directOf[c] === 1;
      const basisF = basisOf ? basisOf[c]! : 1;
      const costIndex = costIndexOf[c]!;
      const countyFlags = flags[c]!;
      let cost = 0, centralSum = 0, provincialSum = 0, prefectureSum = 0, countySum = 0, specialSum = 0, retainedSum = 0, livelihood = 0;
      let k = (c - from) * nItems;
      for (let i = 0; i < nItems; i++, k++) {
        // beneficiaries: the product of beneficiaryFactors, in its order
        const driver = itemDriver[i]![c]!;
        if (Number.isNaN(driver) && !drivers.has(items[i]!.driver, c)) throw new RangeError(`county ${county.code} has no driver column ${items[i]!.driver} (item ${items[i]!.id})`);
        const coverageAt = coverageSlot[i]!;
        let beneficiaries = driver * (coverageAt < 0 ? coverageOf[i]! : formulaValues[c * formulaSlots + coverageAt]!);
        // eligibility: EligibilityTable.multiply written out (a call would return a boxed number)
        const factors = eligibilityCount[i]!;
        if (factors !== 0) {
          const formulaAt = eligibilitySlot[i]!;
          if (formulaAt >= 0) {
            for (let j = c * formulaSlots + formulaAt, end = j + factors; j < end; j++) beneficiaries *= formulaValues[j]!;
          } else {
            for (let j = eligibilityStart[i]!, end = j + factors; j < end; j++) {
              const bit = eligibilityBit[j]!;
              beneficiaries *= bit === 0 || (countyFlags & bit) !== 0 ? withFlag[j]! : withoutFlag[j]!;
            }
          }
        }
        if (basisMoves[i]) beneficiaries *= basisF;
        // cost: as costFenFor, which handles a half-fen (the factors as beneficiaryFactors gives them, read from the columns)
        const standardAt = standardSlot[i]!;
        const standard = standardAt < 0 ? standardOf[i]! : formulaValues[c * formulaSlots + standardAt]!;
        const yuan = beneficiaries * standard * costIndex;
        // nearHalfFen and roundYuanToFen of money.ts written out, the same expressions (a call
        // the compiler does not inline passes and returns its doubles boxed, an allocation a cell)
        const absFen = Math.abs(yuan * FEN_PER_YUAN);
        const frac = absFen - Math.floor(absFen);
        let costFen: number;
        if (!(Math.abs(frac - 0.5) > Math.max(1e-9, absFen * 1e-12) && absFen < 2 ** 52)) {
          costFen = exactCostFen(county, items[i]!, this.factorsOf(i, c, driver, basisF), standard);
        } else {
          const v = yuan * FEN_PER_YUAN;
          const fen = v < 0 ? -Math.floor(-v + 0.5) : Math.floor(v + 0.5);
          costFen = fen === 0 ? 0 : fen;
        }
        // central share: as centralShareFen
        const rule = centralShares.entry(i, c, county);
        let central = 0;
        if (centralShares.isShare(rule)) {
          // share(costFen, ppm) written out (see share)
          const ppm = centralShares.sharePpm(rule);
          let hi: number;
          if (costFen < BY_PARTS_LIMIT && costFen > -BY_PARTS_LIMIT) {
            hi = Math.floor(costFen * INV_PARTS);
            const r = costFen - hi * PARTS;
            hi = r < 0 ? hi - 1 : r >= PARTS ? hi + 1 : hi;
          } else hi = Math.floor(costFen / PARTS);
          const loProduct = (costFen - hi * PARTS) * ppm;
          let loFloor = Math.floor(loProduct * INV_PARTS);
          const loRest = loProduct - loFloor * PARTS;
          loFloor = loRest < 0 ? loFloor - 1 : loRest >= PARTS ? loFloor + 1 : loFloor;
          const floor = hi * ppm + loFloor;
          central = (loProduct - loFloor * PARTS) * 2 >= PARTS ? floor + 1 : floor;
        } else if (!centralShares.isNothing(rule)) {
          // fixedFen: min(cost, product2ToFen(beneficiaries, amount)) written out, the same expressions
          const amount = centralShares.fixedAmount(rule);
          const fixedYuan = (FEN_PER_YUAN * beneficiaries * amount) / FEN_PER_YUAN;
          const fixedAbs = Math.abs(fixedYuan * FEN_PER_YUAN);
          const fixedFrac = fixedAbs - Math.floor(fixedAbs);
          let fixedFen: number;
          if (!(Math.abs(fixedFrac - 0.5) > Math.max(1e-9, fixedAbs * 1e-12) && fixedAbs < 2 ** 52)) fixedFen = exactProductToFen([beneficiaries, amount], 'amount');
          else {
            const v = fixedYuan * FEN_PER_YUAN;
            const fen = v < 0 ? -Math.floor(-v + 0.5) : Math.floor(v + 0.5);
            fixedFen = fen === 0 ? 0 : fen;
          }
          central = Math.min(costFen, fixedFen);
        }
        // the local rest: splitThreeInto written out for an amount in [0, 2^52) (the same steps), called otherwise
        const rest = costFen - central;
        let provincial: number, prefecture: number, countyPart: number;
        if (rest >= 0 && rest < BY_PARTS_LIMIT && s0 + s1 + s2 === PARTS) {
          // the floors by floorByParts (the same integers as dividing: rest < 2^52, each product < 10^12)
          // floorByParts written out, each floor corrected as it corrects
          let hi = Math.floor(rest * INV_PARTS);
          const hiRest = rest - hi * PARTS;
          hi = hiRest < 0 ? hi - 1 : hiRest >= PARTS ? hi + 1 : hi;
          const lo = rest - hi * PARTS;
          const pa = lo * s0, pb = lo * s1, pc = lo * s2;
          let fa = Math.floor(pa * INV_PARTS), fb = Math.floor(pb * INV_PARTS), fc = Math.floor(pc * INV_PARTS);
          const faRest = pa - fa * PARTS, fbRest = pb - fb * PARTS, fcRest = pc - fc * PARTS;
          fa = faRest < 0 ? fa - 1 : faRest >= PARTS ? fa + 1 : fa;
          fb = fbRest < 0 ? fb - 1 : fbRest >= PARTS ? fb + 1 : fb;
          fc = fcRest < 0 ? fc - 1 : fcRest >= PARTS ? fc + 1 : fc;
          provincial = hi * s0 + fa;
          prefecture = hi * s1 + fb;
          countyPart = hi * s2 + fc;
          let left = rest - provincial - prefecture - countyPart;
          if (left > 0) {
            let ra = pa - fa * PARTS, rb = pb - fb * PARTS, rc = pc - fc * PARTS;
            // the left-over fen (at most two) by remainder, ties to the earlier part
            while (left > 0) {
              if (ra >= rb && ra >= rc && ra >= 0) {
                provincial++;
                ra = -1;
              } else if (rb >= rc && rb >= 0) {
                prefecture++;
                rb = -1;
              } else {
                countyPart++;
                rc = -1;
              }
              left--;
            }
          }
        } else {
          splitThreeInto(local, rest, s0, s1, s2);
          provincial = local[0];
          prefecture = local[1];
          countyPart = local[2];
        }
        let retained = 0;
        if (!direct) {
          // share(central + provincial, retentionPpm) written out (see share)
          const passing = central + provincial;
          let hi: number;
          if (passing < BY_PARTS_LIMIT && passing > -BY_PARTS_LIMIT) {
            hi = Math.floor(passing * INV_PARTS);
            const r = passing - hi * PARTS;
            hi = r < 0 ? hi - 1 : r >= PARTS ? hi + 1 : hi;
          } else hi = Math.floor(passing / PARTS);
          const loProduct = (passing - hi * PARTS) * retentionPpm;
          let loFloor = Math.floor(loProduct * INV_PARTS);
          const loRest = loProduct - loFloor * PARTS;
          loFloor = loRest < 0 ? loFloor - 1 : loRest >= PARTS ? loFloor + 1 : loFloor;
          const floor = hi * retentionPpm + loFloor;
          retained = (loProduct - loFloor * PARTS) * 2 >= PARTS ? floor + 1 : floor;
        }
        const special = central + provincial - retained + prefecture;
        if (store) {
          beneficiariesOut![k] = beneficiaries;
          costOut![k] = costFen;
          centralOut![k] = central;
          provincialOut![k] = provincial;
          prefectureOut![k] = prefecture;
          countyOut![k] = countyPart;
          specialOut![k] = special;
          retainedOut![k] = retained;
        }
        if (exact && !(Number.isSafeInteger(costFen) && Number.isSafeInteger(central) && Number.isSafeInteger(provincial) && Number.isSafeInteger(prefecture) && Number.isSafeInteger(countyPart) && Number.isSafeInteger(special) && Number.isSafeInteger(retained))) exact = false;
        cost += costFen;
        centralSum += central;
        provincialSum += provincial;
        prefectureSum += prefecture;
        countySum += countyPart;
        specialSum += special;
        retainedSum += retained;
        if (inScope[i]) livelihood += countyPart;
        const tied = tiedClass[i]!;
        if (tied >= 0 && tiedSums) tiedSums[c * 3 + tied]! += central;
      }
      if (sums) {
        sums.cost[c] = cost;
        sums.central[c] = centralSum;
        sums.provincial[c] = provincialSum;
        sums.prefecture[c] = prefectureSum;
        sums.county[c] = countySum;
        sums.special[c] = specialSum;
        sums.retained[c] = retainedSum;
        sums.livelihood[c] = livelihood;
      }
    }
    if (sums && !exact) sums.exactMoney = false;
  }

  /** Every county's sums, without writing item rows. */
  sums(): CountySums {
    const sums = new CountySums(this.counties.length);
    this.run(0, this.counties.length, sums, undefined);
    return sums;
  }
}

/** Fill `items` (county-major, catalog order) and return each county's sums over its items. */
export function itemCells(counties: readonly County[], params: YearParameters, items: ItemTable, drivers: DriverColumns = new DriverColumns(counties)): CountySums {
  const sums = new CountySums(counties.length);
  new ItemCells(counties, params, drivers).run(0, counties.length, sums, items.columns);
  return sums;
}

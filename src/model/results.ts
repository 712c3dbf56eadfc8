/** What one year of the model produces: item rows, county rows, province rows. Money in fen. */
import type { InequalitySummary } from './measures/inequality.ts';
import type { GeneralMechanismId, ItemTiedClass } from './transfers/mechanisms.ts';

export interface ItemResult {
  readonly countyIndex: number;
  readonly itemIndex: number;
  readonly beneficiaries: number;
  readonly costFen: number;
  readonly centralFen: number;
  readonly provincialFen: number;
  readonly prefectureFen: number;
  readonly countyFen: number;
  /** earmarked money received for the item */
  readonly specialFen: number;
  /** provincial earmarked money kept by the prefecture */
  readonly retainedFen: number;
}

const ITEM_COLUMNS = ['beneficiaries', 'costFen', 'centralFen', 'provincialFen', 'prefectureFen', 'countyFen', 'specialFen', 'retainedFen'] as const;
type ItemColumn = (typeof ITEM_COLUMNS)[number];
/** The item table's columns (row k of each is the same county and item). */
export type ItemColumns = Record<ItemColumn, Float64Array>;
/** Computes the item rows of counties [from, to) into `out` (row 0 is county `from`'s first item). */
export type ItemRowFiller = (from: number, to: number, out: ItemColumns) => void;

/**
 * Zeroed columns of `length` each, for the names given: one array each (not views of one large
 * buffer: the C allocator serves arrays of a column's size from memory it reuses, while a large
 * buffer comes fresh from the system, each page faulted in again, run after run).
 */
export function float64Columns<K extends string>(names: readonly K[], length: number): Record<K, Float64Array> {
  const columns = {} as Record<K, Float64Array>;
  for (const name of names) columns[name] = new Float64Array(length);
  return columns;
}

function itemColumns(length: number): ItemColumns {
  return float64Columns(ITEM_COLUMNS, length);
}

/** Row `k` of item columns as an object, for county `countyIndex` and catalog item `itemIndex`. */
function itemRow(c: Readonly<ItemColumns>, k: number, countyIndex: number, itemIndex: number): ItemResult {
  return {
    countyIndex,
    itemIndex,
    beneficiaries: c.beneficiaries[k]!,
    costFen: c.costFen[k]!,
    centralFen: c.centralFen[k]!,
    provincialFen: c.provincialFen[k]!,
    prefectureFen: c.prefectureFen[k]!,
    countyFen: c.countyFen[k]!,
    specialFen: c.specialFen[k]!,
    retainedFen: c.retainedFen[k]!,
  };
}

/**
 * The county × item rows of one year, stored column-wise in typed arrays (fen values are
 * exact integers in Float64Array). Row k is county ⌊k / itemsPerCounty⌋, item k mod
 * itemsPerCounty. Read rows with at(k), forCounty(c), iteration, slice or filter; each
 * returns plain ItemResult objects.
 *
 * Given a filler, the table is computed on demand: the columns are filled the first time they
 * (or rows through at, slice, filter or iteration) are read, and `forCounty` of a table not
 * yet filled computes that county's rows alone. A year whose item rows nobody reads (county
 * figures, Monte Carlo draws, one county explained) never holds them.
 */
export class ItemTable implements Iterable<ItemResult> {
  readonly length: number;
  private filled: ItemColumns | undefined;

  private readonly filler: ItemRowFiller | undefined;
  /** whether every money figure of the rows is known to be an exact number of fen (undefined: not known) */
  readonly exactMoney: boolean | undefined;

  /**
   * @param from the rows: their columns (filled), a filler (computed on demand), or neither
   *   (zero columns to fill)
   */
  constructor(
    readonly countyCount: number,
    readonly itemsPerCounty: number,
    from: { readonly columns?: ItemColumns; readonly filler?: ItemRowFiller; readonly exactMoney?: boolean } = {},
  ) {
    this.length = countyCount * itemsPerCounty;
    this.filler = from.filler;
    this.exactMoney = from.exactMoney;
    if (from.columns) {
      for (const c of ITEM_COLUMNS) if (from.columns[c].length !== this.length) throw new RangeError(`item column ${c} has ${from.columns[c].length} rows, not ${this.length}`);
      this.filled = from.columns;
    } else if (!from.filler) {
      this.filled = itemColumns(this.length);
    }
  }

  /** Empty columns for a table of `length` rows. */
  static emptyColumns(length: number): ItemColumns {
    return itemColumns(length);
  }

  /** The columns, filled now if the table is computed on demand and not yet filled. */
  get columns(): Readonly<ItemColumns> {
    if (!this.filled) {
      const columns = itemColumns(this.length);
      this.filler!(0, this.countyCount, columns);
      this.filled = columns;
    }
    return this.filled;
  }

  /** Whether the rows are held (false: computed on demand and not read yet). */
  get isFilled(): boolean {
    return this.filled !== undefined;
  }

  /** Row k as an object. */
  at(k: number): ItemResult {
    if (!(k >= 0 && k < this.length)) throw new RangeError(`item row ${k} is outside 0–${this.length - 1}`);
    return itemRow(this.columns, k, Math.floor(k / this.itemsPerCounty), k % this.itemsPerCounty);
  }

  /** The rows of one county, in catalog order. */
  forCounty(countyIndex: number): ItemResult[] {
    const start = countyIndex * this.itemsPerCounty;
    if (this.filled || !(countyIndex >= 0 && countyIndex < this.countyCount)) return this.slice(start, start + this.itemsPerCounty);
    // not filled: this county's rows alone
    const c = itemColumns(this.itemsPerCounty);
    this.filler!(countyIndex, countyIndex + 1, c);
    return Array.from({ length: this.itemsPerCounty }, (_, i) => itemRow(c, i, countyIndex, i));
  }

  slice(start = 0, end = this.length): ItemResult[] {
    const out: ItemResult[] = [];
    for (let k = Math.max(0, start); k < Math.min(end, this.length); k++) out.push(this.at(k));
    return out;
  }

  filter(keep: (row: ItemResult) => boolean): ItemResult[] {
    const out: ItemResult[] = [];
    for (const row of this) if (keep(row)) out.push(row);
    return out;
  }

  *[Symbol.iterator](): Iterator<ItemResult> {
    for (let k = 0; k < this.length; k++) yield this.at(k);
  }
}

export interface CountyResult {
  readonly countyIndex: number;
  readonly population: number;
  // the plan's catalog in the county
  readonly standardCostFen: number;
  readonly centralFen: number;
  readonly provincialFen: number;
  readonly prefectureFen: number;
  readonly countyFen: number;
  /** earmarked money received for catalog items (economic convention: all item-tied money) */
  readonly specialFen: number;
  /** earmarked money (central and provincial) kept by the prefecture */
  readonly retainedFen: number;
  /** standard cost − earmarked received */
  readonly ownBurdenFen: number;
  /** central money for items the MoF's accounts class as general transfers, in total and by class */
  readonly itemTiedGeneralFen: number;
  readonly itemTiedByClassFen: Readonly<Record<ItemTiedClass, number>>;
  // resources
  readonly ownRevenueFen: number;
  readonly rebateTwoTaxFen: number;
  readonly rebateIncomeTaxFen: number;
  readonly rebateOilFen: number;
  readonly rebatesFen: number;
  readonly systemSubsidyFen: number;
  readonly remittanceFen: number;
  /** each general transfer received (after the prefecture's retention) */
  readonly generalByMechanismFen: Readonly<Record<GeneralMechanismId, number>>;
  readonly equalizationFen: number;
  readonly guaranteeFen: number;
  /** Σ general transfers received (economic convention) */
  readonly generalFen: number;
  /** general money kept by the prefecture on the way, in total and by mechanism */
  readonly generalRetainedFen: number;
  readonly generalRetainedByMechanism: Readonly<Record<GeneralMechanismId, number>>;
  readonly resourcesFen: number;
  // needs
  readonly salaryFen: number;
  readonly runningFen: number;
  readonly otherMandatedFen: number;
  /** salaries + running + other mandated */
  readonly otherSpendingFen: number;
  readonly needsFen: number;
  // the equalization formula
  readonly standardExpenditureFen: number;
  readonly standardRevenueFen: number;
  readonly costCoefficient: number;
  // the guarantee
  readonly guaranteeNeedsFen: number;
  readonly guaranteeGapFen: number;
  readonly guaranteeGapAfterFen: number;
  // the gap
  readonly gapFen: number;
  readonly planGapFen: number;
}

/** The number fields of CountyResult held as columns, in its key order (countyIndex and the records apart). */
export const COUNTY_COLUMNS = [
  'population', 'standardCostFen', 'centralFen', 'provincialFen', 'prefectureFen', 'countyFen', 'specialFen', 'retainedFen', 'ownBurdenFen', 'itemTiedGeneralFen',
  'ownRevenueFen', 'rebateTwoTaxFen', 'rebateIncomeTaxFen', 'rebateOilFen', 'rebatesFen', 'systemSubsidyFen', 'remittanceFen',
  'equalizationFen', 'guaranteeFen', 'generalFen', 'generalRetainedFen', 'resourcesFen', 'salaryFen', 'runningFen', 'otherMandatedFen', 'otherSpendingFen', 'needsFen',
  'standardExpenditureFen', 'standardRevenueFen', 'costCoefficient', 'guaranteeNeedsFen', 'guaranteeGapFen', 'guaranteeGapAfterFen', 'gapFen', 'planGapFen',
] as const satisfies readonly (keyof CountyResult)[];
export type CountyColumn = (typeof COUNTY_COLUMNS)[number];

/**
 * The county rows of one year stored column-wise (Float64Array: fen are exact integers, and the
 * other figures the same doubles), with each general transfer and item-tied class as a column
 * too. `rows()` builds the CountyResult objects (the same keys in the same order as before
 * columns); a YearResult builds them the first time its `counties` is read.
 */
export class CountyTable {
  readonly columns: Readonly<Record<CountyColumn, Float64Array>>;
  readonly generalByMechanismFen: Readonly<Record<GeneralMechanismId, Float64Array>>;
  readonly generalRetainedByMechanism: Readonly<Record<GeneralMechanismId, Float64Array>>;
  readonly itemTiedByClassFen: Readonly<Record<ItemTiedClass, Float64Array>>;

  constructor(
    readonly length: number,
    mechanisms: readonly GeneralMechanismId[],
    classes: readonly ItemTiedClass[],
  ) {
    // one buffer for all the columns (float64Columns), split into the four records
    const names = [...COUNTY_COLUMNS.map((c) => `c:${c}`), ...mechanisms.map((m) => `g:${m}`), ...mechanisms.map((m) => `r:${m}`), ...classes.map((k) => `t:${k}`)];
    const all = float64Columns(names, length);
    const pick = <K extends string>(prefix: string, keys: readonly K[]): Record<K, Float64Array> => Object.fromEntries(keys.map((k) => [k, all[`${prefix}:${k}`]!])) as Record<K, Float64Array>;
    this.columns = pick('c', COUNTY_COLUMNS);
    this.generalByMechanismFen = pick('g', mechanisms);
    this.generalRetainedByMechanism = pick('r', mechanisms);
    this.itemTiedByClassFen = pick('t', classes);
  }

  /** County c's row as an object. */
  row(c: number): CountyResult {
    const k = this.columns;
    const record = <K extends string>(byKey: Readonly<Record<K, Float64Array>>): Record<K, number> => {
      const out = {} as Record<K, number>;
      for (const key in byKey) out[key] = byKey[key][c]!;
      return out;
    };
    return {
      countyIndex: c,
      population: k.population[c]!,
      standardCostFen: k.standardCostFen[c]!,
      centralFen: k.centralFen[c]!,
      provincialFen: k.provincialFen[c]!,
      prefectureFen: k.prefectureFen[c]!,
      countyFen: k.countyFen[c]!,
      specialFen: k.specialFen[c]!,
      retainedFen: k.retainedFen[c]!,
      ownBurdenFen: k.ownBurdenFen[c]!,
      itemTiedGeneralFen: k.itemTiedGeneralFen[c]!,
      itemTiedByClassFen: record(this.itemTiedByClassFen),
      ownRevenueFen: k.ownRevenueFen[c]!,
      rebateTwoTaxFen: k.rebateTwoTaxFen[c]!,
      rebateIncomeTaxFen: k.rebateIncomeTaxFen[c]!,
      rebateOilFen: k.rebateOilFen[c]!,
      rebatesFen: k.rebatesFen[c]!,
      systemSubsidyFen: k.systemSubsidyFen[c]!,
      remittanceFen: k.remittanceFen[c]!,
      generalByMechanismFen: record(this.generalByMechanismFen),
      generalRetainedByMechanism: record(this.generalRetainedByMechanism),
      equalizationFen: k.equalizationFen[c]!,
      guaranteeFen: k.guaranteeFen[c]!,
      generalFen: k.generalFen[c]!,
      generalRetainedFen: k.generalRetainedFen[c]!,
      resourcesFen: k.resourcesFen[c]!,
      salaryFen: k.salaryFen[c]!,
      runningFen: k.runningFen[c]!,
      otherMandatedFen: k.otherMandatedFen[c]!,
      otherSpendingFen: k.otherSpendingFen[c]!,
      needsFen: k.needsFen[c]!,
      standardExpenditureFen: k.standardExpenditureFen[c]!,
      standardRevenueFen: k.standardRevenueFen[c]!,
      costCoefficient: k.costCoefficient[c]!,
      guaranteeNeedsFen: k.guaranteeNeedsFen[c]!,
      guaranteeGapFen: k.guaranteeGapFen[c]!,
      guaranteeGapAfterFen: k.guaranteeGapAfterFen[c]!,
      gapFen: k.gapFen[c]!,
      planGapFen: k.planGapFen[c]!,
    };
  }

  rows(): CountyResult[] {
    return Array.from({ length: this.length }, (_, c) => this.row(c));
  }
}

/** One general transfer's pool in a year and where it went, fen. */
export interface MechanismResult {
  readonly id: GeneralMechanismId;
  readonly poolFen: number;
  /** provincial money added on the way (equalization top-up; the province's own part of the guarantee) */
  readonly provincialFen: number;
  /** allocated to counties (before the prefecture's retention) */
  readonly toCountiesFen: number;
  /** kept by provinces and prefectures for their own units (county share < 1, equalization not passed down or returned, award beyond what was closed) */
  readonly upperLevelFen: number;
  readonly prefectureRetainedFen: number;
  /** not spent (no eligible county; coefficient capped at 1); pool + provincial = to counties + upper level + unspent */
  readonly unspentFen: number;
  readonly eligibleCount: number;
}

export interface ProvinceResult {
  readonly provinceCode: string;
  readonly standardExpenditureFen: number;
  readonly standardRevenueFen: number;
  readonly gapFen: number;
  readonly difficulty: number;
  readonly centralAllocationFen: number;
  readonly centralCoefficient: number;
  readonly passedDownFen: number;
  readonly capacityFen: number;
  readonly provincialTopUpFen: number;
  /** the province → county equalization pool */
  readonly poolFen: number;
  /** county-stage coefficient (NaN with a scheme or no gap) */
  readonly coefficient: number;
  readonly returnedFen: number;
  readonly guaranteeTargetFen: number;
  readonly guaranteeAwardFen: number;
  readonly guaranteeClosedFen: number;
  readonly guaranteeProvincialFen: number;
}

export interface EqualizationMeasures {
  readonly beforeTransfers: InequalitySummary;
  /** item-tied transfers counted as earmarked (economic convention) */
  readonly afterGeneral: InequalitySummary;
  /** item-tied transfers counted as general (the MoF's 2011–2012 accounts) */
  readonly afterGeneralMof: InequalitySummary;
  readonly afterAll: InequalitySummary;
}

export interface YearResult {
  readonly year: number;
  readonly items: ItemTable;
  /** the county rows as objects (built from countyTable the first time they are read) */
  readonly counties: readonly CountyResult[];
  /** the county rows as columns */
  readonly countyTable: CountyTable;
  readonly provinces: readonly ProvinceResult[];
  /** stage-1 equalization coefficient (≤ 1) */
  readonly centralCoefficient: number;
  readonly mechanisms: readonly MechanismResult[];
}

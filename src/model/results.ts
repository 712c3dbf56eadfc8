/** What one year of the model produces: item rows, county rows, province rows. Money in fen. */
import type { InequalitySummary } from './measures/inequality.ts';

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

/**
 * The county × item rows of one year, stored column-wise in typed arrays (fen values are
 * exact integers in Float64Array). Row k is county ⌊k / itemsPerCounty⌋, item k mod
 * itemsPerCounty. Read rows with at(k), forCounty(c), iteration, slice or filter; each
 * returns plain ItemResult objects.
 */
export class ItemTable implements Iterable<ItemResult> {
  readonly length: number;
  readonly columns: Readonly<Record<ItemColumn, Float64Array>>;

  constructor(
    readonly countyCount: number,
    readonly itemsPerCounty: number,
  ) {
    this.length = countyCount * itemsPerCounty;
    const columns = {} as Record<ItemColumn, Float64Array>;
    for (const c of ITEM_COLUMNS) columns[c] = new Float64Array(this.length);
    this.columns = columns;
  }

  /** Row k as an object. */
  at(k: number): ItemResult {
    if (!(k >= 0 && k < this.length)) throw new RangeError(`item row ${k} is outside 0–${this.length - 1}`);
    const c = this.columns;
    return {
      countyIndex: Math.floor(k / this.itemsPerCounty),
      itemIndex: k % this.itemsPerCounty,
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

  /** The rows of one county, in catalog order. */
  forCounty(countyIndex: number): ItemResult[] {
    const start = countyIndex * this.itemsPerCounty;
    return this.slice(start, start + this.itemsPerCounty);
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
  readonly standardCostFen: number;
  readonly centralFen: number;
  readonly provincialFen: number;
  readonly prefectureFen: number;
  readonly countyFen: number;
  readonly specialFen: number;
  readonly retainedFen: number;
  readonly ownBurdenFen: number;
  readonly ownRevenueFen: number;
  readonly standardRevenueFen: number;
  readonly otherStdExpenditureFen: number;
  readonly equalizationFen: number;
  readonly guaranteeGapFen: number;
  readonly guaranteeFen: number;
  readonly guaranteeCentralFen: number;
  readonly generalFen: number;
  readonly capacityFen: number;
  readonly gapFen: number;
}

export interface ProvinceResult {
  readonly provinceCode: string;
  readonly standardExpenditureFen: number;
  readonly standardRevenueFen: number;
  readonly gapFen: number;
  readonly centralAllocationFen: number;
  readonly provincialTopUpFen: number;
  readonly poolFen: number;
  readonly coefficient: number;
}

export interface EqualizationMeasures {
  readonly beforeTransfers: InequalitySummary;
  readonly afterGeneral: InequalitySummary;
  readonly afterAll: InequalitySummary;
}

export interface YearResult {
  readonly year: number;
  readonly items: ItemTable;
  readonly counties: readonly CountyResult[];
  readonly provinces: readonly ProvinceResult[];
  readonly centralCoefficient: number;
}

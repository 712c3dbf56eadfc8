/**
 * Beneficiaries of an item in a county: driver × coverage × eligibility factors,
 * with the driver moved to the registered-population basis when the scenario asks.
 */
import type { County } from '../county.ts';
import type { DriverColumns } from '../driverColumns.ts';
import { hasFlag, valueFor, type CountyFlag, type EligibilityParameters, type ItemParameters, type PopulationBasis } from '../parameters.ts';

/** Factor that moves a resident-population driver to the chosen basis. */
export function basisFactor(county: County, basis: PopulationBasis): number {
  if (basis === 'resident') return 1;
  const resident = county.drivers['resident_pop'] ?? 0;
  const registered = county.drivers['registered_pop'] ?? 0;
  return resident > 0 ? registered / resident : 0;
}

/** basisFactor of every county, from driver columns. */
export function basisFactors(drivers: DriverColumns, basis: PopulationBasis): Float64Array {
  const n = drivers.counties.length;
  if (basis === 'resident') return new Float64Array(n).fill(1);
  const resident = drivers.orZero('resident_pop');
  const registered = drivers.orZero('registered_pop');
  return Float64Array.from(resident, (r, c) => (r > 0 ? registered[c]! / r : 0));
}

/** The factors whose product is the number of beneficiaries (kept separate for exact costing). */
export function beneficiaryFactors(county: County, item: ItemParameters, basis: PopulationBasis): number[] {
  const driver = county.drivers[item.driver];
  if (driver === undefined) throw new RangeError(`county ${county.code} has no driver column ${item.driver} (item ${item.id})`);
  return beneficiaryFactorsOf(driver, county, item, basis === 'registered' ? basisFactor(county, basis) : 1, basis);
}

/** beneficiaryFactors for a driver value and basis factor already read (from driver columns). */
export function beneficiaryFactorsOf(driver: number, county: County, item: ItemParameters, basisFactorValue: number, basis: PopulationBasis): number[] {
  const factors = [driver, valueFor(item.coverage, county)];
  for (const e of item.eligibility) factors.push(eligibilityValue(e, county));
  if (basis === 'registered' && item.driver !== 'registered_pop') factors.push(basisFactorValue);
  return factors;
}

/** The product of beneficiaryFactors, computed without building the list (hot path). */
export function beneficiaryCount(county: County, item: ItemParameters, basis: PopulationBasis): number {
  const driver = county.drivers[item.driver];
  if (driver === undefined) throw new RangeError(`county ${county.code} has no driver column ${item.driver} (item ${item.id})`);
  let n = driver * valueFor(item.coverage, county);
  for (const e of item.eligibility) n *= eligibilityValue(e, county);
  if (basis === 'registered' && item.driver !== 'registered_pop') n *= basisFactor(county, basis);
  return n;
}

/** An eligibility share for a county: `value` where the county has the `when` flag (or no flag is set), `otherwise` elsewhere. */
export function eligibilityValue(e: EligibilityParameters, county: County): number {
  if (e.when && !hasFlag(county, e.when)) return e.otherwise === undefined ? 0 : valueFor(e.otherwise, county);
  return valueFor(e.value, county);
}

const FLAG_BITS: Readonly<Record<CountyFlag, number>> = { nutrition_pilot: 1, difficult: 2, directly_managed: 4 };

/**
 * The eligibility factors of every item, resolved once for a set of counties: a factor whose
 * values are numbers is held as its value with and without its flag, and each county's flags as
 * bits, so that `multiply` applies the factors as eligibilityValue would, in the same order,
 * without calls. Items with a factor given by a formula call eligibilityValue.
 */
export class EligibilityTable {
  // read by the item loop directly (itemCells.ts), which applies the factors as `multiply` does
  readonly start: Int32Array;
  readonly count: Int32Array;
  readonly formula: Uint8Array;
  readonly bit: Int32Array;
  readonly withFlag: Float64Array;
  readonly withoutFlag: Float64Array;
  readonly flags: Int32Array;
  /** per item: its eligibility factors (read where they are formulas) */
  private readonly lists: readonly (readonly EligibilityParameters[])[];

  constructor(
    readonly items: readonly ItemParameters[],
    counties: readonly County[],
  ) {
    const all = items.flatMap((item) => item.eligibility);
    this.lists = items.map((item) => item.eligibility);
    this.start = new Int32Array(items.length);
    this.count = Int32Array.from(items, (item) => item.eligibility.length);
    this.formula = Uint8Array.from(items, (item) => (item.eligibility.some((e) => typeof e.value !== 'number' || (e.otherwise !== undefined && typeof e.otherwise !== 'number')) ? 1 : 0));
    for (let i = 1; i < items.length; i++) this.start[i] = this.start[i - 1]! + this.count[i - 1]!;
    this.bit = Int32Array.from(all, (e) => (e.when ? FLAG_BITS[e.when] : 0));
    this.withFlag = Float64Array.from(all, (e) => (typeof e.value === 'number' ? e.value : Number.NaN));
    this.withoutFlag = Float64Array.from(all, (e) => (e.otherwise === undefined ? 0 : typeof e.otherwise === 'number' ? e.otherwise : Number.NaN));
    this.flags = Int32Array.from(counties, (county) => (Object.keys(FLAG_BITS) as CountyFlag[]).reduce((a, f) => a | (hasFlag(county, f) ? FLAG_BITS[f] : 0), 0));
  }

  /** `n` times item i's eligibility factors in county c, factor by factor. */
  multiply(i: number, n: number, c: number, county: County): number {
    const count = this.count[i]!;
    if (count === 0) return n;
    if (this.formula[i]) {
      const list = this.lists[i]!;
      for (let j = 0; j < list.length; j++) n *= eligibilityValue(list[j]!, county);
      return n;
    }
    const flags = this.flags[c]!;
    for (let j = this.start[i]!, end = j + count; j < end; j++) {
      const bit = this.bit[j]!;
      n *= bit === 0 || (flags & bit) !== 0 ? this.withFlag[j]! : this.withoutFlag[j]!;
    }
    return n;
  }
}

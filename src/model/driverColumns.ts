/**
 * County drivers as typed columns: one Float64Array per driver, indexed by county, built once
 * (per year of projected counties) the first time a driver is asked for. A county without the
 * driver holds NaN; `has` tells that apart from a driver that is NaN. The model reads every
 * driver through these columns (never `county.drivers` in a loop), so that a projection can hand
 * it columns computed directly (src/scenarios/projection.ts) instead of one object per county.
 * Columns are shared, read-only: nothing may write to them.
 */
import type { County } from './county.ts';

export class DriverColumns {
  private readonly columns = new Map<string, Float64Array>();
  private readonly zeroFilled = new Map<string, Float64Array>();

  constructor(readonly counties: readonly County[]) {}

  /** The driver of every county (NaN where a county lacks it). */
  column(name: string): Float64Array {
    let col = this.columns.get(name);
    if (!col) this.columns.set(name, (col = this.build(name)));
    return col;
  }

  /** The driver of every county, 0 where a county lacks it (`county.drivers[name] ?? 0`). */
  orZero(name: string): Float64Array {
    let col = this.zeroFilled.get(name);
    if (!col) {
      const values = this.column(name);
      col = new Float64Array(values.length);
      // a county without the driver holds NaN, so a number is a driver the county has
      for (let c = 0; c < col.length; c++) {
        const v = values[c]!;
        col[c] = v === v || this.has(name, c) ? v : 0;
      }
      this.zeroFilled.set(name, col);
    }
    return col;
  }

  /** Whether county c has the driver at all. */
  has(name: string, c: number): boolean {
    return this.counties[c]!.drivers[name] !== undefined;
  }

  /** A column read from the county objects (a projection overrides this). */
  protected build(name: string): Float64Array {
    const col = new Float64Array(this.counties.length);
    for (let c = 0; c < col.length; c++) col[c] = this.counties[c]!.drivers[name] ?? Number.NaN;
    return col;
  }
}

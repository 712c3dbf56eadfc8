/**
 * County drivers as typed columns: one Float64Array per driver, indexed by county, built once
 * (per year of projected counties) the first time a driver is asked for. A county without the
 * driver holds NaN; `has` tells that apart from a driver that is NaN.
 */
import type { County } from './county.ts';

export class DriverColumns {
  private readonly columns = new Map<string, Float64Array>();

  constructor(readonly counties: readonly County[]) {}

  /** The driver of every county (NaN where a county lacks it). */
  column(name: string): Float64Array {
    let col = this.columns.get(name);
    if (!col) {
      col = new Float64Array(this.counties.length);
      for (let c = 0; c < col.length; c++) col[c] = this.counties[c]!.drivers[name] ?? Number.NaN;
      this.columns.set(name, col);
    }
    return col;
  }

  /** Whether county c has the driver at all. */
  has(name: string, c: number): boolean {
    return this.counties[c]!.drivers[name] !== undefined;
  }
}

/** A county-level unit as the model sees it: typed, validated, no strings to parse. */
import type { RegionGroup } from '../input/countyColumns.ts';

export type { RegionGroup };

export interface County {
  readonly code: string;
  readonly name: string;
  readonly provinceCode: string;
  readonly province: string;
  readonly prefectureCode: string;
  readonly prefecture: string;
  readonly regionGroup: RegionGroup;
  readonly tier2018: number;
  readonly directlyManaged: boolean;
  readonly difficult: boolean;
  readonly nutritionPilot: boolean;
  /** Population drivers by column name (persons). */
  readonly drivers: Readonly<Record<string, number>>;
  /** Dated fiscal columns in yuan: stem -> year -> value. */
  readonly fiscal: Readonly<Record<string, Readonly<Record<number, number>>>>;
  readonly costIndex: number;
}

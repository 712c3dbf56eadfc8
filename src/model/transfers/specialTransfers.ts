/**
 * Special (earmarked) transfers: the central, provincial and prefecture shares of each item
 * flow to the county tied to that item. Where the county is managed through its prefecture,
 * the prefecture may keep part of the provincial money (the retention rate); a directly
 * managed county receives the provincial money in full.
 */
import type { County } from '../county.ts';
import { takeShare } from '../money.ts';
import type { LevelShares } from '../sharing/levelShares.ts';

export interface SpecialTransfer {
  /** earmarked money the county receives for the item, fen */
  readonly receivedFen: number;
  /** provincial money kept by the prefecture, fen */
  readonly retainedFen: number;
}

export function specialTransfer(county: County, shares: LevelShares, retentionPpm: number): SpecialTransfer {
  const retained = retainedFen(county, shares.provincial, retentionPpm);
  return { receivedFen: shares.central + shares.provincial - retained + shares.prefecture, retainedFen: retained };
}

/** Provincial earmarked money the prefecture keeps (none for a directly managed county). */
export function retainedFen(county: County, provincialFen: number, retentionPpm: number): number {
  return county.directlyManaged ? 0 : takeShare(provincialFen, retentionPpm);
}

/**
 * Special (earmarked) transfers: the central, provincial and prefecture shares of each item
 * flow to the county tied to that item. Where the county is managed through its prefecture,
 * the prefecture may keep part of the upper-level (central and provincial) money passing
 * through it (the retention rate); a directly managed county receives it in full.
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
  const retained = retainedFen(county, shares.central + shares.provincial, retentionPpm);
  return { receivedFen: shares.central + shares.provincial - retained + shares.prefecture, retainedFen: retained };
}

/** Upper-level money passing through the prefecture that it keeps (none for a directly managed county). */
export function retainedFen(county: County, passingFen: number, retentionPpm: number): number {
  return county.directlyManaged ? 0 : takeShare(passingFen, retentionPpm);
}

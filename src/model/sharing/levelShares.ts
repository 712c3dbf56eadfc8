/**
 * Split an item's cost between the four levels: the central part by the item's rule,
 * the local rest between province, prefecture and county by the province's local split
 * (the directly-managed variant where the province manages the county directly).
 * The four parts always sum to the cost exactly.
 */
import type { County } from '../county.ts';
import { splitThreeInto } from '../money.ts';
import type { LocalSplitParameters, RuleParameters } from '../parameters.ts';
import { centralShareFen } from './centralShare.ts';

export interface LevelShares {
  readonly central: number;
  readonly provincial: number;
  readonly prefecture: number;
  readonly county: number;
}

export function levelShares(
  county: County,
  rule: RuleParameters,
  split: LocalSplitParameters,
  costFen: number,
  beneficiaries: number,
): LevelShares {
  const central = centralShareFen(county, rule, costFen, beneficiaries);
  const [provincial, prefecture, countyPart] = splitLocal(county, split, costFen - central, [0, 0, 0]);
  return { central, provincial, prefecture, county: countyPart };
}

/** Split the local part into `out` (province, prefecture, county) and return it; no allocation. */
export function splitLocal(county: County, split: LocalSplitParameters, localFen: number, out: [number, number, number]): [number, number, number] {
  const s = county.directlyManaged ? split.directlyManaged : split.throughPrefecture;
  return splitThreeInto(out, localFen, s[0], s[1], s[2]);
}

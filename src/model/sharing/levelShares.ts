/**
 * Split an item's cost between the four levels: the central part by the item's rule,
 * the local rest between province, prefecture and county by the province's local split
 * (the directly-managed variant where the province manages the county directly).
 * The four parts always sum to the cost exactly.
 */
import type { County } from '../county.ts';
import { splitByPpm } from '../money.ts';
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
  const local = costFen - central;
  const [provincial, prefecture, countyPart] = splitByPpm(local, county.directlyManaged ? split.directlyManaged : split.throughPrefecture);
  return { central, provincial: provincial!, prefecture: prefecture!, county: countyPart! };
}

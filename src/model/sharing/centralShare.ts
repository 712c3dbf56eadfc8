/**
 * The central government's part of an item's cost under its responsibility rule (MODEL.md §1).
 *
 * ratio / joint / government_full / subsidy: cost × central share of the county's group
 * subsidy_difficult: as subsidy, but only difficult counties get it
 * pilot: 100% in counties carrying the pilot flag, the central share elsewhere
 * fixed_amount: beneficiaries × central yuan per beneficiary, never more than the cost
 * local / county_and_above: nothing
 */
import type { County } from '../county.ts';
import { PPM, product2ToFen, productToFen, takeShare } from '../money.ts';
import { groupValue, type RuleParameters } from '../parameters.ts';

function shareOf(rule: RuleParameters, county: County): number {
  if (!rule.centralSharePpm) throw new RangeError(`rule ${rule.id} has no central share`);
  return groupValue(rule.centralSharePpm, county.regionGroup, county.tier2018);
}

export function centralShareFen(county: County, rule: RuleParameters, costFen: number, beneficiaries: number): number {
  switch (rule.kind) {
    case 'local':
    case 'county_and_above':
      return 0;
    case 'ratio':
    case 'joint':
    case 'government_full':
    case 'subsidy':
      return takeShare(costFen, shareOf(rule, county));
    case 'subsidy_difficult':
      return county.difficult ? takeShare(costFen, shareOf(rule, county)) : 0;
    case 'pilot': {
      const inPilot = rule.pilotFlag === 'difficult' ? county.difficult : county.nutritionPilot;
      return inPilot ? takeShare(costFen, PPM) : takeShare(costFen, shareOf(rule, county));
    }
    case 'fixed_amount': {
      if (!rule.centralAmount) throw new RangeError(`rule ${rule.id} has no central amount`);
      const amount = groupValue(rule.centralAmount, county.regionGroup, county.tier2018);
      return Math.min(costFen, productToFen([beneficiaries, amount]));
    }
  }
}

/**
 * Counties that every rule treats alike: the same region group, 2018 tier, difficult and
 * nutrition-pilot flags (the only county facts a rule reads). `of[c]` is county c's class.
 */
export class RuleClasses {
  readonly of: Int32Array;
  readonly count: number;

  constructor(counties: readonly County[]) {
    const index = new Map<string, number>();
    this.of = new Int32Array(counties.length);
    counties.forEach((county, c) => {
      const key = `${county.regionGroup}|${county.tier2018}|${county.difficult ? 1 : 0}|${county.nutritionPilot ? 1 : 0}`;
      let k = index.get(key);
      if (k === undefined) index.set(key, (k = index.size));
      this.of[c] = k;
    });
    this.count = index.size;
  }
}

const UNRESOLVED = -1;
const NOTHING = 0;
const SHARE = 1;
const FIXED = 2;

/**
 * centralShareFen with each rule resolved once per class of county (RuleClasses), the first time
 * a county of the class meets it (so that a rule missing a value fails where centralShareFen
 * would): a share in ppm, an amount per beneficiary, or nothing. Same results as centralShareFen.
 */
export class CentralShareTable {
  private readonly mode: Int8Array;
  private readonly value: Float64Array;

  constructor(
    readonly rules: readonly RuleParameters[],
    readonly classes: RuleClasses,
  ) {
    this.mode = new Int8Array(rules.length * classes.count).fill(UNRESOLVED);
    this.value = new Float64Array(rules.length * classes.count);
  }

  /** The central part of rule r's cost in county c. */
  fen(r: number, c: number, county: County, costFen: number, beneficiaries: number): number {
    const k = this.entry(r, c, county);
    const mode = this.mode[k]!;
    if (mode === NOTHING) return 0;
    if (mode === SHARE) return takeShare(costFen, this.value[k]!);
    return this.fixedFen(k, costFen, beneficiaries);
  }

  /**
   * The entry of rule r for county c's class, resolved if need be: its kind is `isShare` /
   * `isNothing`, its share `sharePpm` (the hot loop reads these to take the share inline).
   */
  entry(r: number, c: number, county: County): number {
    const k = r * this.classes.count + this.classes.of[c]!;
    if (this.mode[k] === UNRESOLVED) this.resolve(k, this.rules[r]!, county);
    return k;
  }

  isNothing(k: number): boolean {
    return this.mode[k] === NOTHING;
  }

  isShare(k: number): boolean {
    return this.mode[k] === SHARE;
  }

  sharePpm(k: number): number {
    return this.value[k]!;
  }

  /** The amount per beneficiary of a fixed entry (yuan). */
  fixedAmount(k: number): number {
    return this.value[k]!;
  }

  /** A fixed amount per beneficiary, never more than the cost. */
  fixedFen(k: number, costFen: number, beneficiaries: number): number {
    return Math.min(costFen, product2ToFen(beneficiaries, this.value[k]!));
  }

  private resolve(k: number, rule: RuleParameters, county: County): number {
    let mode = NOTHING;
    let value = 0;
    switch (rule.kind) {
      case 'local':
      case 'county_and_above':
        break;
      case 'ratio':
      case 'joint':
      case 'government_full':
      case 'subsidy':
        [mode, value] = [SHARE, shareOf(rule, county)];
        break;
      case 'subsidy_difficult':
        if (county.difficult) [mode, value] = [SHARE, shareOf(rule, county)];
        break;
      case 'pilot': {
        const inPilot = rule.pilotFlag === 'difficult' ? county.difficult : county.nutritionPilot;
        [mode, value] = [SHARE, inPilot ? PPM : shareOf(rule, county)];
        break;
      }
      case 'fixed_amount':
        if (!rule.centralAmount) throw new RangeError(`rule ${rule.id} has no central amount`);
        [mode, value] = [FIXED, groupValue(rule.centralAmount, county.regionGroup, county.tier2018)];
        break;
    }
    this.mode[k] = mode;
    this.value[k] = value;
    return mode;
  }
}

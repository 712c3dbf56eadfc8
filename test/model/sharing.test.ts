import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centralShareFen } from '../../src/model/sharing/centralShare.ts';
import { levelShares } from '../../src/model/sharing/levelShares.ts';
import type { RuleParameters } from '../../src/model/parameters.ts';
import { BY_REGION, makeCounty, NATIONAL } from '../helpers/fixtures.ts';

const west = makeCounty({ regionGroup: 'west', tier2018: 1 });
const central = makeCounty({ regionGroup: 'central', tier2018: 2 });
const east = makeCounty({ regionGroup: 'east', tier2018: 4 });
const split = { throughPrefecture: [300_000, 200_000, 500_000] as const, directlyManaged: [400_000, 0, 600_000] as const };

describe('central share by rule kind (hand-computed)', () => {
  const cost = 1_000_000; // fen = 10,000 yuan
  it('ratio: compulsory education running costs 8:2 west, 6:4 central', () => {
    const rule: RuleParameters = { id: 'r', kind: 'ratio', centralSharePpm: BY_REGION(0.8, 0.6, 0.2) };
    expect(centralShareFen(west, rule, cost, 0)).toBe(800_000);
    expect(centralShareFen(central, rule, cost, 0)).toBe(600_000);
    expect(centralShareFen(east, rule, cost, 0)).toBe(200_000);
  });
  it('subsidy: local responsibility with a central subsidy rate', () => {
    const rule: RuleParameters = { id: 'r', kind: 'subsidy', centralSharePpm: BY_REGION(0.5, 0.5, 0) };
    expect(centralShareFen(west, rule, cost, 0)).toBe(500_000);
    expect(centralShareFen(east, rule, cost, 0)).toBe(0);
  });
  it('subsidy_difficult: only difficult counties get the subsidy', () => {
    const rule: RuleParameters = { id: 'r', kind: 'subsidy_difficult', centralSharePpm: NATIONAL(0.6) };
    expect(centralShareFen(makeCounty({ difficult: true }), rule, cost, 0)).toBe(600_000);
    expect(centralShareFen(makeCounty({ difficult: false }), rule, cost, 0)).toBe(0);
  });
  it('pilot: central pays all in pilot counties, the subsidy rate elsewhere', () => {
    const rule: RuleParameters = { id: 'r', kind: 'pilot', centralSharePpm: NATIONAL(0.5), pilotFlag: 'nutrition_pilot' };
    expect(centralShareFen(makeCounty({ nutritionPilot: true }), rule, cost, 0)).toBe(cost);
    expect(centralShareFen(makeCounty({ nutritionPilot: false }), rule, cost, 0)).toBe(500_000);
  });
  it('fixed_amount: a fixed central amount per beneficiary, capped at the cost', () => {
    const rule: RuleParameters = { id: 'r', kind: 'fixed_amount', centralAmount: { by: 'region_group', values: { west: 2400, central: 1800, east: 1200 } } };
    // 3 orphans × 2400 yuan = 7,200 yuan = 720,000 fen
    expect(centralShareFen(west, rule, cost, 3)).toBe(720_000);
    expect(centralShareFen(east, rule, cost, 3)).toBe(360_000);
    expect(centralShareFen(west, rule, cost, 10)).toBe(cost); // 24,000 yuan > cost
  });
  it('local and county_and_above: nothing from the centre', () => {
    expect(centralShareFen(west, { id: 'r', kind: 'local' }, cost, 5)).toBe(0);
    expect(centralShareFen(west, { id: 'r', kind: 'county_and_above' }, cost, 5)).toBe(0);
  });
  it('joint and government_full use the group share; tier grouping works', () => {
    const tiers = { by: 'tier_2018' as const, values: { '1': 800_000, '2': 600_000, '3': 500_000, '4': 300_000, '5': 100_000 } };
    expect(centralShareFen(east, { id: 'r', kind: 'government_full', centralSharePpm: tiers }, cost, 0)).toBe(300_000);
    expect(centralShareFen(central, { id: 'r', kind: 'joint', centralSharePpm: tiers }, cost, 0)).toBe(600_000);
  });
});

describe('levelShares: the local part split between province, prefecture and county', () => {
  it('through the prefecture: 30 / 20 / 50 of the local part', () => {
    const s = levelShares(west, { id: 'r', kind: 'ratio', centralSharePpm: BY_REGION(0.8, 0.6, 0.2) }, split, 1_000_000, 0);
    expect(s).toEqual({ central: 800_000, provincial: 60_000, prefecture: 40_000, county: 100_000 });
  });
  it('directly managed: 40 / 0 / 60', () => {
    const s = levelShares(makeCounty({ directlyManaged: true }), { id: 'r', kind: 'local' }, split, 1_001, 0);
    expect(s).toEqual({ central: 0, provincial: 400, prefecture: 0, county: 601 });
  });
  it('property: the four shares sum exactly to the cost, none negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.constantFrom('ratio', 'subsidy', 'subsidy_difficult', 'pilot', 'local', 'joint', 'fixed_amount'),
        fc.boolean(),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (cost, ppm, kind, flag, beneficiaries) => {
          const rule = { id: 'r', kind, centralSharePpm: { by: 'national', values: { all: ppm } }, centralAmount: { by: 'national', values: { all: 1000 } }, pilotFlag: 'nutrition_pilot' } as RuleParameters;
          const county = makeCounty({ difficult: flag, nutritionPilot: flag, directlyManaged: !flag });
          const s = levelShares(county, rule, split, cost, beneficiaries);
          expect(s.central + s.provincial + s.prefecture + s.county).toBe(cost);
          expect(Math.min(s.central, s.provincial, s.prefecture, s.county)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

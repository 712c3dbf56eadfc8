/**
 * Catalog values that differ by province group (standards and eligibility shares) and per-day
 * standards whose days a year are dated: resolved for a year into per-county values, then costed.
 * Hand-computed expectations.
 */
import { describe, expect, it } from 'vitest';
import { CatalogItem, ResponsibilityRule } from '../../src/input/catalogSchema.ts';
import type { CatalogEntry } from '../../src/input/policyData.ts';
import { itemCost } from '../../src/model/cost/itemCost.ts';
import { centralShareFen } from '../../src/model/sharing/centralShare.ts';
import { valueFor } from '../../src/model/parameters.ts';
import { periodsPerYear, resolveItem } from '../../src/scenarios/resolveYear.ts';
import { makeCounty } from '../helpers/fixtures.ts';

const SOURCE = { kind: 'assumption', reasoning: 'a test value', reasoning_zh: '测试用的数值' } as const;

function entry(raw: unknown): CatalogEntry {
  return { ...CatalogItem.parse(raw), domain: 'education', file: 'test.yaml' };
}

const rule = ResponsibilityRule.parse({
  id: 'r',
  kind: 'ratio',
  wording_zh: '中央与地方财政按比例分担',
  description: 'test ratio',
  description_zh: '测试比例',
  central_share: { unit: 'share', values: { 2011: { by: 'region_group', west: 0.8, central: 0.6, east: 0.2 } }, source: SOURCE },
});

const base = {
  name_zh: '测试',
  name_en: 'test',
  service_zh: '测试',
  target_zh: '测试',
  target_en: 'test',
  coverage: { unit: 'share', values: { 2011: 1 }, source: SOURCE },
  responsibility: 'r',
  responsibility_zh: '中央与地方财政按比例分担',
  source: SOURCE,
};

describe('standards and eligibility by province group', () => {
  // Benchmark 500 (west/central) / 550 (east) from 2011, 600 / 650 from 2014; a boarding share
  // of 0.5 everywhere and a subsidised share of 0.4 in the west, 0 in the east.
  const item = entry({
    ...base,
    id: 'edu.test_grouped',
    driver: 'rural_pupils_primary',
    eligibility: [
      { id: 'boards', description: 'boarders', description_zh: '寄宿生', unit: 'share', values: { 2011: 0.5 }, source: SOURCE },
      { id: 'poor', description: 'poor boarders', description_zh: '困难寄宿生', unit: 'share', values: { 2011: { by: 'region_group', west: 0.4, central: 0.4, east: 0 } }, source: SOURCE },
    ],
    standard: {
      unit: 'yuan/pupil/year',
      period: 'year',
      values: { 2011: { by: 'region_group', west: 500, central: 500, east: 550 }, 2014: { by: 'region_group', west: 600, central: 600, east: 650 } },
      source: SOURCE,
    },
  });
  const west = makeCounty({ regionGroup: 'west', drivers: { rural_pupils_primary: 1000 } });
  const east = makeCounty({ regionGroup: 'east', drivers: { rural_pupils_primary: 1000 } });

  it('gives each county its group’s standard for the year', () => {
    const p2012 = resolveItem(item, rule, 2012);
    expect(valueFor(p2012.annualStandard, west)).toBe(500);
    expect(valueFor(p2012.annualStandard, east)).toBe(550);
    const p2014 = resolveItem(item, rule, 2014);
    expect(valueFor(p2014.annualStandard, west)).toBe(600);
    expect(valueFor(p2014.annualStandard, east)).toBe(650);
  });

  it('costs with the group’s eligibility share: west 1000 × 0.5 × 0.4 = 200 pupils × 500 = 100,000 yuan, 80% central', () => {
    const p = resolveItem(item, rule, 2012);
    const w = itemCost(west, p, 'resident');
    expect(w.beneficiaries).toBeCloseTo(200, 9);
    expect(w.costFen).toBe(10_000_000);
    expect(centralShareFen(west, p.rule, w.costFen, w.beneficiaries)).toBe(8_000_000);
    const e = itemCost(east, p, 'resident');
    expect(e.beneficiaries).toBe(0);
    expect(e.costFen).toBe(0);
  });

  it('refuses a grouped eligibility share above 1 and a group missing', () => {
    const bad = { ...base, id: 'edu.bad', driver: 'rural_pupils_primary', no_cost_reason: 'a test item without money', no_cost_reason_zh: '没有资金的测试项目', eligibility: [{ id: 'x', description: 'xx x', description_zh: '测试', unit: 'share', values: { 2011: { by: 'region_group', west: 1.2, central: 0.4, east: 0 } }, source: SOURCE }] };
    expect(CatalogItem.safeParse(bad).success).toBe(false);
    const missing = { ...bad, eligibility: [{ id: 'x', description: 'xx x', description_zh: '测试', unit: 'share', values: { 2011: { by: 'region_group', west: 0.2, central: 0.4 } }, source: SOURCE }] };
    expect(CatalogItem.safeParse(missing).success).toBe(false);
  });
});

describe('per-day standards with dated days a year', () => {
  // 3 yuan a day; 100 school days in 2011 (autumn term only), 200 from 2012.
  const item = entry({
    ...base,
    id: 'edu.test_days',
    driver: 'rural_pupils_primary',
    standard: { unit: 'yuan/pupil/day', period: 'day', days_per_year: { 2011: 100, 2012: 200 }, values: { 2011: 3 }, source: SOURCE },
  });

  it('uses the days in force each year: 300 yuan a pupil in 2011, 600 from 2012', () => {
    expect(periodsPerYear(item, 2011)).toBe(100);
    expect(periodsPerYear(item, 2015)).toBe(200);
    expect(resolveItem(item, rule, 2011).annualStandard).toBe(300);
    expect(resolveItem(item, rule, 2012).annualStandard).toBe(600);
  });

  it('still accepts a single number of days', () => {
    const fixed = entry({ ...base, id: 'edu.test_fixed', driver: 'rural_pupils_primary', standard: { unit: 'yuan/pupil/day', period: 'day', days_per_year: 200, values: { 2011: 3 }, source: SOURCE } });
    expect(resolveItem(fixed, rule, 2011).annualStandard).toBe(600);
  });
});

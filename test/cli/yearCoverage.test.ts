/**
 * The first year the policy data can compute: every parameter needs a value by then, except an
 * item's own parameters, which need values only from the year the item begins (`years.from`).
 */
import { describe, expect, it } from 'vitest';
import { loadPolicyData, type PolicyData } from '../../src/input/policyData.ts';
import { yearCoverage } from '../../src/cli/yearCoverage.ts';

const policy = loadPolicyData();

/** The bundled policy with one item's years and the first dates of its standard and coverage changed. */
function withItem(id: string, years: { from: number; to?: number } | undefined, firstValueYear: number): PolicyData {
  const items = policy.items.map((item) => {
    if (item.id !== id) return item;
    const redate = <T extends { from: number }>(values: readonly T[]): T[] => values.map((v, i) => (i === 0 ? { ...v, from: firstValueYear } : v));
    return {
      ...item,
      years,
      coverage: { ...item.coverage, values: redate(item.coverage.values) },
      ...(item.standard ? { standard: { ...item.standard, values: redate(item.standard.values) } } : {}),
    };
  });
  return { ...policy, items };
}

describe('yearCoverage', () => {
  it('the bundled data compute from 2011, although the 2012 dictionaries are dated from 2012', () => {
    const dict = policy.items.find((i) => i.id === 'edu.free_dictionaries_rural_primary');
    expect(dict?.years).toEqual({ from: 2012, to: 2012 });
    expect(dict?.standard?.values[0]?.from).toBe(2012);
    expect(yearCoverage(policy).first).toBe(2011);
  });

  it('an item that runs in every year but is dated from 2013 moves the first year to 2013', () => {
    expect(yearCoverage(withItem('edu.free_textbooks_rural_primary', undefined, 2013)).first).toBe(2013);
  });

  it('an item beginning in 2012 whose values start only in 2013 leaves 2012 uncovered: the first year is 2013', () => {
    expect(yearCoverage(withItem('edu.free_dictionaries_rural_primary', { from: 2012, to: 2012 }, 2013)).first).toBe(2013);
  });

  it('an item beginning in 2014 with values from 2014 does not hold back 2011', () => {
    expect(yearCoverage(withItem('edu.free_textbooks_rural_primary', { from: 2014 }, 2014)).first).toBe(2011);
  });
});

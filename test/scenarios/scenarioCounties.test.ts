import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCountyFile } from '../../src/input/countyFile.ts';
import { InputError } from '../../src/input/inputError.ts';
import { loadPolicyData, type PolicyData } from '../../src/input/policyData.ts';
import type { County } from '../../src/model/county.ts';
import { loadScenario } from '../../src/scenarios/scenarioFile.ts';
import { DEFAULT_COUNTIES } from '../../src/simulation/countySet.ts';

let policy: PolicyData;
let counties: County[];
let dir: string;
beforeAll(() => {
  policy = loadPolicyData();
  counties = loadCountyFile(DEFAULT_COUNTIES).counties;
  dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-scen-counties-'));
});

function scenarioFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe("a scenario's counties block sets fiscal columns; values take 亿/万 and 是/否", () => {
  it('sets own revenue, rebates and programme flags of the counties it names', () => {
    const file = scenarioFile('fiscal.yaml', [
      'title: own figures for one county',
      'changes:',
      '  - path: transfers.equalization_pool',
      '    values: { 2012: 6000亿 }',
      'counties:',
      '  - where: { codes: [440232] }',
      '    set: { own_revenue: { 2012: 2.1亿, 2013: "250,000,000" }, rebate_two_tax: { 2012: 500万元 }, eco_zone: 是, directly_managed: 否, region_group: 西部 }',
    ].join('\n'));
    const s = loadScenario(file, policy);
    expect(s.policy.transfers['equalization_pool']!.values.find((v) => v.from === 2012)!.value).toBe(600_000_000_000);
    const after = s.applyToCounties(counties);
    const i = counties.findIndex((c) => c.code === '440232');
    const c = after[i]!;
    expect(c.fiscal['own_revenue']![2012]).toBe(210_000_000);
    expect(c.fiscal['own_revenue']![2013]).toBe(250_000_000);
    expect(c.fiscal['own_revenue']![2014]).toBe(counties[i]!.fiscal['own_revenue']![2014]);
    expect(c.fiscal['rebate_two_tax']![2012]).toBe(5_000_000);
    expect([c.flags?.['eco_zone'], c.directlyManaged, c.regionGroup]).toEqual([true, false, 'west']);
    after.forEach((x, k) => (k === i ? undefined : expect(x).toBe(counties[k])));
  });

  it('refuses bad county values with file, line and column', () => {
    const file = scenarioFile('bad.yaml', [
      'title: bad county values',
      'counties:',
      '  - where: { codes: [440232] }',
      '    set: { own_revenue: { 2012: lots }, eco_zone: maybe, fiscal_staff: -3, unknown_column: 1 }',
    ].join('\n'));
    let problems: readonly { line?: number; field?: string; message: string }[] = [];
    try {
      loadScenario(file, policy);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems = e.problems;
    }
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [4, 'counties.0.set.eco_zone'],
      [4, 'counties.0.set.fiscal_staff'],
      [4, 'counties.0.set.own_revenue.2012'],
      [4, 'counties.0.set'],
    ]);
    expect(problems[0]!.message).toMatch(/give a flag: true\/false, 是\/否 or 1\/0/);
    expect(problems[2]!.message).toMatch(/give an amount in yuan/);
    expect(problems[3]!.message).toMatch(/unknown_column/);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError, type InputProblem } from '../../src/input/inputError.ts';
import { loadPolicyData, type PolicyData } from '../../src/input/policyData.ts';
import { loadScenario } from '../../src/scenarios/scenarioFile.ts';

let policy: PolicyData;
let dir: string;
beforeAll(() => {
  policy = loadPolicyData();
  dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-scen-'));
});

function problems(name: string, text: string, extra: Record<string, string> = {}): InputProblem[] {
  for (const [f, t] of Object.entries(extra)) writeFileSync(join(dir, f), t);
  const file = join(dir, name);
  writeFileSync(file, text);
  try {
    loadScenario(file, policy);
  } catch (e) {
    if (e instanceof InputError) return [...e.problems];
    throw e;
  }
  throw new Error('expected the scenario to be refused');
}

const head = 'title: a broken scenario\nchanges:\n';

describe('broken scenarios get precise errors with line and column', () => {
  it('an unknown path', () => {
    const p = problems('unknown.yaml', `${head}  - path: standards.si.ncms_subsidyy.standard\n    values: { 2012: 250 }\n`);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ line: 3, column: 11 });
    expect(p[0]!.message).toMatch(/unknown parameter path "standards.si.ncms_subsidyy.standard"/);
  });
  it('a value of the wrong type', () => {
    const p = problems('type.yaml', `${head}  - path: standards.si.ncms_subsidy.standard\n    values: { 2012: lots }\n`);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ line: 4, column: 21, field: 'standards.si.ncms_subsidy.standard 2012' });
    expect(p[0]!.message).toMatch(/expected number/);
  });
  it('a ratio outside 0–1', () => {
    const p = problems('ratio.yaml', `${head}  - path: rules.health_bph.central_share\n    values:\n      2012: 1.5\n`);
    expect(p[0]).toMatchObject({ line: 5, column: 13 });
    expect(p[0]!.message).toMatch(/share 1.5 is above 1/);
  });
  it('local shares that do not sum to one', () => {
    const p = problems('split.yaml', `${head}  - path: local_split.default.through_prefecture\n    values: { 2012: { province: 0.5, prefecture: 0.3, county: 0.3 } }\n`);
    expect(p[0]!.line).toBe(4);
    expect(p[0]!.message).toMatch(/must sum to 1/);
  });
  it('an extends cycle', () => {
    const p = problems('a.yaml', 'title: scenario a\nextends: b.yaml\n', { 'b.yaml': 'title: scenario b\nextends: a.yaml\n' });
    expect(p).toHaveLength(1);
    expect(p[0]!.message).toMatch(/extends cycle: a.yaml → b.yaml → a.yaml/);
    expect(p[0]).toMatchObject({ field: 'extends', line: 2, column: 10 });
  });
  it('a formula that assigns, or calls a forbidden function', () => {
    const p = problems('formula.yaml', `${head}  - path: standards.ss.dibao_rural.standard\n    values: { 2012: "= x = 3", 2013: "= import('fs')", 2014: "= evaluate('1')" }\n`);
    expect(p.map((x) => x.message)).toEqual([
      'formula: assignment and function definition are not allowed in a formula',
      expect.stringMatching(/^formula: function import is not allowed/),
      expect.stringMatching(/^formula: function evaluate is not allowed/),
    ]);
    expect(p.every((x) => x.line === 4)).toBe(true);
  });
  it('a formula on a parameter that takes none, and a formula syntax error', () => {
    const p = problems('formula2.yaml', `${head}  - path: transfers.provincial_top_up_rate\n    values: { 2012: "= 0.1" }\n  - path: standards.ss.dibao_rural.coverage\n    values: { 2012: "= 1 +" }\n`);
    expect(p.map((x) => x.message)).toEqual([
      expect.stringMatching(/does not take a formula/),
      expect.stringMatching(/^formula: syntax: Unexpected end of expression/),
    ]);
    expect(p.map((x) => x.line)).toEqual([4, 6]);
  });
  it('a YAML syntax error', () => {
    const p = problems('syntax.yaml', `${head}  - path: [unclosed\n`);
    expect(p[0]!.message).toMatch(/^YAML syntax/);
    expect(p[0]!.line).toBeGreaterThanOrEqual(3);
  });
  it('unknown keys and an unknown province, all reported together', () => {
    const p = problems('many.yaml', `title: several problems\nhorizon: 2015\nchanges:\n  - path: growth.nonsense\n    values: { 2012: 0.1 }\ncounties:\n  - where: { province: 火星 }\n    set: { difficult: true }\n`);
    expect(p.map((x) => x.message)).toEqual([expect.stringMatching(/horizon/)]);
    const q = problems('many2.yaml', `title: several problems\nchanges:\n  - path: growth.nonsense\n    values: { 2012: 0.1 }\n  - path: growth.revenue_growth\n    values: { 2012: 3 }\ncounties:\n  - where: { province: 火星 }\n    set: { difficult: true }\n`);
    expect(q.map((x) => [x.line, x.message])).toEqual([
      [3, expect.stringMatching(/unknown parameter path "growth.nonsense"/)],
      [6, expect.stringMatching(/above 100% a year/)],
      [8, 'no province "火星"; give a code, full name, short name or pinyin'],
    ]);
  });
});

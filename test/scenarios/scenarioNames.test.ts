/** Scenario files found by name, places in `where` found by name (issue 11, "Names and paths"). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { setMessageLang } from '../../src/i18n/messageLang.ts';
import { InputError } from '../../src/input/inputError.ts';
import { loadPolicyData, type PolicyData } from '../../src/input/policyData.ts';
import { loadScenario } from '../../src/scenarios/scenarioFile.ts';
import { BUNDLED_SCENARIOS_DIR, findScenarioFile } from '../../src/scenarios/scenarioPath.ts';
import { makeCounty } from '../helpers/fixtures.ts';

let policy: PolicyData;
let dir: string;
beforeAll(() => {
  policy = loadPolicyData();
  dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-names-'));
});

function refusal(load: () => unknown): InputError {
  try {
    load();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

const COUNTIES = [
  makeCounty({ code: '440232', name: '乳源瑶族自治县', prefectureCode: '440200', prefecture: '韶关市' }),
  makeCounty({ code: '440229', name: '翁源县', prefectureCode: '440200', prefecture: '韶关市' }),
  makeCounty({ code: '440305', name: '南山区', prefectureCode: '440300', prefecture: '深圳市' }),
  makeCounty({ code: '510101', name: '锦江区', prefectureCode: '510100', prefecture: '成都市', provinceCode: '510000', province: '四川省' }),
];

describe('scenario names', () => {
  it('finds a bundled scenario by name, with or without .yaml, from any folder', () => {
    const expected = join(BUNDLED_SCENARIOS_DIR, 'raise_basic_pension.yaml');
    expect(findScenarioFile('raise_basic_pension', dir)).toBe(expected);
    expect(findScenarioFile('raise_basic_pension.yaml', dir)).toBe(expected);
    expect(loadScenario('raise_basic_pension', policy).name).toBe('raise_basic_pension');
  });

  it('gives a plain message with the nearest names for a typo, never ENOENT', () => {
    const e = refusal(() => findScenarioFile('raise_basic_pensoin', dir));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]!.file).toBe('raise_basic_pensoin');
    expect(e.problems[0]!.message).toMatch(/^scenario file "raise_basic_pensoin" not found; also looked for it by name in /);
    expect(e.problems[0]!.message).not.toMatch(/[\u4e00-\u9fff]/);
    expect(e.problems[0]!.message).toMatch(/did you mean: \S*raise_basic_pension\.yaml$/);
    expect(e.message).not.toMatch(/ENOENT/);
    const far = refusal(() => findScenarioFile('./nothing/like/it.yaml', dir));
    expect(far.problems[0]!.message).toMatch(/scenarios available: all_directly_managed, baseline_2012, /);
  });

  it('says it in Chinese alone under zh', () => {
    setMessageLang('zh');
    try {
      const e = refusal(() => findScenarioFile('raise_basic_pensoin', dir));
      expect(e.problems[0]!.message).toMatch(/^找不到情景文件“raise_basic_pensoin”；也在 .* 中按名称查找过；是否要找：\S*raise_basic_pension\.yaml$/);
      expect(e.problems[0]!.message).not.toMatch(/not found|did you mean/);
      const prefecture = refusal(() => loadScenario(join(dir, 'zh-where.yaml'), policy));
      expect(prefecture.problems[0]!.message).toMatch(/^找不到情景文件/);
    } finally {
      setMessageLang('en');
    }
  });

  it('reports a missing extends parent at its line, in plain words', () => {
    const file = join(dir, 'orphan.yaml');
    writeFileSync(file, 'title: orphan scenario\nextends: baseline_2021.yaml\n');
    const e = refusal(() => loadScenario(file, policy));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatchObject({ file, field: 'extends', line: 2 });
    expect(e.problems[0]!.message).toMatch(/scenario file "baseline_2021.yaml" not found.*did you mean: \S*baseline_2012\.yaml/);
  });
});

describe('places in a scenario’s counties block', () => {
  const scenario = (where: string): string => {
    const file = join(dir, `where-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, `title: where by name\ncounties:\n  - where: ${where}\n    set: { difficult: true }\n`);
    return file;
  };
  const difficult = (file: string): string[] => loadScenario(file, policy).applyToCounties(COUNTIES).filter((c) => c.difficult).map((c) => c.code);

  it.each(['{ prefecture: 韶关市 }', '{ prefecture: 韶关 }', '{ prefecture: Shaoguan }', '{ prefecture: 440200 }'])('finds the prefecture %s', (where) => {
    expect(difficult(scenario(where))).toEqual(['440232', '440229']);
  });

  it.each(['{ province: Sichuan }', '{ province: 四川 }', '{ province: 四川省 }', '{ province: 51 }'])('finds the province %s', (where) => {
    expect(difficult(scenario(where))).toEqual(['510101']);
  });

  it('suggests the nearest prefecture and province for a typo', () => {
    const e = refusal(() => loadScenario(scenario('{ prefecture: 韶光市 }'), policy).applyToCounties(COUNTIES));
    expect(e.problems[0]).toMatchObject({ field: 'where.prefecture', line: 3 });
    expect(e.problems[0]!.message).toBe('no prefecture "韶光市" in the county data; did you mean: 440200 韶关市 (广东省)');
    setMessageLang('zh');
    try {
      const z = refusal(() => loadScenario(scenario('{ prefecture: 韶光市 }'), policy).applyToCounties(COUNTIES));
      expect(z.problems[0]!.message).toBe('未找到地市“韶光市”（县数据中）；是否要找：440200 韶关市（广东省）');
    } finally {
      setMessageLang('en');
    }
    const p = refusal(() => loadScenario(scenario('{ province: Sichuan Province of Mars }'), policy));
    expect(p.problems[0]!.field).toBe('counties[0].where.province');
    expect(p.problems[0]!.message).toMatch(/^no province "Sichuan Province of Mars"/);
  });
});

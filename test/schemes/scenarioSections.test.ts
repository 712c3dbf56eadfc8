import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicyData } from '../../src/input/policyData.ts';
import { InputError } from '../../src/input/inputError.ts';
import { loadScenario } from '../../src/scenarios/scenarioFile.ts';
import { loadSchemeDefaults, parseSchemeList, parseSchemeSection, schemeConfig } from '../../src/scenarios/schemeData.ts';
import { parseFen } from '../../src/analysis/amounts.ts';
import { UncertaintySection } from '../../src/scenarios/uncertaintySchema.ts';
import { SCHEMES, SCHEME_IDS } from '../../src/model/transfers/schemes/registry.ts';

const defaults = loadSchemeDefaults();
const dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-scheme-'));

function problems(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => `${p.field ?? ''}: ${p.message}`);
    throw e;
  }
  return [];
}

describe('scheme data files', () => {
  it('every scheme has one, with a source on every setting', () => {
    for (const id of SCHEME_IDS) {
      const f = defaults.get(id)!;
      expect(f.scheme).toBe(id);
      expect(Object.keys(f.settings).sort()).toEqual([...SCHEMES[id].settings].sort());
      for (const s of Object.values(f.settings)) expect(['policy', 'assumption', 'seed']).toContain(s.source.kind);
    }
    expect(defaults.get('japan_lat')!.settings['revenue_inclusion_rate']!.value).toBe(0.75);
  });
});

describe("a scenario's scheme and uncertainty sections", () => {
  it('are read from the scenario file and resolved over the data defaults', () => {
    const file = join(dir, 'lat.yaml');
    writeFileSync(
      file,
      [
        'title: Japanese allocation with a lower inclusion rate',
        'scheme:',
        '  name: japan_lat',
        '  settings: { revenue_inclusion_rate: 0.8 }',
        'uncertainty:',
        '  seed: 9',
        '  draws: 50',
        '  variables:',
        '    - { parameter: unit_cost, domain: health, scope: county, distribution: { kind: uniform, min: 0.9, max: 1.1 } }',
      ].join('\n'),
    );
    const scenario = loadScenario(file, loadPolicyData());
    const config = schemeConfig(parseSchemeSection(scenario.scheme, file), defaults, file);
    expect(config).toEqual({ id: 'japan_lat', settings: { revenue_inclusion_rate: 0.8 } });
    const u = UncertaintySection.parse(scenario.uncertainty);
    expect(u.quantiles).toEqual([0.05, 0.25, 0.5, 0.75, 0.95]);
    expect(u.variables[0]!.scope).toBe('county');
  });

  it('a bare id takes every default', () => {
    const china = schemeConfig(parseSchemeSection('china_equalization', 'x'), defaults, 'x');
    expect(china.settings).toMatchObject({ difficulty_weight: 0.2, growth_cap: 0.2, growth_floor: -0.2 });
  });

  it('refuses unknown schemes and settings, values out of range, and inconsistent bands', () => {
    expect(problems(() => parseSchemeSection('robin_hood', 's.yaml'))[0]).toMatch(/^scheme/);
    expect(problems(() => parseSchemeSection({ name: 'japan_lat', settings: { cap_ratio: 1 } }, 's.yaml'))[0]).toMatch(/japan_lat has no setting cap_ratio/);
    expect(problems(() => parseSchemeSection({ name: 'japan_lat', settings: { revenue_inclusion_rate: 1.5 } }, 's.yaml'))).toHaveLength(1);
    expect(problems(() => schemeConfig({ name: 'china_equalization', settings: { growth_floor: 0.3, growth_cap: 0.1 } }, defaults, 's.yaml'))[0]).toMatch(/growth_floor is above growth_cap/);
    expect(problems(() => parseSchemeList('japan_lat,nope'))[0]).toMatch(/unknown scheme nope/);
  });

  it('refuses a bad uncertainty section', () => {
    expect(UncertaintySection.safeParse({ variables: [{ parameter: 'revenue_growth', domain: 'health', distribution: { kind: 'fixed', value: 0.1 } }] }).success).toBe(false);
    expect(UncertaintySection.safeParse({ variables: [{ parameter: 'coverage', distribution: { kind: 'triangular', min: 1, mode: 0.5, max: 2 } }] }).success).toBe(false);
    expect(UncertaintySection.safeParse({ variables: [] }).success).toBe(false);
  });
});

describe('amounts on the command line', () => {
  it('yuan, 亿, 万, separators', () => {
    expect(parseFen('583411000000')).toBe(58_341_100_000_000);
    expect(parseFen('5834.11亿')).toBe(58_341_100_000_000);
    expect(parseFen('500万')).toBe(500_000_000);
    expect(parseFen('1,234.5')).toBe(123_450);
    expect(parseFen('12x')).toBeUndefined();
  });
});

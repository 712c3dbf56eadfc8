/**
 * Provenance: after a scenario changes a value, item_sources.csv (and explain, and the parameter table)
 * cite the scenario file and its reference for the years the new value is used, and the base
 * value's source for the years before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadPolicyData } from '../../src/input/policyData.ts';
import { loadScenario } from '../../src/scenarios/scenarioFile.ts';
import { parameterRows } from '../../src/tables/parameterTable.ts';
import { cli, countyCsv, tempDir, write } from './helpers.ts';

const PENSION = new URL('../../scenarios/raise_basic_pension.yaml', import.meta.url).pathname;

describe('provenance', () => {
  it('item_sources.csv cites the scenario and its reference from 2014, and the catalog before', async () => {
    const dir = tempDir('prov');
    const counties = write(dir, 'c.csv', countyCsv());
    const out = join(dir, 'out');
    const r = await cli('run', '--counties', counties, '--reference', 'none', '--scenario', PENSION, '--year', '2013-2014', '--out', out, '--quiet');
    expect(r.code).toBe(0);
    const read = (f: string) => Papa.parse<Record<string, string>>(readFileSync(join(out, f), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    const rows = read('items.csv');
    const sources = read('item_sources.csv');
    const pension = (year: string) => rows.find((x) => x['code'] === '440101' && x['item'] === 'si.rural_pension_basic' && x['year'] === year)!;
    const pensionSource = (year: string) => sources.find((x) => x['item'] === 'si.rural_pension_basic' && x['year'] === year)!['source'];
    expect(pension('2014')['unit_standard']).toBe('840');
    expect(pensionSource('2014')).toBe('policy: 人社部发〔2015〕5号 (set by scenario raise_basic_pension.yaml:12)');
    expect(pension('2013')['unit_standard']).toBe('660');
    // before 2014 the value in force is the one baseline_2012.yaml (which this scenario extends) holds at 2012
    expect(pensionSource('2013')).toMatch(/set by scenario baseline_2012\.yaml:\d+/);
    // an item the scenario does not touch keeps its catalog source
    const other = sources.find((x) => x['year'] === '2014' && x['item'] === 'edu.vocational_grant')!;
    expect(other['source']).not.toMatch(/scenario/);

    const explain = await cli('explain', '440101', '--counties', counties, '--reference', 'none', '--scenario', PENSION, '--year', '2014');
    expect(explain.out).toMatch(/standard 840 yuan per beneficiary per year \[policy: 人社部发〔2015〕5号 \(set by scenario raise_basic_pension\.yaml:12\)\]/);
  });

  it('a scenario without a reference is cited as an assumption naming its file and line', () => {
    const dir = tempDir('prov2');
    const file = write(dir, 'noref.yaml', 'title: no reference here\nchanges:\n  - path: standards.si.rural_pension_basic.standard\n    values: { 2012: 60 }\n');
    const scenario = loadScenario(file, loadPolicyData());
    const row = parameterRows(scenario.policy, 2012).find((p) => p.path === 'standards.si.rural_pension_basic.standard')!;
    expect(row.value).toBe('60');
    expect(row.sourceKind).toBe('assumption');
    expect(row.source).toBe('assumption: set by scenario noref.yaml:3 (“no reference here”), which cites no reference');
  });
});

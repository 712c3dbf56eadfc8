import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRANSFER_COLUMNS } from '../../src/tables/countyTable.ts';
import { MECHANISM_NAMES } from '../../src/model/transfers/mechanisms.ts';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/main.ts';
import { yuanToFen } from '../../src/model/money.ts';
import { sampleRow, toCsvText } from '../helpers/countyCsv.ts';
import { cli, readCsv } from '../helpers/cliInProcess.ts';

let dir: string;
let sample: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-cli-'));
  sample = join(dir, 'sample.csv');
  writeFileSync(sample, toCsvText([sampleRow('440101'), sampleRow('440102', { directly_managed: 1 }), sampleRow('510101'), sampleRow('510102', { nutrition_pilot: 0 }), sampleRow('110101')]));
});
afterEach(() => vi.restoreAllMocks());

const fen = yuanToFen;

describe('fiscal-sim run', () => {
  it('runs the default data (Guangdong, 2012) and its tables reconcile to the fen', async () => {
    const out = join(dir, 'default');
    const r = await cli('run', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Standard cost of the basic-service bundle/);
    expect(r.out).toMatch(/Counties in a gap: \d+ of 123/);
    const counties = readCsv(join(out, 'counties.csv'));
    const items = readCsv(join(out, 'items.csv'));
    expect(counties).toHaveLength(123);
    expect(counties.reduce((a, c) => a + Number(c['resident_pop']), 0)).toBe(104_320_459);
    for (const c of counties) {
      const own = items.filter((i) => i['code'] === c['code']);
      for (const col of ['cost', 'central', 'provincial', 'prefecture_level', 'county']) {
        const total = own.reduce((a, i) => a + fen(i[col]!), 0);
        expect(total).toBe(fen(c[col === 'cost' ? 'standard_cost' : col]!));
      }
      expect(fen(c['central']!) + fen(c['provincial']!) + fen(c['prefecture_level']!) + fen(c['county']!)).toBe(fen(c['standard_cost']!));
      expect(fen(c['needs']!) - fen(c['resources']!)).toBe(fen(c['gap']!));
      expect(fen(c['standard_cost']!) + fen(c['other_spending']!)).toBe(fen(c['needs']!));
      const general = TRANSFER_COLUMNS.reduce((a, k) => a + fen(c[k]!), 0);
      expect(general).toBe(fen(c['general_transfer']!));
      expect(fen(c['own_revenue']!) + fen(c['tax_rebates']!) + fen(c['system_subsidy']!) - fen(c['remittance']!) + general + fen(c['special_transfers']!)).toBe(fen(c['resources']!));
    }
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { summaries: Array<{ totals: { standardCostFen: number } }> };
    expect(summary.summaries[0]!.totals.standardCostFen).toBe(counties.reduce((a, c) => a + fen(c['standard_cost']!), 0));
  });

  it('runs the whole country from the national file', async () => {
    const out = join(dir, 'national');
    const national = new URL('../../data/counties/china_2012.csv', import.meta.url).pathname;
    const r = await cli('run', '--counties', national, '--out', out, '--quiet');
    expect(r.code).toBe(0);
    const counties = readCsv(join(out, 'counties.csv'));
    expect(counties).toHaveLength(2858);
    expect(new Set(counties.map((c) => c['province'])).size).toBe(31);
    const provinces = readCsv(join(out, 'provinces.csv'));
    // the whole 2012 central equalization pool (6,860.00亿) is allocated among the provinces, to the fen
    expect(provinces.reduce((a, p) => a + fen(p['central_allocation']!), 0)).toBe(68_600_000_000_000);
  });

  it('runs a user file with --reference none over several years', async () => {
    const out = join(dir, 'sample-out');
    const r = await cli('run', '--counties', sample, '--reference', 'none', '--year', '2012-2014', '--out', out, '--quiet');
    expect(r.code).toBe(0);
    expect(readCsv(join(out, 'counties.csv'))).toHaveLength(15);
  });

  it('refuses a bad county file with every problem, exit 2 and no output', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, toCsvText([sampleRow('440101', { resident_pop: -3 }), sampleRow('440101'), sampleRow('990101', { province_code: '990000' })]));
    const out = join(dir, 'never');
    const r = await cli('run', '--counties', bad, '--reference', 'none', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad.csv:2:resident_pop: -3 is negative/);
    expect(r.err).toMatch(/bad.csv:3:code: duplicate code 440101/);
    expect(r.err).toMatch(/bad.csv:4:province_code: unknown province 990000/);
    expect(r.err).toMatch(/Nothing was written/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a bad scenario before writing anything', async () => {
    const scen = join(dir, 'bad.yaml');
    writeFileSync(scen, 'title: bad one\nchanges:\n  - path: rules.health_bph.central_share\n    values: { 2012: 2 }\n');
    const out = join(dir, 'never2');
    const r = await cli('run', '--scenario', scen, '--counties', sample, '--reference', 'none', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad.yaml:4:\d+: rules.health_bph.central_share 2012: share 2 is above 1/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('fiscal-sim explain, compare, params', () => {
  it('explains one county from drivers to gap, with sources', async () => {
    const r = await cli('explain', '510101', '--counties', sample, '--reference', 'none');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^县510101 \(510101\)/);
    expect(r.out).toMatch(/edu\.running_costs_rural_primary/);
    expect(r.out).toMatch(/seed ch\.3/);
    expect(r.out).toMatch(/financing gap = needs − resources = /);
    // every resource and every general transfer is named, with its source
    for (const label of ['own revenue 本级收入', 'tax rebates 税收返还', 'system subsidy 体制补助', 'remittance 上解', 'guarantee gap 保障缺口', 'plan gap 规划服务缺口', 'salaries 保工资', 'running costs 保运转']) expect(r.out).toContain(label);
    for (const m of Object.values(MECHANISM_NAMES)) expect(r.out).toContain(m.zh);
    expect(r.out).toMatch(/财预〔2011〕392号/);
    const missing = await cli('explain', '999999', '--counties', sample, '--reference', 'none');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no county "999999" in sample\.csv; give a code, full name, short name or pinyin/);
  });

  it('compares a scenario with the baseline and writes the difference tables', async () => {
    const out = join(dir, 'cmp');
    const scen = new URL('../../scenarios/raise_basic_pension.yaml', import.meta.url).pathname;
    const r = await cli('compare', 'baseline', scen, '--counties', sample, '--reference', 'none', '--year', '2014', '--out', out, '--quiet');
    expect(r.code).toBe(0);
    const sub = join(out, 'compare-baseline-vs-raise_basic_pension');
    for (const f of ['counties.csv', 'prefectures.csv', 'provinces.csv', 'years.csv', 'levels.csv', 'items.csv', 'winners_losers.csv', 'measures.csv', 'metadata.json']) expect(existsSync(join(sub, f)), f).toBe(true);
    const levels = readCsv(join(sub, 'levels.csv'));
    const total = levels.reduce((a, l) => a + fen(l['cost_change']!), 0);
    const years = readCsv(join(sub, 'years.csv'));
    expect(total).toBe(fen(years[0]!['standard_cost_change']!));
  });

  it('lists parameters with values by year and sources', async () => {
    const r = await cli('params', 'standards.si.ncms_subsidy.standard');
    expect(r.code).toBe(0);
    // NCMS subsidy path: 380 in 2015 (the 2015 NCMS notice; the seed only set a floor of 360)
    expect(r.out).toMatch(/values: 2011: 200; 2012: 240; 2013: 280; 2014: 320; 2015: 380/);
    expect(r.out).toMatch(/source: policy:/);
  });

  it('has help on every command', async () => {
    for (const cmd of (await buildProgram()).commands) {
      expect(cmd.description().length, cmd.name()).toBeGreaterThan(10);
      expect(cmd.helpInformation()).toMatch(/Options:/);
    }
  });
});

describe('projection limits', () => {
  it('refuses a year before the first fiscal data, naming the county', async () => {
    const r = await cli('run', '--counties', sample, '--reference', 'none', '--year', '2011', '--out', join(dir, 'never3'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/county 440101 has no own_revenue for 2011 or any earlier year to project from/);
    expect(existsSync(join(dir, 'never3'))).toBe(false);
  });
});

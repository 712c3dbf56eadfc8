/**
 * Fuzz: fast-check generates scenario documents (structure and formula tokens) and county rows
 * (numbers, text, encodings), with a fixed seed and a bounded number of runs. Each case goes the
 * way the command line goes: load and check, run, build the output tables. The properties:
 * - no uncaught exception: every failure is one of the user-facing errors (InputError and the like);
 * - no output on error (checked through the command line for a few cases);
 * - no NaN, Infinity or negative cost in any output, and no live formula in any CSV cell.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeText, parseCountyText, type CountyFile } from '../../src/input/countyFile.ts';
import { InputError } from '../../src/input/inputError.ts';
import { loadPolicyData, type PolicyData } from '../../src/input/policyData.ts';
import { MoneyOverflowError } from '../../src/model/money.ts';
import { isFormulaLike } from '../../src/report/cellSafety.ts';
import { toCsv } from '../../src/report/csv.ts';
import { FormulaError, FORMULA_FUNCTIONS, FORMULA_SYMBOLS } from '../../src/scenarios/formula.ts';
import { listParameters } from '../../src/scenarios/parameterRegistry.ts';
import { ProjectionError } from '../../src/scenarios/projection.ts';
import { ResolutionError } from '../../src/scenarios/resolveYear.ts';
import { baselineScenario, type Scenario } from '../../src/scenarios/scenario.ts';
import { runScenario } from '../../src/simulation/runScenario.ts';
import { loadScenario } from '../../src/scenarios/scenarioFile.ts';
import { COUNTY_COLUMNS, countyRow, ITEM_COLUMNS, itemRows } from '../../src/tables/countyTable.ts';
import { HEADER, sampleRow, toCsvText, type CsvRow } from '../helpers/countyCsv.ts';
import { cli, countyCsv, tempDir, write } from './helpers.ts';

const SEED = 20121130;

let policy: PolicyData;
let paths: string[];
let counties: CountyFile;
let dir: string;
beforeAll(() => {
  policy = loadPolicyData();
  paths = listParameters(policy).map((p) => p.path);
  dir = tempDir('fuzz');
  counties = parseCountyText(countyCsv(), 'fuzz.csv');
});

/** The errors a user may see; anything else escaping is a defect. */
function isUserError(e: unknown): boolean {
  return e instanceof InputError || e instanceof FormulaError || e instanceof ResolutionError || e instanceof ProjectionError || e instanceof MoneyOverflowError;
}

const TEXT = new Set(['code', 'name', 'province', 'prefecture', 'item', 'item_name_zh', 'domain', 'driver', 'rule', 'source']);
const MONEY = new Set(['standard_cost', 'central', 'provincial', 'prefecture_level', 'county', 'cost', 'special_transfer', 'special_transfers', 'retained_by_prefecture']);

/** Run a scenario over counties as `run` does, and check every output cell. */
function runAndCheck(scenario: Scenario, file: CountyFile): void {
  const years = scenario.years.slice(0, 2);
  const runs = runScenario(scenario, file.counties, years);
  const all = new Set(file.counties.map((_, i) => i));
  for (const run of runs) {
    const cRows = run.result.counties.map((r) => countyRow(run, r));
    const iRows = itemRows(run, all);
    for (const [columns, rows] of [[COUNTY_COLUMNS, cRows], [ITEM_COLUMNS, iRows]] as const) {
      for (const row of rows) {
        for (const col of columns) {
          const v = row[col];
          if (v === undefined) continue;
          const text = String(v);
          if (TEXT.has(col)) continue;
          expect(text === '' || Number.isFinite(Number(text)), `${col} = ${text}`).toBe(true);
          if (MONEY.has(col)) {
            expect(Number.isFinite(Number(text)), `${col} = ${text}`).toBe(true);
            expect(Number(text), `${col} = ${text}`).toBeGreaterThanOrEqual(0);
          }
        }
      }
      const csv = toCsv(columns, rows);
      for (const line of csv.split('\n').slice(1)) for (const cell of line.split(',')) expect(isFormulaLike(cell.replace(/^"/, ''))).toBe(false);
    }
  }
}

const seen = new Map<string, number>();
function expectOnlyUserErrors(f: () => void): void {
  try {
    f();
  } catch (e) {
    if (!isUserError(e)) throw e;
    if (process.env['FUZZ_STATS']) {
      const k = (e as Error).message.split('\n')[1]?.replace(/^.*?: /, '').slice(0, 60) ?? '';
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
  }
}

// ---- generators -------------------------------------------------------------------------

const TOKENS = [
  ...FORMULA_SYMBOLS.slice(0, 8), 'own_revenue', 'cost_index', 'tier_2018', 'difficult', 'unknown_col', 'constructor', '__proto__',
  '0', '1', '-1', '0.5', '2', '10', '1e308', '1e-320', '3.7', 'Infinity', 'NaN', 'pi', 'true', '"s"',
  '+', '-', '*', '/', '^', '>', '<', '>=', '==', '!=', 'and', 'or', 'not', '?', ':', ',', '(', ')', '[', ']', '.', '=', '!', '%',
  ...Object.keys(FORMULA_FUNCTIONS).map((f) => `${f}(`), 'import(', 'evaluate(', 'f(x)=', 'x=', '{',
];
const formula = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 12 }).map((t) => `= ${t.join(' ')}`);
/** Simple well-formed formulas too, so that many reach the run. */
const goodFormula = fc.tuple(fc.constantFrom(...Object.keys(FORMULA_FUNCTIONS)), fc.constantFrom('resident_pop', 'rural_pop', 'own_revenue', '0', '1', '0.5'), fc.constantFrom('/ 1000000', '* 0.001', '- 1', '/ rural_pop', '', ', 2')).map(
  ([f, a, b]) => `= ${f}(${a} ${b})`,
);
const number = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -10, max: 2_000_000 }),
  fc.constantFrom(0, 1, 0.5, 0.3333333, 0.123456, 1e6, 1e15, 1e17, -1, 70, 1.0000001, 2 ** 53),
);
const anyValue = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 1_000_000 }).map((k) => k / 1_000_000) },
  { weight: 4, arbitrary: number },
  { weight: 2, arbitrary: formula },
  { weight: 3, arbitrary: goodFormula },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.constantFrom(null, true, [], {}, { by: 'tier_2018', 1: 0.5 }, { by: 'region_group', east: 0.2, central: 0.6, west: 0.8 }, { province: 0.5, prefecture: 0.2, county: 0.3 }) },
);
const yearKey = fc.oneof({ weight: 15, arbitrary: fc.integer({ min: 2010, max: 2016 }).map(String) }, { weight: 1, arbitrary: fc.constantFrom('2090', '1999', 'x', '20120', '2040') });
const change = fc.record({
  path: fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.string() }),
  pathIndex: fc.nat(),
  values: fc.dictionary(yearKey, anyValue, { minKeys: 1, maxKeys: 3 }),
});
const where = fc.oneof(fc.constant({ all: true }), fc.constantFrom({ province: '440000' }, { province: 'nowhere' }, { prefecture: '440100' }, { codes: ['440101', '999999'] }, { region_group: 'west' }, { all: false }));
const set = fc.dictionary(fc.constantFrom('directly_managed', 'difficult', 'nutrition_pilot', 'region_group', 'tier_2018', 'cost_index', 'bogus'), fc.oneof(fc.boolean(), fc.integer({ min: -1, max: 12 }), fc.constantFrom('west', 'north', 0.5, 100)), { maxKeys: 2 });
const scenarioDoc = fc.record(
  {
    title: fc.oneof({ weight: 6, arbitrary: fc.constant('a fuzzed scenario') }, { weight: 1, arbitrary: fc.string() }),
    years: fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 2011, max: 2015 }).map((y) => ({ from: y, to: y })) },
      { weight: 1, arbitrary: fc.record({ from: fc.integer({ min: 1995, max: 2100 }), to: fc.integer({ min: 1995, max: 2100 }) }) },
    ),
    population_basis: fc.constantFrom('resident', 'registered', 'registered', 'resident', 'resident', 'registered', 'both'),
    changes: fc.array(change, { maxLength: 3 }),
    counties: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(fc.record({ where, set }), { maxLength: 2 }) }),
    extends: fc.oneof({ weight: 1, arbitrary: fc.constantFrom('/dev/zero', 'missing.yaml', '../../../etc/passwd', 'self.yaml') }, { weight: 3, arbitrary: fc.constant(undefined) }),
    reference: fc.string(),
  },
  { requiredKeys: ['title', 'changes'] },
);

describe('fuzz', () => {
  it('scenario documents: only user errors, and clean outputs when accepted', () => {
    let n = 0;
    let accepted = 0;
    fc.assert(
      fc.property(scenarioDoc, fc.constantFrom('yaml', 'json'), fc.nat({ max: 100 }), (doc, format, cut) => {
        const data: Record<string, unknown> = { ...doc };
        if (doc.changes) data['changes'] = doc.changes.map((c) => ({ path: c.path === '' ? paths[c.pathIndex % paths.length] : c.path, values: c.values }));
        if (doc.years && doc.years.to - doc.years.from > 3) data['years'] = { from: doc.years.from, to: doc.years.from + (doc.years.to % 3) };
        if (data['extends'] === undefined) delete data['extends'];
        let text = format === 'json' ? JSON.stringify(data) : stringify(data);
        if (cut > 95) text = text.slice(0, Math.floor((text.length * cut) / 200)); // a truncated document
        const file = write(dir, `s${n++}.${format}`, text);
        if (data['extends'] === 'self.yaml') write(dir, 'self.yaml', text);
        expectOnlyUserErrors(() => {
          const scenario = loadScenario(file, policy);
          runAndCheck(scenario, counties);
          accepted++;
        });
      }),
      { seed: SEED, numRuns: 100 },
    );
    if (process.env['FUZZ_STATS']) console.log(accepted, [...seen].sort((a, b) => b[1] - a[1]).slice(0, 25));
    // the generators reach the run for part of the cases, not only load errors
    expect(accepted).toBeGreaterThan(8);
  });

  // ---- county rows ----
  const hostileText = fc.constantFrom('=1+1', '@SUM(A1)', '+cmd', '-2+3', '\t=x', '荔湾区', 'Ω≈ç', '\u0000', '"quoted, comma"', '', ' ', '1e400', "=HYPERLINK(\"http://x\")");
  const cellValue = fc.oneof(
    number.map(String),
    fc.constantFrom('1,234,567', '１２３', '-0', '+5', '0x10', '1e400', 'NaN', '是', '否', 'east', '东部', '12.345', '1 234', ''),
    hostileText,
    fc.string({ maxLength: 8 }),
  );
  const override = fc.dictionary(fc.constantFrom(...HEADER), cellValue, { maxKeys: 3 });
  const encoding = fc.constantFrom('utf8', 'utf8bom', 'gbk', 'mixed', 'latin1-stray');

  function encode(text: string, how: string): Uint8Array {
    switch (how) {
      case 'utf8bom':
        return Buffer.from(`\uFEFF${text}`, 'utf8');
      case 'gbk':
        return iconv.encode(text, 'gbk');
      case 'mixed': {
        const lines = text.split('\n');
        return Buffer.concat([Buffer.from(`${lines.slice(0, -2).join('\n')}\n`, 'utf8'), iconv.encode(lines.slice(-2).join('\n'), 'gbk')]);
      }
      case 'latin1-stray':
        return Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0x61, 0xe9, 0x0a])]);
      default:
        return Buffer.from(text, 'utf8');
    }
  }

  it('county rows (numbers, text, encodings): only user errors, and clean outputs when accepted', () => {
    const base = baselineScenario(policy, [2012]);
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(override, { minLength: 1, maxLength: 4 }), encoding, (overrides, how) => {
        const rows: CsvRow[] = overrides.map((o, i) => sampleRow(String(440101 + i), { name: `县${i}`, ...o }));
        const bytes = encode(toCsvText(rows), how);
        expectOnlyUserErrors(() => {
          const file = parseCountyText(decodeText(bytes, 'fuzz.csv').text, 'fuzz.csv');
          runAndCheck(base, file);
          accepted++;
        });
      }),
      { seed: SEED, numRuns: 150 },
    );
    expect(accepted).toBeGreaterThan(5);
  });

  it('through the command line: a refused input writes nothing and prints no trace', async () => {
    const cases = fc.sample(fc.tuple(scenarioDoc, override), { seed: SEED, numRuns: 4 });
    const countiesFile = write(dir, 'cli.csv', countyCsv());
    let k = 0;
    for (const [doc, o] of cases) {
      const data = { ...doc, changes: (doc.changes ?? []).map((c) => ({ path: c.path === '' ? paths[c.pathIndex % paths.length] : c.path, values: c.values })), years: { from: 2012, to: 2012 } };
      const scenario = write(dir, `cli${k}.yaml`, stringify(data));
      const county = write(dir, `cli${k}.csv`, toCsvText([sampleRow('440101', o), sampleRow('440102')]));
      for (const [args, name] of [[['--scenario', scenario, '--counties', countiesFile], 's'], [['--counties', county], 'c']] as const) {
        const out = join(dir, `cli-out-${k}-${name}`);
        const r = await cli('run', ...args, '--reference', 'none', '--year', '2012', '--out', out, '--quiet');
        expect(r.err).not.toMatch(/unexpected error|\n\s+at .+:\d+:\d+/);
        if (r.code !== 0) {
          expect(r.code).toBe(2);
          expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
        } else {
          const csv = readFileSync(join(out, 'counties.csv'), 'utf8');
          expect(csv).not.toMatch(/NaN|Infinity/);
        }
      }
      k++;
    }
  });
});

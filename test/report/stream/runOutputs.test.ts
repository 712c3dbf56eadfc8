/**
 * The streaming writers of `run`: the same bytes as the row-object writers they replace,
 * all-or-nothing output, exact money text, and the item summary.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicyData } from '../../../src/input/policyData.ts';
import { fenToYuanString, yuanToFen } from '../../../src/model/money.ts';
import { OutputSet, writeOutputSetSync } from '../../../src/report/atomicWrite.ts';
import { toCsv } from '../../../src/report/csv.ts';
import { ChunkedTextWriter } from '../../../src/report/stream/chunkedWriter.ts';
import { putFen, writeItemLines } from '../../../src/report/stream/itemBytes.ts';
import { forEachItemLine } from '../../../src/report/stream/itemLines.ts';
import { fenText } from '../../../src/report/stream/moneyText.ts';
import { writeRunOutputs } from '../../../src/report/stream/runOutputs.ts';
import { baselineScenario } from '../../../src/scenarios/scenario.ts';
import { runScenario } from '../../../src/simulation/runScenario.ts';
import { DEFAULT_COUNTIES, loadCountySet } from '../../../src/simulation/countySet.ts';
import type { YearRun } from '../../../src/simulation/runSimulation.ts';
import { COUNTY_COLUMNS, countyRow, ITEM_COLUMNS, itemRows, itemSource, itemSummaryRows } from '../../../src/tables/countyTable.ts';
import { PROVINCE_COLUMNS, provinceRows } from '../../../src/tables/provinceTable.ts';

let dir: string;
let runs: YearRun[];
let focus: number[];
const policy = loadPolicyData();
const catalog = new Map(policy.items.map((i) => [i.id, i]));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-stream-'));
  const set = loadCountySet({ countiesFile: DEFAULT_COUNTIES, reference: 'none' });
  runs = runScenario(baselineScenario(policy), set.counties, [2011, 2012]);
  focus = [...set.focus];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fenText', () => {
  it('writes fen as yuan with two decimals by integer arithmetic', () => {
    expect(fenText(0)).toBe('0.00');
    expect(fenText(5)).toBe('0.05');
    expect(fenText(-5)).toBe('-0.05');
    expect(fenText(123456)).toBe('1234.56');
    expect(fenText(-100)).toBe('-1.00');
    expect(fenText(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
    expect(fenText(-Number.MAX_SAFE_INTEGER)).toBe('-90071992547409.91');
    expect(() => fenText(0.5)).toThrow(/not an exact number of fen/);
    expect(() => fenText(2 ** 53)).toThrow(/not an exact number of fen/);
  });

  it('gives the same text as fenToYuanString and reads back to the same fen', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (fen) => {
      expect(fenText(fen)).toBe(fenToYuanString(fen));
      expect(yuanToFen(fenText(fen))).toBe(fen);
    }), { numRuns: 2000 });
  });
});

describe('streamed run files', () => {
  it('are byte-identical to the row-object CSV writer (counties, items, provinces)', () => {
    const out = join(dir, 'same');
    const provinces = new Set(focus.map((i) => runs[0]!.counties[i]!.provinceCode));
    const meta = { command: 'run', years: [2011, 2012] };
    const written = writeRunOutputs({ out, runs, policy, focus, provinces, items: 'full', meta });
    const focusSet = new Set(focus);
    const expectedCounties = toCsv(COUNTY_COLUMNS, runs.flatMap((run) => focus.map((i) => countyRow(run, run.result.counties[i]!))));
    const expectedItems = toCsv(ITEM_COLUMNS, runs.flatMap((run) => itemRows(run, focusSet)));
    const expectedProvinces = toCsv(PROVINCE_COLUMNS, runs.flatMap((run) => provinceRows(run, provinces)));
    expect(readFileSync(join(out, 'counties.csv'), 'utf8')).toBe(expectedCounties);
    expect(readFileSync(join(out, 'items.csv'), 'utf8')).toBe(expectedItems);
    expect(readFileSync(join(out, 'provinces.csv'), 'utf8')).toBe(expectedProvinces);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(`${JSON.stringify(meta, null, 2)}\n`);
    expect(written.itemRows).toBe(focus.length * (runs[0]!.params.items.length + runs[1]!.params.items.length));
    expect(readdirSync(out).sort()).toEqual(['counties.csv', 'item_sources.csv', 'items.csv', 'provinces.csv', 'summary.json']);
  });

  it('items.csv has no source column; item_sources.csv gives each item source once per item and year, joined by item and year', () => {
    const out = join(dir, 'sources');
    writeRunOutputs({ out, runs, policy, focus, provinces: new Set(['440000']), items: 'full', meta: {} });
    const parse = (f: string): Array<Record<string, string>> => Papa.parse<Record<string, string>>(readFileSync(join(out, f), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    const items = parse('items.csv');
    const sources = parse('item_sources.csv');
    expect(readFileSync(join(out, 'items.csv'), 'utf8').split('\n')[0]).toBe('\uFEFFcode,name,year,item,item_name_zh,domain,driver,beneficiaries,unit_standard,cost_index,cost,central,provincial,prefecture_level,county,special_transfer,retained_by_prefecture,rule');
    expect(readFileSync(join(out, 'item_sources.csv'), 'utf8').split('\n')[0]).toBe('\uFEFFyear,item,item_name_zh,item_name_en,domain,driver,rule,source');
    // one row per item and year: 2 years × the catalog's items
    expect(sources).toHaveLength(runs[0]!.params.items.length + runs[1]!.params.items.length);
    const key = (r: Record<string, string>): string => `${r['year']}|${r['item']}`;
    expect(new Set(sources.map(key)).size).toBe(sources.length);
    const byKey = new Map(sources.map((s) => [key(s), s]));
    // every item row joins to exactly one source row, which repeats its names, driver and rule
    for (const r of items) {
      const s = byKey.get(key(r));
      expect(s, key(r)).toBeDefined();
      expect([s!['item_name_zh'], s!['domain'], s!['driver'], s!['rule']]).toEqual([r['item_name_zh'], r['domain'], r['driver'], r['rule']]);
    }
    const pension = byKey.get('2012|si.rural_pension_basic')!;
    expect(pension['source']).toBe(itemSource(runs[1]!, 'si.rural_pension_basic', catalog, policy));
    expect(pension['source']!.length).toBeGreaterThan(20);
  });

  it('writes item lines for any subset of counties, in county order', () => {
    const some = new Set([focus[7]!, focus[2]!]);
    const lines: string[] = [];
    forEachItemLine(runs[1]!, some, (l) => lines.push(l));
    const expected = toCsv(ITEM_COLUMNS, itemRows(runs[1]!, some)).split('\n').slice(1, -1);
    expect(lines).toEqual(expected);
  });

  it('--items summary: one row per item and year, each amount the sum of the county rows', () => {
    const run = runs[1]!;
    const focusSet = new Set(focus);
    const rows = itemSummaryRows(run, focusSet, catalog, policy);
    expect(rows).toHaveLength(run.params.items.length);
    const detail = itemRows(run, focusSet);
    for (const [k, row] of rows.entries()) {
      const mine = detail.filter((d) => d['item'] === row['item']);
      expect(mine).toHaveLength(focus.length);
      expect(row['counties']).toBe(focus.length);
      for (const col of ['cost', 'central', 'provincial', 'prefecture_level', 'county', 'special_transfer', 'retained_by_prefecture']) {
        expect(yuanToFen(String(row[col])), `${k} ${col}`).toBe(mine.reduce((a, d) => a + yuanToFen(String(d[col])), 0));
      }
      // the four levels add up to the cost
      expect(['central', 'provincial', 'prefecture_level', 'county'].reduce((a, c) => a + yuanToFen(String(row[c])), 0)).toBe(yuanToFen(String(row['cost'])));
    }
  });

  it('--items summary and none: items_summary.csv or no item file', () => {
    const provinces = new Set(['440000']);
    const a = join(dir, 'summary');
    writeRunOutputs({ out: a, runs, policy, focus, provinces, items: 'summary', meta: {} });
    expect(readdirSync(a).sort()).toEqual(['counties.csv', 'items_summary.csv', 'provinces.csv', 'summary.json']);
    const lines = readFileSync(join(a, 'items_summary.csv'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1 + runs[0]!.params.items.length + runs[1]!.params.items.length);
    expect(lines[0]).toBe('\uFEFFyear,item,item_name_zh,domain,driver,counties,beneficiaries,cost,central,provincial,prefecture_level,county,special_transfer,retained_by_prefecture,rule,source');
    const b = join(dir, 'none');
    writeRunOutputs({ out: b, runs, policy, focus, provinces, items: 'none', meta: {} });
    expect(readdirSync(b).sort()).toEqual(['counties.csv', 'provinces.csv', 'summary.json']);
  });
});

describe('--unit', () => {
  it('adds 万元 columns after the exact yuan columns, which stay as they are', () => {
    const out = join(dir, 'wan');
    const provinces = new Set(['440000']);
    writeRunOutputs({ out, runs: [runs[1]!], policy, focus, provinces, items: 'full', unit: 'wan', meta: {} });
    const plain = join(dir, 'plain');
    writeRunOutputs({ out: plain, runs: [runs[1]!], policy, focus, provinces, items: 'full', meta: {} });
    for (const f of ['counties.csv', 'items.csv', 'provinces.csv']) {
      const parse = (path: string): string[][] => Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, '').trimEnd()).data;
      const a = parse(join(out, f));
      const b = parse(join(plain, f));
      expect(a).toHaveLength(b.length);
      const header = a[0]!;
      const base = b[0]!;
      expect(header.slice(0, base.length)).toEqual(base);
      const extra = header.slice(base.length);
      expect(extra.length, f).toBeGreaterThan(0);
      expect(extra.every((c) => c.endsWith('_wan') && base.includes(c.slice(0, -4)))).toBe(true);
      for (let r = 1; r < Math.min(a.length, 30); r++) {
        const row = a[r]!;
        expect(row.slice(0, base.length)).toEqual(b[r]);
        extra.forEach((c, k) => {
          const fen = yuanToFen(row[base.indexOf(c.slice(0, -4))]!);
          const wan = Number(row[base.length + k]);
          // within half of 0.01 万元 (5,000 fen) of the exact amount
          expect(Math.abs(Math.round(wan * 1_000_000) - fen), `${f} ${c}`).toBeLessThanOrEqual(5_000);
        });
      }
    }
  });
});

describe('all-or-nothing output', () => {
  it('leaves no file and no temporary file when writing fails part-way', () => {
    const out = join(dir, 'failed');
    expect(() => writeOutputSetSync((set) => {
      set.text(join(out, 'a.csv')).write('x'.repeat(5000));
      set.text(join(out, 'b.csv')).write('y');
      throw new Error('disk full');
    })).toThrow('disk full');
    expect(readdirSync(out)).toEqual([]);
  });

  it('keeps the previous files when a new set fails', () => {
    const out = join(dir, 'keep');
    writeOutputSetSync((set) => set.text(join(out, 'a.csv')).write('old'));
    expect(() => writeOutputSetSync((set) => {
      set.text(join(out, 'a.csv')).write('new');
      throw new Error('stop');
    })).toThrow('stop');
    expect(readFileSync(join(out, 'a.csv'), 'utf8')).toBe('old');
    expect(readdirSync(out)).toEqual(['a.csv']);
  });

  it('writes nothing to the final names before commit', () => {
    const out = join(dir, 'pending');
    const set = new OutputSet();
    set.text(join(out, 'a.csv')).write('a');
    expect(existsSync(join(out, 'a.csv'))).toBe(false);
    set.commit();
    expect(readFileSync(join(out, 'a.csv'), 'utf8')).toBe('a');
  });
});

describe('items.csv as bytes', () => {
  it('putFen writes the text fenText gives, by integer arithmetic', () => {
    const buf = Buffer.alloc(32);
    const put = (fen: number): string => buf.toString('latin1', 3, putFen(buf, 3, fen));
    expect(put(0)).toBe('0.00');
    expect(put(7)).toBe('0.07');
    expect(put(-7)).toBe('-0.07');
    expect(put(1000)).toBe('10.00');
    expect(put(-123456)).toBe('-1234.56');
    expect(put(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
    expect(put(-Number.MAX_SAFE_INTEGER)).toBe('-90071992547409.91');
    expect(() => put(0.5)).toThrow(/not an exact number of fen/);
    fc.assert(fc.property(fc.maxSafeInteger(), (fen) => {
      expect(put(fen)).toBe(fenText(fen));
    }), { numRuns: 2000 });
  });

  for (const [label, chunk, unit] of [['1 MB chunks', 1 << 20, undefined], ['chunks smaller than a line', 7, undefined], ['small chunks, 亿元 columns', 300, 'yi']] as const) {
    it(`writes the same bytes as the item lines (${label})`, () => {
      const some = new Set([focus[9]!, focus[0]!, focus[4]!]);
      const path = join(dir, `bytes-${chunk}.csv`);
      const w = new ChunkedTextWriter(path, chunk);
      expect(writeItemLines(runs[0]!, some, w, unit)).toBe(3 * runs[0]!.params.items.length);
      w.close();
      const lines: string[] = [];
      forEachItemLine(runs[0]!, some, (l) => lines.push(l), unit);
      expect(readFileSync(path, 'utf8')).toBe(lines.map((l) => `${l}\n`).join(''));
    });
  }
});

describe('item rows computed with the county figures', () => {
  it("give the same items.csv as rows computed when read (run's 'full' and 'on-demand'), a warm-up year before", () => {
    const set = loadCountySet({ countiesFile: DEFAULT_COUNTIES, reference: 'none' });
    const [full] = runScenario(baselineScenario(policy), set.counties, [2012], undefined, undefined, 'full');
    const all = new Set(set.focus);
    const write = (run: YearRun, name: string): string => {
      const w = new ChunkedTextWriter(join(dir, name));
      writeItemLines(run, all, w);
      w.close();
      return readFileSync(join(dir, name), 'utf8');
    };
    expect(write(full!, 'full.csv')).toBe(write(runs[1]!, 'on-demand.csv'));
  });
});

describe('ChunkedTextWriter', () => {
  it('writes the same bytes in small chunks as in one, and counts and hashes them', () => {
    const text = Array.from({ length: 500 }, (_, i) => `${i},县${i},"a,b"\n`).join('');
    const path = join(dir, 'chunks.csv');
    const w = new ChunkedTextWriter(path, 7, { sha256: true });
    for (const line of text.split(/(?<=\n)/)) w.write(line);
    w.close();
    const bytes = readFileSync(path);
    expect(bytes.toString('utf8')).toBe(text);
    expect(w.bytes).toBe(Buffer.byteLength(text));
    expect(w.sha256()).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});

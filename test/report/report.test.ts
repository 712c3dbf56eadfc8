import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelKeys, t } from '../../src/report/html/labels.ts';
import { createProgress } from '../../src/report/progress.ts';
import { setMessageLang } from '../../src/i18n/messageLang.ts';
import { TIDY_COLUMNS } from '../../src/report/tidy/tidy.ts';
import { yuanToFen } from '../../src/model/money.ts';
import { writeFixture, type ReportFixture } from './fixture.ts';
import { MECHANISM_NAMES } from '../../src/model/transfers/mechanisms.ts';
import { TRANSFER_COLUMNS } from '../../src/tables/countyTable.ts';
import { cli, fen, headlineValues, readCsv, sumFen, type CsvRecord } from './helpers.ts';

let dir: string;
let fx: ReportFixture;
let out: string;
let counties: CsvRecord[];
let items: CsvRecord[];

async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

const input = (): string[] => ['--counties', fx.counties, '--reference', 'none', '--data', fx.data];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-report-'));
  fx = writeFixture(join(dir, 'fixture'));
  out = join(dir, 'out');
  expect(await cli('run', ...input(), '--out', join(dir, 'run'), '--quiet')).toBe(0);
  counties = readCsv(join(dir, 'run', 'counties.csv'));
  items = readCsv(join(dir, 'run', 'items.csv'));
  expect(await cli('report', ...input(), '--lang', 'zh', '--out', out, '--quiet')).toBe(0);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('labels', () => {
  it('every label has Chinese and English text, and placeholders are filled', () => {
    for (const key of labelKeys()) {
      expect(t('zh', key).length, key).toBeGreaterThan(0);
      expect(t('en', key).length, key).toBeGreaterThan(0);
    }
    expect(t('en', 'ofCounties', { n: 12 })).toBe('of 12 counties');
    expect(t('zh', 'ofCounties', { n: 12 })).toBe('共 12 个县');
  });
});

describe('fiscal-sim report (baseline)', () => {
  it('writes province pages, an overview, one page per county, the workbook and tidy files', () => {
    const files = readdirSync(out).sort();
    expect(files).toEqual(['county', 'index-2012.html', 'province-440000-2012.html', 'province-510000-2012.html', 'tidy-2012.csv', 'tidy-2012.json', 'tidy-2012.metadata.json', 'workbook-2012.xlsx']);
    expect(readdirSync(join(out, 'county'))).toHaveLength(counties.length);
    expect(readdirSync(out).some((f) => f.includes('.tmp-'))).toBe(false);
  });

  it('headline figures of a province page equal the sums of counties.csv to the fen', () => {
    const html = readFileSync(join(out, 'province-440000-2012.html'), 'utf8');
    const rows = counties.filter((r) => r['code']!.startsWith('44'));
    const h = headlineValues(html);
    for (const [key, column] of [['standard_cost', 'standard_cost'], ['special_transfers', 'special_transfers'], ['general_transfer', 'general_transfer'], ['gap', 'gap'], ['level_central', 'central'], ['level_provincial', 'provincial'], ['level_prefecture', 'prefecture_level'], ['level_county', 'county']] as const) {
      expect(fen(h.get(key)!), key).toBe(sumFen(rows, column));
    }
    const inGap = rows.filter((r) => fen(r['gap']!) > 0);
    expect(Number(h.get('counties_in_gap'))).toBe(inGap.length);
    expect(inGap.length).toBeGreaterThan(0);
    expect(inGap.length).toBeLessThan(rows.length);
    expect(fen(h.get('shortfall')!)).toBe(inGap.reduce((a, r) => a + fen(r['gap']!), 0));
    expect(Number(h.get('residents_in_gap'))).toBe(inGap.reduce((a, r) => a + Number(r['resident_pop']), 0));
  });

  it('pages are self-contained: inline SVG charts and CSS, no external resources', () => {
    for (const file of ['province-440000-2012.html', 'index-2012.html', join('county', '440103-2012.html')]) {
      const html = readFileSync(join(out, file), 'utf8');
      expect(html.match(/<svg\b/g)?.length ?? 0, file).toBeGreaterThanOrEqual(2);
      expect(html, file).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
      expect(html, file).not.toMatch(/<script[^>]+src=/i);
      expect(html, file).not.toMatch(/(src|href)="(https?:)?\/\//i);
      expect(html, file).not.toMatch(/url\(/i);
    }
  });

  it('a county page shows its items, transfers, peers and parameter sources, and escapes names', () => {
    const html = readFileSync(join(out, 'county', '440205-2012.html'), 'utf8');
    expect(html).toContain('A &quot;quoted&quot;, &lt;county&gt; &amp; co');
    expect(html).not.toContain('<county>');
    for (const id of ['items', 'transfers', 'peers']) expect(html).toContain(`<section id="${id}">`);
    // the sources are a collapsed appendix after the body, each distinct source listed once
    expect(html).toMatch(/<details class="appendix" id="sources"><summary>附录：参数来源/);
    expect(html.indexOf('id="sources"')).toBeGreaterThan(html.indexOf('<section id="peers">'));
    const refs = [...html.matchAll(/<li id="src-(\d+)">([^<]*)<\/li>/g)];
    expect(refs.length).toBeGreaterThan(5);
    expect(new Set(refs.map((m) => m[2])).size).toBe(refs.length);
    const row = counties.find((r) => r['code'] === '440205')!;
    const h = headlineValues(html);
    for (const k of ['standard_cost', 'gap', 'resources', 'needs', 'own_burden', 'special_transfers', 'guarantee_gap']) expect(h.get(k), k).toBe(row[k]);
    // the gap chain names the tax rebates and every general transfer, in Chinese
    for (const label of ['税收返还', '体制补助', '上解', ...Object.values(MECHANISM_NAMES).map((m) => m.zh)]) expect(html, label).toContain(label);
    const mine = items.filter((r) => r['code'] === '440205' && (fen(r['cost']!) !== 0 || Number(r['beneficiaries']) !== 0));
    expect((html.match(/<tr data-item="/g) ?? []).length).toBe(mine.length);
    expect(html).toContain('href="../province-440000-2012.html"');
    expect(html).toMatch(/class="badge (seed|policy|assumption)"/);
  });

  it('a Chinese county page is in Chinese: units, parameter descriptions and sources; a surplus is labelled 结余', () => {
    const html = readFileSync(join(out, 'county', '440205-2012.html'), 'utf8');
    const appendix = html.slice(html.indexOf('<details class="appendix"'));
    const table = appendix.slice(0, appendix.indexOf('</table>'));
    expect(table).toContain('元/生/年');
    expect(table).not.toMatch(/yuan\/|>share<|: unit standard|coverage of |\((east|central|west)\)/);
    expect(appendix).toContain('：单位标准');
    expect(appendix).toMatch(/<li id="src-\d+">(规划原文|政策依据|假设)/);
    expect(appendix).not.toMatch(/<li id="src-\d+">(seed|policy|assumption)/);
    const surplus = counties.find((r) => fen(r['gap']!) < 0 && existsSync(join(out, 'county', `${r['code']}-2012.html`)))!;
    expect(surplus, 'the fixture has a county with room to spare').toBeDefined();
    const page = readFileSync(join(out, 'county', `${surplus['code']}-2012.html`), 'utf8');
    const card = /<div class="card spare" data-key="gap" data-value="([^"]+)"><div class="k">([^<]+)<\/div><div class="v">([^<]+)<\/div><div class="x">([^<]+)<\/div>/.exec(page)!;
    expect(card, 'gap card').not.toBeNull();
    expect(fen(card[1]!)).toBe(fen(surplus['gap']!));
    expect(card[2]).toBe('财力结余');
    expect(card[3]).not.toMatch(/^[-−]/);
    expect(fen(card[4]!.replace(/\s*元$/, ''))).toBe(-fen(surplus['gap']!));
  });

  it('the workbook reads back with the numbers of the CSV files, and its totals equal the sum of its rows', async () => {
    const wb = await loadWorkbook(join(out, 'workbook-2012.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    // exceljs reads worksheets only: the two chart sheets after 图表数据 are checked in test/report/xlsx/workbookCharts.test.ts
    expect(names).toEqual(['汇总', '排名', '县', '项目', '转移支付', '省', '参数与来源', '列说明', '图表数据']);
    // one header row of Chinese labels; the CSV column ids are on the column sheet
    const columnSheet: string[][] = [];
    wb.getWorksheet('列说明')!.eachRow((row, n) => {
      if (n > 1) columnSheet.push((row.values as ExcelJS.CellValue[]).slice(1).map(String));
    });
    const sheet = (name: string): { header: string[]; rows: ExcelJS.CellValue[][]; total: ExcelJS.CellValue[] } => {
      const ws = wb.getWorksheet(name)!;
      const labels = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
      const mine = columnSheet.filter((r) => r[0] === name);
      expect(mine.map((r) => r[2]), name).toEqual(labels);
      const header = mine.map((r) => r[1]!);
      const all: ExcelJS.CellValue[][] = [];
      ws.eachRow((row, n) => {
        if (n > 1) all.push((row.values as ExcelJS.CellValue[]).slice(1));
      });
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      // printed landscape on A4, fitted to the page width, the header row on every page
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
      return { header, rows: all.slice(0, -1), total: all[all.length - 1]! };
    };
    // exceljs writes no cached value for a formula whose result is 0: read that as 0
    const num = (v: ExcelJS.CellValue): number => (typeof v === 'number' ? v : v && typeof v === 'object' && 'formula' in v ? Number((v as { result?: unknown }).result ?? 0) : Number.NaN);
    const check = (name: string, csv: readonly CsvRecord[], moneyColumns: readonly string[]): void => {
      const s = sheet(name);
      expect(s.rows).toHaveLength(csv.length);
      for (const col of moneyColumns) {
        const k = s.header.indexOf(col);
        expect(k, col).toBeGreaterThanOrEqual(0);
        s.rows.forEach((r, i) => {
          expect(typeof r[k], `${name}.${col}`).toBe('number');
          expect(Math.round((r[k] as number) * 100), `${name}.${col} row ${i}`).toBe(fen(csv[i]![col]!));
        });
        const rowsFen = s.rows.reduce((a, r) => a + Math.round((r[k] as number) * 100), 0);
        expect(Math.round(num(s.total[k]) * 100), `${name}.${col} total`).toBe(rowsFen);
        expect(rowsFen, `${name}.${col} = CSV`).toBe(sumFen(csv, col));
        expect(s.total[k], `${name}.${col}`).toMatchObject({ formula: expect.stringMatching(/^SUM\(/) as unknown });
      }
    };
    check('县', counties, ['standard_cost', 'central', 'provincial', 'prefecture_level', 'county', 'special_transfers', 'own_revenue', 'tax_rebates', ...TRANSFER_COLUMNS, 'general_transfer', 'resources', 'needs', 'gap', 'plan_gap', 'guarantee_gap']);
    check('项目', items, ['cost', 'central', 'provincial', 'prefecture_level', 'county', 'special_transfer']);
    const ws = wb.getWorksheet('县')!;
    expect(columnSheet.find((r) => r[0] === '县' && r[1] === 'standard_cost')![2]).toBe(ws.getRow(1).getCell(8).value);
    expect(ws.getRow(1).getCell(8).value).not.toBe('standard_cost');
    expect(ws.getRow(2).getCell(8).numFmt).toBe('#,##0.00');
    // the ranking sheet: counties ranked by gap per resident, highest first, drawn with data bars
    const chart = wb.getWorksheet('排名')!;
    const perCapita: number[] = [];
    chart.eachRow((row, n) => {
      if (n > 2) perCapita.push(row.getCell(4).value as number);
    });
    expect(perCapita).toHaveLength(counties.length);
    expect(perCapita).toEqual([...perCapita].sort((a, b) => b - a));
    expect(JSON.stringify((chart as unknown as { conditionalFormattings: unknown }).conditionalFormattings)).toContain('dataBar');
    const params = sheet('参数与来源');
    expect(params.rows.length).toBeGreaterThan(100);
    expect(params.rows.every((r) => typeof r[params.header.indexOf('source')] === 'string' && (r[params.header.indexOf('source')] as string).length > 0)).toBe(true);
    // a Chinese workbook describes its parameters in Chinese, with Chinese units and source labels
    const pension = params.rows.find((r) => r[params.header.indexOf('path')] === 'standards.si.rural_pension_basic.standard')!;
    expect(pension[params.header.indexOf('description')]).toBe('新型农村社会养老保险基础养老金：单位标准');
    expect(pension[params.header.indexOf('unit')]).toMatch(/^元/);
    expect(pension[params.header.indexOf('source')]).toMatch(/^(政策依据|规划原文|假设)/);
  });

  it('tidy CSV and JSON: one row per county × item × year × level that add up to items.csv and counties.csv', () => {
    const tidy = readCsv(join(out, 'tidy-2012.csv'));
    expect(Object.keys(tidy[0]!)).toEqual([...TIDY_COLUMNS]);
    expect(tidy).toHaveLength(items.length * 4);
    const byItem = new Map<string, number>();
    for (const r of tidy) byItem.set(`${r['county_code']}|${r['item']}`, (byItem.get(`${r['county_code']}|${r['item']}`) ?? 0) + fen(r['amount_yuan']!));
    for (const r of items) expect(byItem.get(`${r['code']}|${r['item']}`), `${r['code']} ${r['item']}`).toBe(fen(r['cost']!));
    const column = { central: 'central', provincial: 'provincial', prefecture: 'prefecture_level', county: 'county' } as const;
    for (const [level, col] of Object.entries(column)) {
      expect(tidy.filter((r) => r['level'] === level).reduce((a, r) => a + fen(r['amount_yuan']!), 0), level).toBe(sumFen(counties, col));
    }
    const json = JSON.parse(readFileSync(join(out, 'tidy-2012.json'), 'utf8')) as Array<Record<string, string | number>>;
    expect(json).toHaveLength(tidy.length);
    json.forEach((r, i) => {
      expect(Math.round((r['amount_yuan'] as number) * 100)).toBe(fen(tidy[i]!['amount_yuan']!));
      expect(r['county_code']).toBe(tidy[i]!['county_code']);
    });
  });

  it('tidy metadata says what produced the files, and a second run gives byte-identical files', async () => {
    const meta = JSON.parse(readFileSync(join(out, 'tidy-2012.metadata.json'), 'utf8')) as Record<string, unknown>;
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(meta).toMatchObject({ tool: 'fiscal-sim', version: pkg.version, years: [2012], basis: 'resident', generated_at: null, scenario: { name: 'baseline', parameters_changed: [] } });
    expect((meta['files'] as Array<{ name: string; rows: number }>).map((f) => f.name)).toEqual(['tidy-2012.csv', 'tidy-2012.json']);
    const again = join(dir, 'again');
    expect(await cli('report', ...input(), '--out', again, '--format', 'csv,json', '--quiet')).toBe(0);
    for (const f of ['tidy-2012.csv', 'tidy-2012.json', 'tidy-2012.metadata.json']) expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true);
    expect(readdirSync(again).sort()).toEqual(['tidy-2012.csv', 'tidy-2012.json', 'tidy-2012.metadata.json']);
  });
});

describe('fiscal-sim report with a scenario', () => {
  it('writes the scenario pages and a comparison against the baseline, in English', async () => {
    const dest = join(dir, 'scenario');
    expect(await cli('report', ...input(), '--scenario', fx.scenario, '--province', '44', '--lang', 'en', '--format', 'html,xlsx', '--years', '2011-2013', '--out', dest, '--quiet')).toBe(0);
    const files = readdirSync(dest).sort();
    expect(files).toEqual(['comparison-2012-raise-health-vs-baseline.html', 'county', 'province-440000-2012-raise-health.html', 'workbook-2012-raise-health.xlsx']);
    const html = readFileSync(join(dest, 'comparison-2012-raise-health-vs-baseline.html'), 'utf8');
    for (const id of ['changes', 'winners-losers', 'by-level', 'by-item', 'by-year', 'measures', 'by-county']) expect(html).toContain(`<section id="${id}">`);
    expect(html).toContain('standards.health.basic_public_health.standard');
    for (const y of [2011, 2012, 2013]) expect(html).toContain(`data-year="${y}"`);
    const wb = await loadWorkbook(join(dest, 'workbook-2012-raise-health.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toContain('comparison');
    // all years of the run: the county sheet holds 2011, 2012 and 2013, one header row in English
    const countySheet = wb.getWorksheet('counties')!;
    const years = new Set<unknown>();
    const yearAt = (countySheet.getRow(1).values as ExcelJS.CellValue[]).indexOf('year') > 0 ? (countySheet.getRow(1).values as ExcelJS.CellValue[]).indexOf('year') : (countySheet.getRow(1).values as ExcelJS.CellValue[]).findIndex((v) => typeof v === 'string' && /year/i.test(v));
    countySheet.eachRow((row, n) => {
      if (n > 1) years.add(row.getCell(yearAt).value);
    });
    expect([...years].filter((y) => typeof y === 'number').sort()).toEqual([2011, 2012, 2013]);
  });

  it('refuses --county with --province, unknown counties and bad scenario files, writing nothing', async () => {
    const dest = join(dir, 'refused');
    expect(await cli('report', ...input(), '--county', '440101', '--province', '44', '--out', dest, '--quiet')).toBe(2);
    expect(await cli('report', ...input(), '--county', '999999', '--out', dest, '--quiet')).toBe(2);
    expect(await cli('report', ...input(), '--compare', join(dir, 'missing.yaml'), '--out', dest, '--quiet')).toBe(2);
    expect(existsSync(dest)).toBe(false);
  });

  it('--county writes that county only', async () => {
    const dest = join(dir, 'one');
    expect(await cli('report', ...input(), '--county', '荔湾区', '--lang', 'zh', '--format', 'html', '--out', dest, '--quiet')).toBe(0);
    expect(readdirSync(dest)).toEqual(['county']);
    expect(readdirSync(join(dest, 'county'))).toEqual(['440103-2012.html']);
  });
});

describe('yuan parsing and progress', () => {
  it('parses yuan strings exactly', () => {
    expect(yuanToFen('123.45')).toBe(12345);
    expect(yuanToFen('-0.5')).toBe(-50);
    expect(yuanToFen('7')).toBe(700);
    expect(() => yuanToFen('1.234')).toThrow();
  });

  it('prints plain lines when stderr is not a terminal', () => {
    let text = '';
    const stream = new Writable({ write(chunk: Buffer, _enc, done) { text += chunk.toString(); done(); } }) as unknown as NodeJS.WriteStream;
    let clock = 0;
    setMessageLang('en'); // an earlier command of this file may have chosen Chinese
    const p = createProgress(20, 'pages', { stream, now: () => clock });
    for (let i = 0; i < 20; i++) {
      clock += 100;
      p.tick(1, `c${i}`);
    }
    p.stop();
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('pages: 0/20');
    expect(lines[1]).toBe('pages: 2/20 (10%) 0.2 s — c1');
    expect(lines[lines.length - 1]).toBe('pages: 20/20 done in 2.0 s');
    expect(lines.length).toBe(11);
  });

  it('says its lines in the message language (Chinese by default)', () => {
    let text = '';
    const stream = new Writable({ write(chunk: Buffer, _enc, done) { text += chunk.toString(); done(); } }) as unknown as NodeJS.WriteStream;
    let clock = 0;
    setMessageLang('zh');
    try {
      const p = createProgress(10, '县级报告', { stream, now: () => clock });
      for (let i = 0; i < 10; i++) {
        clock += 100;
        p.tick(1, `县${i}`);
      }
      p.stop();
    } finally {
      setMessageLang('en');
    }
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('县级报告：0/10');
    expect(lines[1]).toBe('县级报告：1/10 (10%) 0.1 秒 — 县0');
    expect(lines[lines.length - 1]).toBe('县级报告：10/10，完成，用时 1.0 秒');
  });
});

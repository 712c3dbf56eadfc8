/**
 * Acceptance: the province, county and comparison reports open in Chromium (headless,
 * empty profile, no network): no console errors, no request but the file itself, headline
 * figures equal to counties.csv, charts present, tables sort. Screenshots (and a PDF of the
 * print layout) go to test-artifacts/report/.
 *
 * Needs /usr/bin/chromium (CI installs it; see .ci/run). Without it the test is skipped
 * locally, and fails under CI.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { A4_PRINTABLE_PX } from '../../src/report/html/page.ts';
import { writeFixture, type ReportFixture } from './fixture.ts';
import { cli, fen, readCsv, sumFen, type CsvRecord } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = new URL('../../test-artifacts/report/', import.meta.url).pathname;
const available = existsSync(CHROMIUM);

describe.skipIf(!available && !process.env['CI'])('reports in a browser', () => {
  let dir: string;
  let fx: ReportFixture;
  let out: string;
  let base: CsvRecord[];
  let scen: CsvRecord[];
  let browser: BrowserContext;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-browser-'));
    fx = writeFixture(join(dir, 'fixture'));
    out = join(dir, 'out');
    const input = ['--counties', fx.counties, '--reference', 'none', '--data', fx.data];
    expect(await cli('run', ...input, '--out', join(dir, 'base'), '--quiet')).toBe(0);
    expect(await cli('run', ...input, '--scenario', fx.scenario, '--year', '2012', '--out', join(dir, 'scen'), '--quiet')).toBe(0);
    base = readCsv(join(dir, 'base', 'counties.csv'));
    scen = readCsv(join(dir, 'scen', 'counties.csv'));
    expect(await cli('report', ...input, '--province', '44', '--lang', 'zh', '--format', 'html', '--out', out, '--quiet')).toBe(0);
    expect(await cli('report', ...input, '--province', '44', '--scenario', fx.scenario, '--years', '2011-2013', '--format', 'html', '--lang', 'en', '--no-county-pages', '--out', out, '--quiet')).toBe(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'fiscal-sim-chromium-')), {
      executablePath: CHROMIUM,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Open a report; returns the page and what it logged and requested. */
  async function open(file: string): Promise<{ page: Page; errors: string[]; requests: string[]; url: string }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('pageerror', (e) => void errors.push(e.message));
    page.on('request', (r) => void requests.push(r.url()));
    const url = pathToFileURL(join(out, file)).href;
    await page.goto(url, { waitUntil: 'load' });
    return { page, errors, requests, url };
  }

  /** The signed exact value of a card (a surplus card shows its amount without the sign). */
  const signedValue = async (page: Page, key: string): Promise<number> => fen((await page.locator(`.card[data-key="${key}"]`).getAttribute('data-value'))!);
  /**
   * Print `file` to an A4 PDF (kept under test-artifacts/) and check, under print media at
   * the printable width of the page's A4 orientation, that `table` and each of `columns`
   * lie inside the page: nothing to the right of the printable width.
   */
  async function checkPrint(page: Page, name: string, table: string, columns: readonly string[]): Promise<void> {
    const pdfPath = join(ARTIFACTS, `${name}.pdf`);
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    const pdf = readFileSync(pdfPath).toString('latin1');
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
    expect(box, 'the PDF has a media box').not.toBeNull();
    const [w, h] = [Number(box![1]), Number(box![2])];
    expect(Math.round(Math.max(w, h)), 'A4 long side in points').toBeGreaterThanOrEqual(841);
    expect(Math.round(Math.max(w, h)), 'A4 long side in points').toBeLessThanOrEqual(843);
    expect(w, 'wide tables print in landscape').toBeGreaterThan(h);
    expect((pdf.match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThan(0);
    const width = A4_PRINTABLE_PX.landscape;
    await page.setViewportSize({ width, height: 1000 });
    const right = async (selector: string): Promise<number> => (await page.locator(selector).first().boundingBox())!.x + (await page.locator(selector).first().boundingBox())!.width;
    expect(await page.evaluate<number>('document.documentElement.scrollWidth'), `${name}: page width in print`).toBeLessThanOrEqual(width);
    expect(await right(table), `${name}: ${table}`).toBeLessThanOrEqual(width + 0.5);
    for (const c of columns) {
      expect(await page.locator(c).count(), c).toBeGreaterThan(0);
      expect(await right(c), `${name}: ${c}`).toBeLessThanOrEqual(width + 0.5);
    }
    await page.emulateMedia({ media: 'screen' });
  }

  const exact = async (page: Page, key: string): Promise<number> => fen((await page.locator(`.card[data-key="${key}"] .x`).innerText()).replace(/\s*(元|yuan)$/, ''));

  it('the province report: headline figures equal counties.csv, charts present, the table sorts', async () => {
    const { page, errors, requests, url } = await open('province-440000-2012.html');
    const rows = base.filter((r) => r['code']!.startsWith('44'));
    expect(await exact(page, 'standard_cost')).toBe(sumFen(rows, 'standard_cost'));
    expect(await exact(page, 'special_transfers')).toBe(sumFen(rows, 'special_transfers'));
    expect(await exact(page, 'general_transfer')).toBe(sumFen(rows, 'general_transfer'));
    expect(await signedValue(page, 'gap')).toBe(sumFen(rows, 'gap'));
    expect(await page.locator('.card[data-key="counties_in_gap"] .v').innerText()).toBe(String(rows.filter((r) => fen(r['gap']!) > 0).length));
    for (const [level, col] of [['central', 'central'], ['provincial', 'provincial'], ['prefecture', 'prefecture_level'], ['county', 'county']]) {
      expect(fen((await page.locator(`li[data-key="level_${level}"]`).getAttribute('data-value'))!), level).toBe(sumFen(rows, col!));
    }
    expect(await page.locator('svg.fs-plot').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('#county-table tbody tr').count()).toBe(rows.length);
    const gapHeader = page.locator('#county-table thead th[data-col="gap"]');
    expect(await page.locator('#county-table thead th').nth(1).getAttribute('data-col')).toBe('gap'); // the gap columns come first, after the name
    await gapHeader.click();
    expect(await gapHeader.getAttribute('aria-sort')).toBe('descending');
    const first = await page.locator('#county-table tbody tr').first().getAttribute('data-code');
    const maxGap = [...rows].sort((a, b) => fen(b['gap']!) - fen(a['gap']!))[0]!;
    expect(first).toBe(maxGap['code']);
    // ranked chart names its counties
    const chartText = await page.locator('#gap-ranked svg').innerHTML();
    expect(chartText).toContain(maxGap['name']!.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    // a net surplus is labelled 结余 and shown without its sign
    const netGap = sumFen(rows, 'gap');
    expect(await page.locator('.card[data-key="gap"] .k').innerText()).toBe(netGap < 0 ? '财力结余合计（净额）' : '财力缺口合计（净额）');
    expect(await page.locator('.card[data-key="gap"] .v').innerText()).not.toMatch(/^[-−]/);
    await page.screenshot({ path: join(ARTIFACTS, 'province-zh.png'), fullPage: true });
    // the table scrolls inside its box on a narrow screen, the county name staying in view
    await page.setViewportSize({ width: 1024, height: 900 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1024);
    await checkPrint(page, 'province-zh', '#county-table', ['#county-table th[data-col="gap"]', '#county-table th[data-col="gap_per_capita"]', '#county-table th[data-col="plan_gap"]', '#county-table th[data-col="guarantee_gap"]', '#county-table th[data-col="prefecture"]', '#county-table tbody tr:first-child td:nth-child(2)']);
    expect(errors).toEqual([]);
    expect(requests.filter((r) => r !== url && !r.startsWith('data:'))).toEqual([]);
  });

  it('the county report: its figures equal its row of counties.csv', async () => {
    const { page, errors, requests, url } = await open('county/440103-2012.html');
    const row = base.find((r) => r['code'] === '440103')!;
    for (const k of ['standard_cost', 'special_transfers', 'own_burden', 'resources', 'needs']) expect(await exact(page, k), k).toBe(fen(row[k]!));
    for (const k of ['gap', 'guarantee_gap']) {
      expect(await signedValue(page, k), k).toBe(fen(row[k]!));
      expect(await exact(page, k), k).toBe(Math.abs(fen(row[k]!)));
    }
    expect(await page.locator('svg.fs-plot').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('table.sources tbody tr').count()).toBeGreaterThan(50);
    await page.locator('a', { hasText: '返回省级报告' }).click();
    await page.waitForURL(/province-440000-2012\.html$/);
    await page.goBack();
    await page.screenshot({ path: join(ARTIFACTS, 'county-zh.png'), fullPage: true });
    await checkPrint(page, 'county-zh', 'table.items', ['table.items th:nth-child(5)', 'table.items td.rule', 'table.chain']);
    expect(errors).toEqual([]);
    expect(requests.filter((r) => r !== url && !r.startsWith('data:') && !r.endsWith('province-440000-2012.html'))).toEqual([]);
  });

  it('the comparison report: changes equal the difference of the two runs', async () => {
    const { page, errors, requests, url } = await open('comparison-2012-raise-health-vs-baseline.html');
    const b = base.filter((r) => r['code']!.startsWith('44'));
    const s = scen.filter((r) => r['code']!.startsWith('44'));
    const change = async (key: string): Promise<number> => fen((await page.locator(`.card[data-key="${key}"]`).getAttribute('data-value'))!);
    expect(await change('gap_change')).toBe(sumFen(s, 'gap') - sumFen(b, 'gap'));
    expect(await change('standard_cost_change')).toBe(sumFen(s, 'standard_cost') - sumFen(b, 'standard_cost'));
    expect(await change('central_change')).toBe(sumFen(s, 'central') - sumFen(b, 'central'));
    const narrows = s.filter((r, i) => fen(r['gap']!) < fen(b[i]!['gap']!)).length;
    expect(await page.locator('.card[data-key="winners"] .v').innerText()).toBe(String(narrows));
    expect(await page.locator('svg.fs-plot').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('#by-year tbody tr').count()).toBe(3);
    await page.screenshot({ path: join(ARTIFACTS, 'comparison.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests.filter((r) => r !== url && !r.startsWith('data:'))).toEqual([]);
  });
});

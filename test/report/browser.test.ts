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
  });

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

  const exact = async (page: Page, key: string): Promise<number> => fen((await page.locator(`.card[data-key="${key}"] .x`).innerText()).replace(/\s*(元|yuan)$/, ''));

  it('the province report: headline figures equal counties.csv, charts present, the table sorts', async () => {
    const { page, errors, requests, url } = await open('province-440000-2012.html');
    const rows = base.filter((r) => r['code']!.startsWith('44'));
    expect(await exact(page, 'standard_cost')).toBe(sumFen(rows, 'standard_cost'));
    expect(await exact(page, 'special_transfers')).toBe(sumFen(rows, 'special_transfers'));
    expect(await exact(page, 'general_transfer')).toBe(sumFen(rows, 'general_transfer'));
    expect(await exact(page, 'gap')).toBe(sumFen(rows, 'gap'));
    expect(await page.locator('.card[data-key="counties_in_gap"] .v').innerText()).toBe(String(rows.filter((r) => fen(r['gap']!) > 0).length));
    for (const [level, col] of [['central', 'central'], ['provincial', 'provincial'], ['prefecture', 'prefecture_level'], ['county', 'county']]) {
      expect(fen((await page.locator(`li[data-key="level_${level}"]`).getAttribute('data-value'))!), level).toBe(sumFen(rows, col!));
    }
    expect(await page.locator('svg.fs-plot').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('#county-table tbody tr').count()).toBe(rows.length);
    const gapHeader = page.locator('#county-table thead th').nth(4); // the gap columns come first
    await gapHeader.click();
    expect(await gapHeader.getAttribute('aria-sort')).toBe('descending');
    const first = await page.locator('#county-table tbody tr').first().getAttribute('data-code');
    const maxGap = [...rows].sort((a, b) => fen(b['gap']!) - fen(a['gap']!))[0]!;
    expect(first).toBe(maxGap['code']);
    await page.screenshot({ path: join(ARTIFACTS, 'province.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: join(ARTIFACTS, 'province.pdf'), format: 'A4', printBackground: true });
    expect(errors).toEqual([]);
    expect(requests.filter((r) => r !== url && !r.startsWith('data:'))).toEqual([]);
  });

  it('the county report: its figures equal its row of counties.csv', async () => {
    const { page, errors, requests, url } = await open('county/440103-2012.html');
    const row = base.find((r) => r['code'] === '440103')!;
    for (const k of ['standard_cost', 'special_transfers', 'own_burden', 'resources', 'needs', 'gap', 'guarantee_gap']) expect(await exact(page, k), k).toBe(fen(row[k]!));
    expect(await page.locator('svg.fs-plot').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('table.sources tbody tr').count()).toBeGreaterThan(50);
    await page.locator('a', { hasText: '返回省级报告' }).click();
    await page.waitForURL(/province-440000-2012\.html$/);
    await page.goBack();
    await page.screenshot({ path: join(ARTIFACTS, 'county.png'), fullPage: true });
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

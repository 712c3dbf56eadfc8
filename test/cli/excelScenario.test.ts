/**
 * The Excel route: `template` → edit the workbook (here with exceljs) → `run --scenario x.xlsx`
 * gives the same counties.csv as the equivalent YAML; errors are addressed sheet!cell; the
 * county sheet works as an --override file; a 4-column override CSV changes its county.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cli, readCsv } from '../helpers/cliInProcess.ts';

let dir: string;
let template: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-xlsx-'));
  template = join(dir, 'template.xlsx');
  const r = await cli('template', '--out', template);
  expect(r.code).toBe(0);
}, 300_000);
afterEach(() => vi.restoreAllMocks());

/** Edit the template: `edit` gets the workbook and the row number of each parameter path. */
async function edited(name: string, edit: (wb: ExcelJS.Workbook, rowOf: (path: string) => number) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const params = wb.getWorksheet('参数')!;
  const rows = new Map<string, number>();
  params.eachRow((row, r) => void rows.set(row.getCell(1).text, r));
  edit(wb, (path) => rows.get(path)!);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('Excel scenarios', () => {
  it('the template lists every parameter with its value by year, and the counties to fill', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['情景', '参数', '县级数据']);
    const params = wb.getWorksheet('参数')!;
    expect((params.getRow(1).values as unknown[]).slice(1)).toEqual(['路径 / path', '名称 / name', '单位 / unit', '说明 / description', 2011, 2012, 2013, 2014, 2015, '来源 / source']);
    let pension: unknown[] = [];
    params.eachRow((row) => {
      if (row.getCell(1).value === 'standards.si.rural_pension_basic.standard') pension = (row.values as unknown[]).slice(1, 10);
    });
    expect(pension).toEqual(['standards.si.rural_pension_basic.standard', '新型农村社会养老保险基础养老金：单位标准', 'yuan/person/month', expect.any(String), 55, 55, 55, 62.5, 70]);
    const counties = wb.getWorksheet('县级数据')!;
    expect((counties.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['代码', '名称', '2011年一般预算收入']);
    expect(counties.rowCount).toBe(124);
    // the transfers a county received, by year, under their Chinese names, last: 10 transfers × 2011–2015
    const header = (counties.getRow(1).values as unknown[]).slice(1).map(String);
    const transfers = header.filter((h) => /转移支付$|奖励资金$|奖补$/.test(h) && /^\d{4}年/.test(h));
    expect(transfers).toHaveLength(50);
    expect(header.slice(-50)).toEqual(transfers);
    expect(transfers.slice(0, 2)).toEqual(['2011年民族地区转移支付', '2012年民族地区转移支付']);
    expect(transfers).toContain('2012年均衡性转移支付');
    expect(transfers).toContain('2015年县级基本财力保障机制奖补');
  }, 300_000);

  it('an edited parameter runs exactly as the equivalent YAML scenario (byte-identical counties.csv)', async () => {
    const xlsx = await edited('pension.xlsx', (wb, rowOf) => {
      // 2014 is column H (E = 2011); 2015 already holds 70
      wb.getWorksheet('参数')!.getCell(`H${rowOf('standards.si.rural_pension_basic.standard')}`).value = 70;
      wb.getWorksheet('情景')!.getCell('C2').value = '养老金 70 元 / pension 70';
    });
    const yaml = join(dir, 'pension.yaml');
    writeFileSync(yaml, 'title: 养老金 70 元 / pension 70\nchanges:\n  - path: standards.si.rural_pension_basic.standard\n    values: { 2014: 70 }\n');
    const a = await cli('run', '--scenario', xlsx, '--year', '2014', '--out', join(dir, 'x'), '--quiet');
    expect(a.err).toMatch(/computed/);
    const b = await cli('run', '--scenario', yaml, '--year', '2014', '--out', join(dir, 'y'), '--quiet');
    expect([a.code, b.code]).toEqual([0, 0]);
    const x = readFileSync(join(dir, 'x', 'counties.csv'), 'utf8');
    expect(x).toBe(readFileSync(join(dir, 'y', 'counties.csv'), 'utf8'));
    const summary = JSON.parse(readFileSync(join(dir, 'x', 'summary.json'), 'utf8')) as { scenario: { title: string; changes: Array<{ description: string }> } };
    expect(summary.scenario.title).toBe('养老金 70 元 / pension 70');
    expect(summary.scenario.changes.map((c) => c.description)).toEqual(['pension.xlsx: standards.si.rural_pension_basic.standard = {"2014":70}']);
  }, 600_000);

  it('refuses bad cells, all at once, addressed sheet!cell', async () => {
    let share = 0;
    let pension = 0;
    const xlsx = await edited('bad.xlsx', (wb, rowOf) => {
      const p = wb.getWorksheet('参数')!;
      share = rowOf('rules.health_bph.central_share');
      pension = rowOf('standards.si.rural_pension_basic.standard');
      p.getCell(`F${pension}`).value = 'lots';
      p.getCell(`G${share}`).value = 1.5;
      p.getCell(`A${p.rowCount + 1}`).value = 'standards.no.such.standard';
      p.getCell(`E${p.rowCount}`).value = 3;
      const c = wb.getWorksheet('县级数据')!;
      c.getCell('D2').value = '很多';
      c.getCell('A3').value = '449999';
      c.getCell('D3').value = 100;
    });
    const r = await cli('run', '--scenario', xlsx, '--out', join(dir, 'bad'), '--quiet');
    expect(r.code).toBe(2);
    const lines = r.err.split('\n').map((l) => l.trim());
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`bad\\.xlsx:参数!F${pension}: standards\\.si\\.rural_pension_basic\\.standard 2012: `)),
      expect.stringMatching(new RegExp(`bad\\.xlsx:参数!G${share}: rules\\.health_bph\\.central_share 2013: `)),
      expect.stringMatching(/bad\.xlsx:参数!A\d+: changes\[\d+\]\.path: unknown parameter path "standards\.no\.such\.standard"/),
      expect.stringMatching(/bad\.xlsx:县级数据!D2: counties\.0\.set\.own_revenue\.2012: give an amount in yuan/),
    ]));
    expect(r.err).toMatch(/Nothing was written/);
  }, 300_000);
});

describe('override files on the command line', () => {
  it('a 4-column CSV changes that county: its own revenue and gap; other counties only through the shared equalization pool', async () => {
    const own = join(dir, 'own.csv');
    writeFileSync(own, '代码,名称,2012年一般预算收入,rebate_two_tax_2012\n440232,乳源瑶族自治县,"300,000,000",20000000\n');
    const base = await cli('run', '--out', join(dir, 'base'), '--quiet');
    const r = await cli('run', '--override', own, '--out', join(dir, 'own'), '--quiet');
    expect([base.code, r.code]).toEqual([0, 0]);
    expect(r.err).toMatch(/override .*own\.csv: 2 value\(s\) of 1 county\(ies\) from 1 row\(s\)/);
    const before = readCsv(join(dir, 'base', 'counties.csv'));
    const after = readCsv(join(dir, 'own', 'counties.csv'));
    const k = before.findIndex((c) => c['code'] === '440232');
    expect(after[k]!['own_revenue']).toBe('300000000.00');
    expect(after[k]!['rebate_two_tax']).toBe('20000000.00');
    expect(after[k]!['gap']).not.toBe(before[k]!['gap']);
    // the general transfers share fixed pools by formulas that read every county's revenue
    const shared = (col: string): boolean => /^(transfer_|general_|standard_revenue$|resources$|gap|plan_gap$|guarantee_gap)/.test(col);
    const unchanged = Object.keys(before[0]!).filter((col) => !shared(col));
    expect(unchanged).toEqual(expect.arrayContaining(['standard_cost', 'central', 'provincial', 'county', 'own_revenue', 'tax_rebates', 'system_subsidy', 'remittance', 'needs']));
    before.forEach((c, i) => {
      if (i === k) return;
      for (const col of unchanged) expect(after[i]![col], `${c['code']} ${col}`).toBe(c[col]);
    });
    const summary = JSON.parse(readFileSync(join(dir, 'own', 'summary.json'), 'utf8')) as { overrides: unknown };
    expect(summary.overrides).toEqual([{ file: own, rows: 1, counties: 1, values: 2, columns: ['own_revenue_2012', 'rebate_two_tax_2012'] }]);
    const explain = await cli('explain', '440232', '--override', own);
    expect(explain.out).toMatch(/Overridden values[^\n]*\n {2}\* own_revenue_2012 = 300000000 \(bundled [\d.]+\) from .*own\.csv:2/);
  }, 600_000);

  it('the template county sheet works as an --override workbook', async () => {
    const xlsx = await edited('own.xlsx', (wb) => {
      const c = wb.getWorksheet('县级数据')!;
      let row = 0;
      c.eachRow((r, n) => void (r.getCell(1).value === '440232' ? (row = n) : 0));
      c.getCell(`D${row}`).value = 300000000;
    });
    const r = await cli('run', '--override', xlsx, '--out', join(dir, 'ownx'), '--quiet');
    expect(r.code).toBe(0);
    const after = readCsv(join(dir, 'ownx', 'counties.csv'));
    expect(after.find((c) => c['code'] === '440232')!['own_revenue']).toBe('300000000.00');
  }, 300_000);

  it('a transfer received filled on the template county sheet: that county\'s gap falls by exactly the amount, no other county moves', async () => {
    let column = '';
    const xlsx = await edited('transfer.xlsx', (wb) => {
      const c = wb.getWorksheet('县级数据')!;
      let row = 0;
      c.eachRow((r, n) => void (r.getCell(1).value === '440232' ? (row = n) : 0));
      c.getRow(1).eachCell((cell, n) => void (cell.value === '2012年边境地区转移支付' ? (column = c.getColumn(n).letter) : 0));
      // 乳源 is no border county: the model allocates it 0 of this transfer
      c.getCell(`${column}${row}`).value = 12345678.9;
    });
    expect(column).not.toBe('');
    const base = await cli('run', '--out', join(dir, 'tbase'), '--quiet');
    const r = await cli('run', '--override', xlsx, '--out', join(dir, 'town'), '--quiet');
    expect([base.code, r.code], r.err).toEqual([0, 0]);
    const before = readFileSync(join(dir, 'tbase', 'counties.csv'), 'utf8').split('\n');
    const after = readFileSync(join(dir, 'town', 'counties.csv'), 'utf8').split('\n');
    const k = before.findIndex((l) => l.startsWith('440232,'));
    const b = readCsv(join(dir, 'tbase', 'counties.csv'))[k - 1]!;
    const a = readCsv(join(dir, 'town', 'counties.csv'))[k - 1]!;
    expect([b['transfer_border_area'], a['transfer_border_area']]).toEqual(['0.00', '12345678.90']);
    // 197,238,407.53 − 12,345,678.90 = 184,892,728.63 (the gap on the bundled data, 2012; see test/input/overrideHold.test.ts)
    expect([b['gap'], a['gap']]).toEqual(['197238407.53', '184892728.63']);
    // every other county's row is byte-identical (allocations held)
    expect(after.filter((_, i) => i !== k)).toEqual(before.filter((_, i) => i !== k));
    // as a scenario, the filled transfer cell is refused, naming --override
    const s = await cli('run', '--scenario', xlsx, '--out', join(dir, 'tscen'), '--quiet');
    expect(s.code).toBe(2);
    expect(s.err).toMatch(new RegExp(`transfer\\.xlsx:县级数据!${column}\\d+: transfer_border_area_2012: a transfer received is a county's accounts, not a policy change, so a scenario does not take it; give the workbook with --override transfer\\.xlsx`));
  }, 600_000);
});

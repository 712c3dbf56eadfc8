/**
 * A comparison in Chinese (report --scenario … --compare baseline --lang zh): the workbook's
 * comparison sheets give levels of government, stages and measures in Chinese, not as ids, and
 * join column labels with the full-width colon (成本：基准); the HTML comparison page says what
 * the scenario changes in words, not JSON, and reads its charts' parts in Chinese.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnInfo } from '../../src/report/xlsx/columns.ts';
import { writeFixture } from './fixture.ts';
import { cli } from './helpers.ts';

let dir: string;
let wb: ExcelJS.Workbook;
let html: string;

/** A cell's text (these cells hold plain strings or numbers). */
const text = (v: ExcelJS.CellValue | undefined): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

const rowsOf = (ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] => {
  const rows: ExcelJS.CellValue[][] = [];
  ws.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-xlsx-compare-'));
  const fx = writeFixture(join(dir, 'fixture'));
  const out = join(dir, 'out');
  expect(await cli('report', '--counties', fx.counties, '--reference', 'none', '--data', fx.data, '--scenario', fx.scenario, '--compare', 'baseline', '--lang', 'zh', '--format', 'html,xlsx', '--no-county-pages', '--out', out, '--quiet')).toBe(0);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(out, 'workbook-2012-raise-health.xlsx')) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  html = readFileSync(join(out, 'comparison-2012-raise-health-vs-baseline.html'), 'utf8');
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the zh workbook of a comparison', () => {
  it('names its comparison sheets in Chinese', () => {
    expect(wb.worksheets.map((w) => w.name).filter((n) => n.startsWith('情景比较'))).toEqual(['情景比较', '情景比较（按政府层级）', '情景比较（按项目）', '情景比较（均等化指标）']);
  });

  it('shows the levels of government in Chinese, with full-width colons in the labels', () => {
    const [head, ...rows] = rowsOf(wb.getWorksheet('情景比较（按政府层级）')!);
    expect(head).toEqual(['年度', '政府层级', '成本：基准', '成本：情景', '成本：变化', '占总变化']);
    const years = [...new Set(rows.map((r) => r[0]))];
    expect(years.length).toBeGreaterThan(0);
    expect(rows.map((r) => r[1])).toEqual(years.flatMap(() => ['中央', '省级', '地市级', '县级']));
    // the four levels' changes add up to the change in standard cost summed over the items
    const fen = (v: ExcelJS.CellValue): number => Math.round(Number(v) * 100);
    const levelChange = rows.reduce((a, r) => a + fen(r[4]), 0);
    const [itemHead, ...items] = rowsOf(wb.getWorksheet('情景比较（按项目）')!);
    const at = itemHead!.indexOf('成本：变化');
    expect(at).toBeGreaterThan(0);
    expect(levelChange).not.toBe(0);
    expect(items.reduce((a, r) => a + fen(r[at]), 0)).toBe(levelChange);
  });

  it('shows stages and measures in Chinese', () => {
    const [head, ...rows] = rowsOf(wb.getWorksheet('情景比较（均等化指标）')!);
    expect(head!.slice(0, 3)).toEqual(['年度', '阶段', '指标']);
    expect([...new Set(rows.map((r) => r[1]))]).toEqual(['转移支付前', '一般性转移支付后（经济口径）', '一般性转移支付后（财政部口径）', '全部转移支付后']);
    expect([...new Set(rows.map((r) => r[2]))]).toEqual(['基尼系数', '泰尔指数', '泰尔指数（组间，省份）', '泰尔指数（组内，省份）', '变异系数', '最高/最低', '最高/最低十分位', '均值（元/人）']);
  });

  it('has no ASCII colon or Latin-only label in any header row of a table sheet', () => {
    for (const ws of wb.worksheets) {
      if (ws.name === '列说明') continue; // its second column is the CSV column ids, by design
      const head = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).filter((v): v is string => typeof v === 'string');
      for (const label of head) {
        expect(label, `${ws.name}: ${label}`).not.toMatch(/: /);
        expect(label, `${ws.name}: ${label}`).not.toMatch(/^[A-Za-z_ ]+$/);
      }
    }
  });
});

describe('the zh workbook\'s item and parameter sheets', () => {
  it('give domain, driver and sharing rule in Chinese, not as ids; sources only on the parameter sheet', () => {
    const [head, ...rows] = rowsOf(wb.getWorksheet('项目')!);
    const col = (label: string): number => {
      const at = head!.indexOf(label);
      expect(at, label).toBeGreaterThanOrEqual(0);
      return at;
    };
    const item = col('项目'), domain = col('领域'), rule = col('分担规则');
    // an item's source is not repeated on every county's row (issue 13): 参数与来源 gives it
    expect(head).not.toContain('来源');
    const driver = head!.findIndex((h) => typeof h === 'string' && h.startsWith('服务对象'));
    const primary = rows.find((r) => r[item] === 'edu.running_costs_rural_primary')!;
    expect(primary[domain]).toBe('基本公共教育');
    expect(primary[driver]).toBe('农村小学生');
    expect(primary[rule]).toBe('中央与地方财政按比例分担');
    for (const r of rows) {
      expect(text(r[domain])).not.toMatch(/[a-z]_|^[a-z]+$/);
      expect(text(r[driver])).not.toMatch(/^[a-z_0-9]+$/);
      expect(text(r[rule])).not.toMatch(/^[a-z_0-9]+$/);
    }
  });

  it('write grouped parameter values with Chinese region names', () => {
    const [head, ...rows] = rowsOf(wb.getWorksheet('参数与来源')!);
    const path = head!.indexOf('参数'), value = head!.indexOf('取值');
    const standard = rows.find((r) => r[path] === 'standards.edu.running_costs_rural_primary.standard')!;
    expect(standard[value]).toBe('西部 500 / 中部 500 / 东部 550 （按地区组）');
    for (const r of rows) expect(text(r[value])).not.toMatch(/\b(west|east|region_group|tier_2018)\b/);
  });
});

describe('comparison column labels', () => {
  it('join stem and side with "：" in Chinese and ": " in English', () => {
    expect(columnInfo('cost_base', 'zh').label).toBe('成本：基准');
    expect(columnInfo('gap_change', 'zh').label).toBe('缺口变化');
    expect(columnInfo('own_revenue_scenario', 'zh').label).toBe('本级收入：情景');
    expect(columnInfo('cost_base', 'en').label).toBe('Cost: Base');
  });
});

describe('the zh comparison page', () => {
  it('says what the scenario changes in words, with units, not as JSON', () => {
    const section = /<section id="changes">(.*?)<\/section>/s.exec(html)![1]!;
    expect(section).toContain('基本公共卫生服务经费：单位标准 — raise-health.yaml：2012年起 45 元/人/年');
    expect(section).toContain('raise-health.yaml：2012年起 （按2018年分档）第1档 0.8，第2档 0.6，第3档 0.5，第4档 0.3，第5档 0.1');
    expect(section).not.toMatch(/[{}"]|&quot;/);
  });

  it('joins level and change with the full-width colon and gives residents their unit', () => {
    expect(html).toContain('<th class="n" scope="col">中央：变化</th>');
    expect(html).not.toMatch(/(中央|省级|地市级|县级): /);
    expect(html).toMatch(/\d+ 个县，常住人口 [\d,]+ 人</);
  });

  it('labels the parts of its charts in Chinese for screen readers', () => {
    expect(html).toContain('aria-label="横轴刻度"');
    expect(html).not.toMatch(/aria-label="[a-z -]+"/);
  });
});

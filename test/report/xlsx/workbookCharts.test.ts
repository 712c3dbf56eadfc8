/**
 * The workbook's native chart sheets: the package parts (content types, workbook sheets and
 * relationships, chartsheet → drawing → chart), the chart's ranges and cached values against
 * the chart data sheet and the model's fen, titles in the chosen language and unit, and the
 * workbook still read by exceljs. The zip is opened with JSZip (exceljs's own dependency).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicyData, type PolicyData } from '../../../src/input/policyData.ts';
import { buildWorkbook, CHART_COUNTIES, type WorkbookInput } from '../../../src/report/xlsx/workbook.ts';
import { baselineScenario } from '../../../src/scenarios/scenario.ts';
import { runScenario } from '../../../src/simulation/runScenario.ts';
import { loadCountySet, NATIONAL_COUNTIES } from '../../../src/simulation/countySet.ts';
import type { YearRun } from '../../../src/simulation/runSimulation.ts';
import { summarize } from '../../../src/tables/summary.ts';

let policy: PolicyData;
let run: YearRun;

function input(selected: number[], lang: 'zh' | 'en', unit?: 'wan' | 'yi'): WorkbookInput {
  const meta = { scenarioName: 'baseline', scenarioTitle: 'baseline', basis: 'resident', version: 'test', countyFiles: ['china_2012.csv'] };
  return { lang, run, runs: [run], policy, selected, summary: summarize(run, selected), meta, ...(unit ? { unit } : {}) };
}

async function open(bytes: Uint8Array): Promise<{ zip: JSZip; text: (name: string) => Promise<string> }> {
  const zip = await JSZip.loadAsync(bytes);
  return {
    zip,
    text: async (name: string) => {
      const f = zip.file(name);
      if (!f) throw new Error(`no part ${name}`);
      return f.async('string');
    },
  };
}

/** Well-formed enough: every start tag has its end tag, in order (no XML parser in the project). */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>/g)) {
    if (m[3]) continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]!);
  }
  return stack.length === 0;
}

const attr = (xml: string, tag: string, name: string): string[] => [...xml.matchAll(new RegExp(`<${tag} [^>]*?${name}="([^"]*)"`, 'g'))].map((m) => m[1]!);
const cache = (xml: string, kind: 'strCache' | 'numCache'): string[] => [...new RegExp(`<c:${kind}>(.*?)</c:${kind}>`).exec(xml)![1]!.matchAll(/<c:v>(.*?)<\/c:v>/g)].map((m) => m[1]!);

let counties: number[];
let oneProvince: number[];

beforeAll(() => {
  policy = loadPolicyData();
  const set = loadCountySet({ countiesFile: NATIONAL_COUNTIES, reference: 'none' });
  [run] = runScenario(baselineScenario(policy), set.counties, [2012]) as [YearRun];
  // every 40th county of the country (many provinces, more than CHART_COUNTIES counties)
  counties = set.counties.map((_, i) => i).filter((i) => i % 40 === 0);
  // five counties of one province
  const first = set.counties[0]!.provinceCode;
  oneProvince = set.counties.map((c, i) => (c.provinceCode === first ? i : -1)).filter((i) => i >= 0).slice(0, 5);
}, 300_000);

describe('workbook chart sheets', () => {
  it('are chartsheets after every worksheet, listed in the content types, the workbook, its relationships and app.xml', async () => {
    const { zip, text } = await open(await buildWorkbook(input(counties, 'zh')));
    const types = await text('[Content_Types].xml');
    for (const k of [1, 2]) {
      expect(types).toContain(`<Override PartName="/xl/chartsheets/sheet${k}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>`);
      expect(types).toContain(`<Override PartName="/xl/drawings/chartDrawing${k}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
      expect(types).toContain(`<Override PartName="/xl/charts/chart${k}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
    }
    const book = await text('xl/workbook.xml');
    expect(attr(book, 'sheet', 'name')).toEqual(['汇总', '排名', '县', '项目', '转移支付', '省', '参数与来源', '列说明', '图表数据', '图表（县）', '图表（省）']);
    const ids = attr(book, 'sheet', 'sheetId');
    expect(new Set(ids).size).toBe(ids.length);
    // print titles keep numbering the worksheets: localSheetId 8 is still 图表数据
    expect(book).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="8">&apos;图表数据&apos;!$2:$2</definedName>');
    const rels = await text('xl/_rels/workbook.xml.rels');
    const rIds = attr(book, 'sheet', 'r:id').slice(-2);
    rIds.forEach((id, k) => {
      expect(rels).toContain(`<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet${k + 1}.xml"/>`);
    });
    // chartsheet → drawing → chart
    for (const k of [1, 2]) {
      expect(await text(`xl/chartsheets/sheet${k}.xml`)).toContain('<drawing r:id="rId1"/>');
      expect(await text(`xl/chartsheets/_rels/sheet${k}.xml.rels`)).toContain(`Target="../drawings/chartDrawing${k}.xml"`);
      expect(await text(`xl/drawings/chartDrawing${k}.xml`)).toContain('<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>');
      expect(await text(`xl/drawings/_rels/chartDrawing${k}.xml.rels`)).toContain(`Target="../charts/chart${k}.xml"`);
    }
    const added = Object.keys(zip.files).filter((n) => /chart/i.test(n));
    expect(added).toHaveLength(10);
    for (const n of added) expect(balanced(await text(n)), n).toBe(true);
    const app = await text('docProps/app.xml');
    expect(app).toContain('<vt:lpstr>Charts</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4>');
    expect(app).toContain('<vt:vector size="11" baseType="lpstr">');
  });

  it('draw the 30 largest county gaps in 万元 and each province\'s gap per resident, from the chart data sheet, with the same values cached', async () => {
    const bytes = await buildWorkbook(input(counties, 'zh'));
    const { text } = await open(bytes);
    const chart = await text('xl/charts/chart1.xml');
    expect(chart).toContain('<c:barChart><c:barDir val="bar"/>');
    expect(chart).toContain(`<c:f>'图表数据'!$B$3:$B$${2 + CHART_COUNTIES}</c:f>`);
    expect(chart).toContain(`<c:f>'图表数据'!$C$3:$C$${2 + CHART_COUNTIES}</c:f>`);
    expect(chart).toContain(`<a:t>财力缺口最大的30个县（2012年，万元；共${counties.length}个县）</a:t>`);
    expect(chart).toContain('<a:t>财力缺口（万元）</a:t>');
    // the largest gaps, by the model's fen: 1 万元 = 1,000,000 fen, to 0.01 万元 rounded half away from zero
    const gaps = counties.map((i) => run.result.counties[i]!.gapFen).sort((a, b) => b - a).slice(0, CHART_COUNTIES);
    const values = cache(chart, 'numCache').map(Number);
    expect(values).toEqual(gaps.map((f) => Math.sign(f) * Math.round(Math.abs(f) / 10_000) / 100 + 0));
    // the cells the chart references hold the same names and values
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const data = wb.getWorksheet('图表数据')!;
    const names = cache(chart, 'strCache');
    for (let k = 0; k < CHART_COUNTIES; k++) {
      expect(data.getCell(`B${3 + k}`).value).toBe(names[k]);
      expect(data.getCell(`C${3 + k}`).value).toBe(values[k]);
    }
    expect(names[0]).toMatch(/（.+(省|市|自治区)）$/); // several provinces: the name carries its province
    // provinces: the counties' gaps summed over their residents, to the fen
    const province = await text('xl/charts/chart2.xml');
    expect(province).toContain('<a:t>各省人均财力缺口（2012年，元/人，各县合计；负数为结余）</a:t>');
    const byProvince = new Map<string, { gap: number; pop: number }>();
    for (const i of counties) {
      const p = byProvince.get(run.counties[i]!.province) ?? byProvince.set(run.counties[i]!.province, { gap: 0, pop: 0 }).get(run.counties[i]!.province)!;
      p.gap += run.result.counties[i]!.gapFen;
      p.pop += run.result.counties[i]!.population;
    }
    const pNames = cache(province, 'strCache');
    const pValues = cache(province, 'numCache').map(Number);
    expect(pNames.length).toBe(byProvince.size);
    expect(pValues).toEqual([...pValues].sort((a, b) => b - a));
    pNames.forEach((n, k) => {
      const p = byProvince.get(n)!;
      expect(Math.abs(pValues[k]! - p.gap / 100 / p.pop), n).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(data.getCell(`E${3 + k}`).value).toBe(n);
      expect(data.getCell(`F${3 + k}`).value).toBe(pValues[k]);
    });
  });

  it('speak English and use 亿元 when asked; a single province draws no province chart and names all its counties', async () => {
    const en = await open(await buildWorkbook(input(counties, 'en', 'yi')));
    const chart = await en.text('xl/charts/chart1.xml');
    expect(chart).toContain(`<a:t>The 30 counties with the largest financing gap (2012, 100 million yuan; of ${counties.length} counties)</a:t>`);
    expect(chart).toContain('<c:lang val="en-US"/>');
    expect(chart).toContain('<c:numCache><c:formatCode>#,##0.00</c:formatCode>');
    expect(chart).toContain(`<c:f>'chart data'!$C$3:$C$32</c:f>`);
    expect(attr(await en.text('xl/workbook.xml'), 'sheet', 'name').slice(-3)).toEqual(['chart data', 'chart (counties)', 'chart (provinces)']);
    const gaps = counties.map((i) => run.result.counties[i]!.gapFen).sort((a, b) => b - a);
    expect(Number(cache(chart, 'numCache')[0])).toBe(Math.round(gaps[0]! / 100_000_000) / 100); // 0.01 亿元 = 100,000,000 fen

    const one = await open(await buildWorkbook(input(oneProvince, 'zh')));
    const book = await one.text('xl/workbook.xml');
    expect(attr(book, 'sheet', 'name').slice(-2)).toEqual(['图表数据', '图表（县）']);
    expect(one.zip.file('xl/charts/chart2.xml')).toBeNull();
    expect(await one.text('[Content_Types].xml')).not.toContain('chart2.xml');
    const small = await one.text('xl/charts/chart1.xml');
    expect(small).toContain('<a:t>各县财力缺口（2012年，万元，由高到低）</a:t>');
    expect(cache(small, 'strCache')).toHaveLength(oneProvince.length);
    expect(cache(small, 'strCache').every((n) => !n.includes('（'))).toBe(true);
  });
});

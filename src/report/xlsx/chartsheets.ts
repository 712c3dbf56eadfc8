/**
 * Native Excel chart sheets in a workbook written by exceljs's streaming writer, which has
 * no chart support of its own. The writer's zip (an archiver stream) is the one place every
 * part goes through: `attachChartsheets` adds each chart's parts to it (chartsheet, its
 * drawing, the chart, their relationships) and, when exceljs writes the package's index
 * parts at commit, adds the chart sheets to them: `[Content_Types].xml` (an Override per
 * part), `xl/_rels/workbook.xml.rels` (a chartsheet relationship each), `xl/workbook.xml`
 * (a `<sheet>` each, after the worksheets) and `docProps/app.xml` (their names).
 *
 * The chart sheets come after every worksheet: the workbook's defined names (print titles,
 * print areas) number the sheets by position (localSheetId), and exceljs numbers only its
 * worksheets, so sheets added at the end change no number. exceljs is pinned (4.4.0); if
 * a part no longer has the text this module inserts after, the workbook is refused with an
 * error rather than written without its charts.
 */
import type ExcelJS from 'exceljs';
import { barChartXml, chartDrawingXml, chartsheetXml, CONTENT_TYPE, REL_TYPE, singleRelsXml, xmlText, type BarChartSpec } from './chartXml.ts';

export interface ChartSheetSpec {
  /** the tab's name (at most 31 characters, unique in the workbook) */
  readonly name: string;
  readonly chart: BarChartSpec;
}

interface ZipAppend {
  append(source: unknown, data: { name: string }): unknown;
}

/** Insert `text` before the first `anchor` in a part written by exceljs; refuse if it is missing. */
function insertBefore(part: string, xml: string, anchor: string, text: string): string {
  const at = xml.indexOf(anchor);
  if (at < 0) throw new Error(`workbook: exceljs wrote ${part} without "${anchor}"; the chart sheets cannot be added (is exceljs still 4.4.0?)`);
  return xml.slice(0, at) + text + xml.slice(at);
}

/** The sheetId values exceljs gave its worksheets in xl/workbook.xml. */
function usedSheetIds(workbookXml: string): number[] {
  return [...workbookXml.matchAll(/<sheet [^>]*sheetId="(\d+)"/g)].map((m) => Number(m[1]));
}

/**
 * Add `sheets` as chart sheets to the workbook `wb` writes; call before `wb.commit()`, and
 * the returned check after it (it throws if exceljs wrote an index part this did not edit).
 */
export function attachChartsheets(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheets: readonly ChartSheetSpec[]): () => void {
  if (sheets.length === 0) return () => undefined;
  const zip = (wb as unknown as { zip?: ZipAppend }).zip;
  if (!zip || typeof zip.append !== 'function') throw new Error('workbook: the exceljs streaming writer has no zip to add the chart sheets to (is exceljs still 4.4.0?)');
  const append = zip.append.bind(zip);
  const relId = (k: number): string => `rIdChartsheet${k + 1}`;
  const edits: Readonly<Record<string, (xml: string) => string>> = {
    '[Content_Types].xml': (xml) => insertBefore('[Content_Types].xml', xml, '</Types>', sheets.map((_, k) =>
      `<Override PartName="/xl/chartsheets/sheet${k + 1}.xml" ContentType="${CONTENT_TYPE.chartsheet}"/>` +
      `<Override PartName="/xl/drawings/chartDrawing${k + 1}.xml" ContentType="${CONTENT_TYPE.drawing}"/>` +
      `<Override PartName="/xl/charts/chart${k + 1}.xml" ContentType="${CONTENT_TYPE.chart}"/>`).join('')),
    '/xl/_rels/workbook.xml.rels': (xml) => insertBefore('xl/_rels/workbook.xml.rels', xml, '</Relationships>', sheets.map((_, k) =>
      `<Relationship Id="${relId(k)}" Type="${REL_TYPE.chartsheet}" Target="chartsheets/sheet${k + 1}.xml"/>`).join('')),
    '/xl/workbook.xml': (xml) => {
      const next = Math.max(0, ...usedSheetIds(xml)) + 1;
      return insertBefore('xl/workbook.xml', xml, '</sheets>', sheets.map((s, k) =>
        `<sheet sheetId="${next + k}" name="${xmlText(s.name)}" state="visible" r:id="${relId(k)}"/>`).join(''));
    },
    'docProps/app.xml': (xml) => {
      // HeadingPairs: "Worksheets" n, then "Charts" m; TitlesOfParts: the worksheet names, then the chart sheets'
      const pairs = /<HeadingPairs><vt:vector size="2" baseType="variant">(.*?)<\/vt:vector><\/HeadingPairs>/.exec(xml);
      const titles = /<TitlesOfParts><vt:vector size="(\d+)" baseType="lpstr">/.exec(xml);
      if (!pairs || !titles) throw new Error('workbook: exceljs wrote docProps/app.xml without its HeadingPairs and TitlesOfParts; the chart sheets cannot be added (is exceljs still 4.4.0?)');
      const names = sheets.map((s) => `<vt:lpstr>${xmlText(s.name)}</vt:lpstr>`).join('');
      const withPairs = xml.replace(pairs[0], `<HeadingPairs><vt:vector size="4" baseType="variant">${pairs[1]}<vt:variant><vt:lpstr>Charts</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>`);
      const withTitles = withPairs.replace(titles[0], `<TitlesOfParts><vt:vector size="${Number(titles[1]) + sheets.length}" baseType="lpstr">`);
      return insertBefore('docProps/app.xml', withTitles, '</vt:vector></TitlesOfParts>', names);
    },
  };
  const seen = new Set<string>();
  zip.append = (source: unknown, data: { name: string }): unknown => {
    const edit = edits[data.name];
    if (!edit) return append(source, data);
    seen.add(data.name);
    return append(edit(String(source)), data);
  };
  sheets.forEach((s, k) => {
    const n = k + 1;
    append(chartsheetXml(), { name: `xl/chartsheets/sheet${n}.xml` });
    append(singleRelsXml(REL_TYPE.drawing, `../drawings/chartDrawing${n}.xml`), { name: `xl/chartsheets/_rels/sheet${n}.xml.rels` });
    append(chartDrawingXml(s.name), { name: `xl/drawings/chartDrawing${n}.xml` });
    append(singleRelsXml(REL_TYPE.chart, `../charts/chart${n}.xml`), { name: `xl/drawings/_rels/chartDrawing${n}.xml.rels` });
    append(barChartXml(s.chart), { name: `xl/charts/chart${n}.xml` });
  });
  return () => {
    const missing = Object.keys(edits).filter((name) => !seen.has(name));
    if (missing.length) throw new Error(`workbook: exceljs wrote no ${missing.join(', ')}; the chart sheets were not added (is exceljs still 4.4.0?)`);
  };
}

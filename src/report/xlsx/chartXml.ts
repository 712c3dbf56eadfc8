/**
 * The XML parts of a native Excel chart sheet (Office Open XML, ECMA-376): a chartsheet
 * (xl/chartsheets/sheetN.xml) whose drawing (xl/drawings/drawingN.xml) holds one bar chart
 * (xl/charts/chartN.xml, DrawingML `c:chartSpace` with a `c:barChart`). The chart's series
 * reference cell ranges of a worksheet (`c:f`) and carry the same values as a cache
 * (`c:strCache`, `c:numCache`), so a reader that does not recalculate still draws them.
 * Pure string building; elements are written in the schema's order.
 */

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const REL_TYPE = {
  chartsheet: `${NS_R}/chartsheet`,
  drawing: `${NS_R}/drawing`,
  chart: `${NS_R}/chart`,
} as const;

export const CONTENT_TYPE = {
  chartsheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text for XML content and for attribute values in double quotes (a formula's ' stays as Excel writes it). */
export function xmlText(s: string): string {
  return s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
}

/** A worksheet reference as Excel writes it in a formula: '县'!$B$3:$B$32 (quotes doubled in the name). */
export function sheetRange(sheet: string, column: string, firstRow: number, lastRow: number): string {
  return `'${sheet.replace(/'/g, "''")}'!$${column}$${firstRow}:$${column}$${lastRow}`;
}

/** One bar chart: categories (names) and values, both read from worksheet ranges. */
export interface BarChartSpec {
  readonly title: string;
  readonly categoryAxisTitle: string;
  readonly valueAxisTitle: string;
  readonly seriesName: string;
  /** the chart's language tag, zh-CN or en-US */
  readonly lang: string;
  readonly categories: { readonly ref: string; readonly values: readonly string[] };
  readonly values: { readonly ref: string; readonly values: readonly number[]; readonly format: string };
  /** bar colour, RRGGBB */
  readonly color: string;
}

function richText(text: string, lang: string, size: number, bold: boolean): string {
  const b = bold ? ' b="1"' : ' b="0"';
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${b}/></a:pPr><a:r><a:rPr lang="${lang}" sz="${size}"${b}/><a:t>${xmlText(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

function title(text: string, lang: string, size: number, bold: boolean): string {
  return `<c:title>${richText(text, lang, size, bold)}<c:overlay val="0"/></c:title>`;
}

function textProperties(size: number): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`;
}

/** A number as the cache holds it: the shortest text that reads back as the same double. */
function cacheNumber(v: number): string {
  return Number.isFinite(v) ? String(v) : '0';
}

const CATEGORY_AXIS_ID = 50010;
const VALUE_AXIS_ID = 50020;

/**
 * A horizontal bar chart, the first category at the top (the category axis reversed, the
 * value axis kept at the bottom by crossing at the last category), value labels on the bars,
 * no legend (one series).
 */
export function barChartXml(spec: BarChartSpec): string {
  const n = spec.categories.values.length;
  const cats = spec.categories.values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlText(v)}</c:v></c:pt>`).join('');
  const vals = spec.values.values.map((v, i) => `<c:pt idx="${i}"><c:v>${cacheNumber(v)}</c:v></c:pt>`).join('');
  const format = xmlText(spec.values.format);
  return HEAD +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:date1904 val="0"/><c:lang val="${spec.lang}"/><c:roundedCorners val="0"/>` +
    '<c:chart>' +
    title(spec.title, spec.lang, 1400, true) +
    '<c:autoTitleDeleted val="0"/>' +
    '<c:plotArea><c:layout/>' +
    '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    '<c:ser><c:idx val="0"/><c:order val="0"/>' +
    `<c:tx><c:v>${xmlText(spec.seriesName)}</c:v></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${spec.color}"/></a:solidFill></c:spPr>` +
    '<c:invertIfNegative val="0"/>' +
    `<c:dLbls><c:numFmt formatCode="${format}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${textProperties(800)}` +
    '<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>' +
    `<c:cat><c:strRef><c:f>${xmlText(spec.categories.ref)}</c:f><c:strCache><c:ptCount val="${n}"/>${cats}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${xmlText(spec.values.ref)}</c:f><c:numCache><c:formatCode>${format}</c:formatCode><c:ptCount val="${n}"/>${vals}</c:numCache></c:numRef></c:val>` +
    '</c:ser>' +
    `<c:gapWidth val="40"/><c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/>` +
    '</c:barChart>' +
    `<c:catAx><c:axId val="${CATEGORY_AXIS_ID}"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    title(spec.categoryAxisTitle, spec.lang, 1000, false) +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>' +
    `${textProperties(800)}<c:crossAx val="${VALUE_AXIS_ID}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VALUE_AXIS_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/>` +
    title(spec.valueAxisTitle, spec.lang, 1000, false) +
    `<c:numFmt formatCode="${format}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `${textProperties(900)}<c:crossAx val="${CATEGORY_AXIS_ID}"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea>' +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart>' +
    '</c:chartSpace>';
}

/** The chart's size: the printable part of a landscape A4 page with the chartsheet's margins (EMU, 36,000 a millimetre). */
const CHART_WIDTH_EMU = 272 * 36_000;
const CHART_HEIGHT_EMU = 180 * 36_000;

/** A drawing that fills its chartsheet with one chart (relationship rId1 of the drawing). */
export function chartDrawingXml(name: string): string {
  return HEAD +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">` +
    `<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="${CHART_WIDTH_EMU}" cy="${CHART_HEIGHT_EMU}"/>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${xmlText(name)}"/><xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="rId1"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>';
}

/** A chartsheet: the drawing (relationship rId1), zoomed to fit the window, printed landscape on A4. */
export function chartsheetXml(): string {
  return HEAD +
    `<chartsheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    '<sheetPr/><sheetViews><sheetView zoomToFit="1" workbookViewId="0"/></sheetViews>' +
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape"/>' +
    '<drawing r:id="rId1"/>' +
    '</chartsheet>';
}

/** A part's relationships file with one relationship rId1. */
export function singleRelsXml(type: string, target: string): string {
  return HEAD + `<Relationships xmlns="${NS_PKG_RELS}"><Relationship Id="rId1" Type="${type}" Target="${xmlText(target)}"/></Relationships>`;
}

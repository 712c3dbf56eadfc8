/**
 * The Excel workbook for finance departments: one sheet per table (summary, counties,
 * items, transfers, provinces, comparison, parameters with sources), a ranking sheet, a
 * column sheet, and two native chart sheets with their data sheet. Numbers are stored as
 * numbers with yuan formats; each table sheet has ONE header row in the chosen language (the
 * CSV column ids are on the column sheet), frozen, with an autofilter, repeated on every
 * printed page (print titles), printed landscape on A4 fitted to the page width, and a totals
 * row whose cached value is the exact sum of the rows' integer fen (written as a SUM formula
 * so Excel shows the same figure after recalculating).
 *
 * All years of the run: the county, item, transfer and province sheets hold one row per
 * county (item, province) and year, with a year column; the summary, ranking and chart sheets
 * are for the report year. With a display unit (万元/亿元) each money column is followed by the
 * same amount in that unit (src/report/moneyUnits.ts); its total is the sum of the printed parts.
 *
 * Ranking and charts: the ranking sheet ranks the counties by financing gap per resident with
 * Excel data bars (conditional formatting); the chart sheets (chartsheets.ts) draw the largest
 * county gaps and each province's gap per resident as native Excel bar charts from the chart
 * data sheet's cells.
 *
 * Written with exceljs's streaming writer to a temporary file that the caller renames: rows
 * are committed as they are made (the item sheet's straight from the item table's columns,
 * itemCells.ts), with a pause every ROWS_PER_CHUNK rows so that the zip writes them out.
 * exceljs is loaded only when a workbook is asked for.
 */
import { PassThrough, type Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { sourceInForce, type PolicyData } from '../../input/policyData.ts';
import { fenToYuanString, yuanToFen } from '../../model/money.ts';
import type { InequalitySummary } from '../../model/measures/inequality.ts';
import type { YearRun } from '../../simulation/runSimulation.ts';
import type { Comparison } from '../../tables/comparison.ts';
import {
  COMPARE_COUNTY_COLUMNS, COMPARE_ITEM_COLUMNS, COMPARE_LEVEL_COLUMNS, COMPARE_MEASURE_COLUMNS, countyComparisonRows, itemComparisonRows, levelComparisonRows, measureRows,
} from '../../tables/comparisonRows.ts';
import { COUNTY_COLUMNS, countyRow, ITEM_COLUMNS, type Row } from '../../tables/countyTable.ts';
import { PARAMETER_COLUMNS, parameterRows } from '../../tables/parameterTable.ts';
import { listParameters } from '../../scenarios/parameterRegistry.ts';
import { describeSource as describeSourceIn } from '../../i18n/sources.ts';
import { unitLabel } from '../../i18n/units.ts';
import { PROVINCE_COLUMNS, provinceRows } from '../../tables/provinceTable.ts';
import { TRANSFER_COLUMNS, transferRow } from '../../tables/reportTables.ts';
import type { YearSummary } from '../../tables/summary.ts';
import { t, type Lang, type LabelKey } from '../html/labels.ts';
import { columnInfo, NUMBER_FORMATS, type ColumnKind } from './columns.ts';
import { safeText } from '../cellSafety.ts';
import { itemCells } from './itemCells.ts';
import { cellsOfRows, type SheetCell } from './sheetCells.ts';
import { attachChartsheets, type ChartSheetSpec } from './chartsheets.ts';
import { labelLevelRows, labelMeasureRows } from './comparisonLabels.ts';
import { parameterValue } from '../html/parameterText.ts';
import { sheetRange } from './chartXml.ts';
import { fenToSteps, fenToUnitText, MONEY_UNIT_INFO, stepsText, type MoneyUnit } from '../moneyUnits.ts';

export interface WorkbookInput {
  readonly lang: Lang;
  readonly run: YearRun;
  readonly policy: PolicyData;
  readonly selected: readonly number[];
  readonly summary: YearSummary;
  readonly meta: {
    readonly scenarioName: string;
    readonly scenarioTitle: string;
    readonly basis: string;
    readonly version: string;
    readonly countyFiles: readonly string[];
  };
  readonly comparison?: { readonly baseName: string; readonly data: Comparison };
  /** every year computed, in order (default: the report year only); the table sheets hold them all */
  readonly runs?: readonly YearRun[];
  /** display unit added beside the exact yuan columns (万元 or 亿元; yuan adds none) */
  readonly unit?: MoneyUnit;
}

/** Strings of the workbook that the shared label table does not hold: [zh, en]. */
const TEXT = {
  ranking: ['排名', 'ranking'],
  countyChartSheet: ['图表（县）', 'chart (counties)'],
  provinceChartSheet: ['图表（省）', 'chart (provinces)'],
  chartData: ['图表数据', 'chart data'],
  columns: ['列说明', 'columns'],
  columnSheet: ['工作表', 'sheet'],
  columnId: ['列名（CSV）', 'column id (CSV)'],
  columnLabel: ['列标题', 'column label'],
  chartTitle: ['各县人均财力缺口（{year}年，由高到低；正数为缺口，负数为结余）', 'Financing gap per resident by county ({year}, highest first; negative: surplus)'],
  rank: ['位次', 'rank'],
  gapPerCapita: ['人均财力缺口（元）', 'gap per resident (yuan)'],
  gap: ['财力缺口（元）', 'financing gap (yuan)'],
  countyChartData: ['财力缺口最大的县（{unit}），图表（县）的数据', 'Counties with the largest gap ({unit}): data of chart (counties)'],
  provinceChartData: ['各省人均财力缺口（元/人），图表（省）的数据', 'Gap per resident by province (yuan): data of chart (provinces)'],
  county: ['县', 'county'],
  province: ['省', 'province'],
  gapIn: ['财力缺口（{unit}）', 'financing gap ({unit})'],
  countyChartTop: ['财力缺口最大的{n}个县（{year}年，{unit}；共{all}个县）', 'The {n} counties with the largest financing gap ({year}, {unit}; of {all} counties)'],
  countyChartAll: ['各县财力缺口（{year}年，{unit}，由高到低）', 'Financing gap by county ({year}, {unit}, highest first)'],
  provinceChart: ['各省人均财力缺口（{year}年，元/人，各县合计；负数为结余）', 'Financing gap per resident by province ({year}, yuan per resident, counties summed; negative: surplus)'],
  perResident: ['人均财力缺口（元/人）', 'gap per resident (yuan)'],
  compareLevels: ['情景比较（按政府层级）', 'comparison by level'],
  compareItems: ['情景比较（按项目）', 'comparison by item'],
  compareMeasures: ['情景比较（均等化指标）', 'comparison measures'],
} as const satisfies Record<string, readonly [string, string]>;

function tx(lang: Lang, key: keyof typeof TEXT, vars: Readonly<Record<string, string | number>> = {}): string {
  return TEXT[key][lang === 'zh' ? 0 : 1].replace(/\{(\w+)\}/g, (m, k: string) => (vars[k] !== undefined ? String(vars[k]) : m));
}

/** Landscape A4, fitted to the page width, the header row repeated on every page. */
const PRINT: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };

/** One line per table column for the column sheet: sheet, CSV id, label. */
type ColumnNote = readonly [string, string, string];

const SUMMABLE_INTS = new Set(['resident_pop', 'basis_pop', 'population', 'counties']);
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EDF3' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4F6F8' } };

function cellValue(kind: ColumnKind, v: string | number | undefined): ExcelJS.CellValue {
  if (v === undefined || v === '') return null;
  if (kind === 'text') return safeText(String(v));
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : safeText(String(v));
}

function widthFor(kind: ColumnKind, name: string, label: string): number {
  if (name === 'source' || name === 'description') return 60;
  if (kind === 'yuan') return 18;
  if (kind === 'text') return Math.max(10, Math.min(28, label.length * 2));
  return 12;
}

type Book = ExcelJS.stream.xlsx.WorkbookWriter;

/** Money columns of a sheet: the yuan kind, or an unit display column for one (gap_wan). */
function displayColumns(columns: readonly string[], infos: ReadonlyArray<{ kind: ColumnKind }>, unit: MoneyUnit | undefined): string[] {
  if (!unit || unit === 'yuan') return [...columns];
  const suffix = MONEY_UNIT_INFO[unit].suffix;
  return columns.flatMap((c, i) => (infos[i]!.kind === 'yuan' ? [c, `${c}${suffix}`] : [c]));
}

/** Rows written between two pauses that let the zip compress and write what is buffered. */
const ROWS_PER_CHUNK = 2000;

/** The part of exceljs's sheet stream (a StreamBuf) that says where its bytes go: the zip's entry stream. */
interface SheetStream {
  // archiver's PassThrough comes from readable-stream 2, which has _writableState but no writableNeedDrain
  readonly pipes?: ReadonlyArray<{ readonly _writableState?: { readonly needDrain?: boolean }; once(event: 'drain' | 'close' | 'error', f: () => void): unknown; removeListener(event: 'drain' | 'close' | 'error', f: () => void): unknown }>;
}

/**
 * Let the zip catch up with the rows written so far: yield to the event loop, then wait while
 * the zip's entry stream for this sheet holds more than it asked for (backpressure), so that
 * memory holds a few chunks of the sheet, not the whole sheet's XML.
 */
async function drain(ws: object): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  const pipes = (ws as unknown as { stream?: SheetStream }).stream?.pipes ?? [];
  for (const dest of pipes) {
    while (dest._writableState?.needDrain) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          dest.removeListener('drain', done);
          dest.removeListener('close', done);
          dest.removeListener('error', done);
          resolve();
        };
        dest.once('drain', done);
        dest.once('close', done);
        dest.once('error', done);
      });
    }
  }
}

/** A cell of a table sheet from its source value: text, a number, or yuan from integer fen. */
function sheetValue(kind: ColumnKind, v: SheetCell): ExcelJS.CellValue {
  // + 0 turns −0 into 0; fen / 100 is the double nearest the amount, as Number("12.34") is
  if (kind === 'yuan' && typeof v === 'number') return v / 100 + 0;
  return cellValue(kind, v);
}

/**
 * A table sheet: row 1 the labels in the chosen language (frozen, with the autofilter and
 * repeated on printed pages), data from row 2, and a totals row under the data. The CSV
 * column ids go to `notes` for the column sheet. Rows come one at a time from `rows` (cells
 * in `baseColumns` order, yuan as fen: see sheetCells.ts) and are committed as they come, with
 * a pause every ROWS_PER_CHUNK rows so that the zip stream writes them out.
 */
async function tableSheet(wb: Book, sheetName: string, baseColumns: readonly string[], rows: Iterable<readonly SheetCell[]> | { readonly rows: Iterable<Row> }, lang: Lang, notes: ColumnNote[], opts: { totals?: boolean; freezeColumns?: number; wrap?: readonly string[]; unit?: MoneyUnit } = {}): Promise<void> {
  const baseInfos = baseColumns.map((c) => columnInfo(c, lang));
  const columns = displayColumns(baseColumns, baseInfos, opts.unit);
  const unit = opts.unit && opts.unit !== 'yuan' ? opts.unit : undefined;
  const suffix = unit ? MONEY_UNIT_INFO[unit].suffix : undefined;
  // a display column: the stem's label with the unit, a number with the unit's decimals
  const infos = columns.map((c) => {
    if (suffix && c.endsWith(suffix) && !baseColumns.includes(c)) {
      const stem = columnInfo(c.slice(0, -suffix.length), lang);
      return { kind: 'unit' as const, label: `${stem.label}（${lang === 'zh' ? MONEY_UNIT_INFO[unit!].zh : MONEY_UNIT_INFO[unit!].en}）` };
    }
    return columnInfo(c, lang);
  });
  // where each sheet column takes its value from in the source cells
  const sourceAt = columns.map((c, i) => baseColumns.indexOf(infos[i]!.kind === 'unit' ? c.slice(0, -suffix!.length) : c));
  const cells = 'rows' in rows ? cellsOfRows(baseColumns, baseInfos.map((i) => i.kind), rows.rows) : rows;
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', xSplit: opts.freezeColumns ?? 0, ySplit: 1 }], pageSetup: PRINT });
  ws.columns = columns.map((c, i) => {
    const kind = infos[i]!.kind;
    const numFmt = kind === 'unit' ? NUMBER_FORMATS.decimal : NUMBER_FORMATS[kind];
    const wrap = opts.wrap?.includes(c);
    return { key: c, width: kind === 'unit' ? 14 : widthFor(kind, c, infos[i]!.label), style: { ...(numFmt ? { numFmt } : {}), ...(wrap ? { alignment: { wrapText: true, vertical: 'top' as const } } : {}) } };
  });
  for (const [i, c] of columns.entries()) notes.push([sheetName, c, infos[i]!.label]);
  const labels = ws.getRow(1);
  labels.values = infos.map((i) => i.label);
  labels.font = { bold: true };
  labels.alignment = { wrapText: true, vertical: 'bottom' };
  labels.eachCell((cell) => (cell.fill = HEADER_FILL));
  labels.commit();
  // totals: exact fen of the yuan columns, printed steps of the unit columns, sums of counts
  const fenTotals = new Array<number>(columns.length).fill(0);
  const stepTotals = new Array<number>(columns.length).fill(0);
  const intTotals = new Array<number>(columns.length).fill(0);
  const summableInt = columns.map((c, i) => infos[i]!.kind === 'int' && SUMMABLE_INTS.has(c));
  let count = 0;
  for (const source of cells) {
    const values = columns.map((c, i): ExcelJS.CellValue => {
      const kind = infos[i]!.kind;
      const v = source[sourceAt[i]!];
      if (kind === 'unit') {
        if (v === undefined || v === '') return null;
        const steps = fenToSteps(typeof v === 'number' ? v : yuanToFen(v), unit!);
        stepTotals[i] = stepTotals[i]! + steps;
        return Number(stepsText(steps, unit!));
      }
      if (opts.totals && v !== undefined && v !== '') {
        if (kind === 'yuan') fenTotals[i] = fenTotals[i]! + (typeof v === 'number' ? v : yuanToFen(v));
        else if (summableInt[i]) intTotals[i] = intTotals[i]! + Number(v);
      }
      return sheetValue(kind, v);
    });
    ws.addRow(values).commit();
    if (++count % ROWS_PER_CHUNK === 0) await drain(ws);
  }
  const last = 1 + count;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, last), column: columns.length } };
  if (opts.totals) {
    const values: ExcelJS.CellValue[] = columns.map((_, i) => {
      const kind = infos[i]!.kind;
      const letter = ws.getColumn(i + 1).letter;
      const range = `${letter}2:${letter}${last}`;
      if (kind === 'yuan') return { formula: `SUM(${range})`, result: Number(fenToYuanString(fenTotals[i]!)) };
      if (kind === 'unit') return { formula: `SUM(${range})`, result: Number(stepsText(stepTotals[i]!, unit!)) };
      if (summableInt[i]) return { formula: `SUM(${range})`, result: intTotals[i]! };
      return null;
    });
    const labelAt = infos.findIndex((i) => i.kind === 'text');
    values[labelAt >= 0 ? labelAt : 0] = t(lang, 'total');
    const total = ws.addRow(values);
    total.font = { bold: true };
    total.eachCell((cell) => {
      cell.fill = TOTAL_FILL;
      cell.border = { top: { style: 'thin' } };
    });
    total.commit();
  }
  ws.commit();
}

/** Counties in the county chart: the largest gaps, so that 30 names stay legible on one A4 page. */
export const CHART_COUNTIES = 30;

/** The ranking sheet: counties of the report year ranked by gap per resident, with data bars. */
function rankingSheet(wb: Book, input: WorkbookInput): void {
  const { lang, run, selected } = input;
  const ws = wb.addWorksheet(tx(lang, 'ranking'), { views: [{ state: 'frozen', ySplit: 2 }], pageSetup: { ...PRINT, orientation: 'portrait', printTitlesRow: '2:2' } });
  ws.columns = [{ width: 8 }, { width: 12 }, { width: 24 }, { width: 40, style: { numFmt: NUMBER_FORMATS.decimal! } }, { width: 20, style: { numFmt: NUMBER_FORMATS.yuan! } }];
  const title = ws.getRow(1);
  title.values = [tx(lang, 'chartTitle', { year: run.year })];
  title.font = { bold: true, size: 12 };
  title.commit();
  const head = ws.getRow(2);
  head.values = [tx(lang, 'rank'), columnInfo('code', lang).label, columnInfo('name', lang).label, tx(lang, 'gapPerCapita'), tx(lang, 'gap')];
  head.font = { bold: true };
  head.eachCell((cell) => (cell.fill = HEADER_FILL));
  head.commit();
  const ranked = selected
    .map((i) => run.result.counties[i]!)
    .map((r) => ({ r, perCapita: r.population > 0 ? r.gapFen / 100 / r.population : 0 }))
    .sort((a, b) => b.perCapita - a.perCapita || a.r.countyIndex - b.r.countyIndex);
  ranked.forEach(({ r, perCapita }, k) => {
    const c = run.counties[r.countyIndex]!;
    ws.addRow([k + 1, safeText(c.code), safeText(c.name), Math.round(perCapita * 100) / 100, Number(fenToYuanString(r.gapFen))]).commit();
  });
  if (ranked.length) {
    ws.addConditionalFormatting({
      ref: `D3:D${2 + ranked.length}`,
      rules: [{ type: 'dataBar', priority: 1, cfvo: [{ type: 'min' }, { type: 'max' }], color: { argb: 'FFC0504D' } } as unknown as ExcelJS.ConditionalFormattingRule],
    });
  }
  ws.commit();
}

/** Columns of the chart data sheet. */
const COUNTY_CHART_COLUMNS = { rank: 'A', name: 'B', gap: 'C' } as const;
const PROVINCE_CHART_COLUMNS = { name: 'E', perResident: 'F' } as const;

/**
 * The chart data sheet and the chart sheets drawn from it (chartsheets.ts). The sheet holds
 * the CHART_COUNTIES counties of the report year with the largest financing gap, in 万元 (or
 * the chosen 亿元) rounded from the exact fen (A–C), and each province's gap per resident, its
 * counties summed (E–F); each chart's bars reference those cells. The province chart is drawn
 * only when the report has more than one province.
 */
function chartDataSheet(wb: Book, input: WorkbookInput): ChartSheetSpec[] {
  const { lang, run, selected } = input;
  const name = tx(lang, 'chartData');
  const unit: MoneyUnit = input.unit === 'yi' ? 'yi' : 'wan';
  const unitLabel = lang === 'zh' ? MONEY_UNIT_INFO[unit].zh : MONEY_UNIT_INFO[unit].en;
  const provinceCodes = new Set(selected.map((i) => run.counties[i]!.provinceCode));
  // counties: the largest gaps; names carry their province when the report has several
  const byGap = selected.map((i) => run.result.counties[i]!).sort((a, b) => b.gapFen - a.gapFen || a.countyIndex - b.countyIndex).slice(0, CHART_COUNTIES);
  const countyBars = byGap.map((r) => {
    const c = run.counties[r.countyIndex]!;
    return { name: safeText(provinceCodes.size > 1 ? `${c.name}（${c.province}）` : c.name), value: Number(fenToUnitText(r.gapFen, unit)) };
  });
  // provinces: gap per resident, the province's counties summed
  const provinces = new Map<string, { name: string; gapFen: number; population: number }>();
  for (const i of selected) {
    const c = run.counties[i]!;
    const r = run.result.counties[i]!;
    const p = provinces.get(c.provinceCode) ?? provinces.set(c.provinceCode, { name: c.province, gapFen: 0, population: 0 }).get(c.provinceCode)!;
    p.gapFen += r.gapFen;
    p.population += r.population;
  }
  const provinceBars = [...provinces.entries()]
    .map(([code, p]) => ({ code, name: safeText(p.name), value: p.population > 0 ? Math.round(p.gapFen / p.population) / 100 + 0 : 0 }))
    .sort((a, b) => b.value - a.value || (a.code < b.code ? -1 : 1));
  const withProvinces = provinceBars.length > 1;

  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }], pageSetup: { ...PRINT, orientation: 'portrait', printTitlesRow: '2:2' } });
  const decimal = { numFmt: NUMBER_FORMATS.decimal! };
  ws.columns = [{ width: 8 }, { width: 34 }, { width: 20, style: decimal }, { width: 3 }, { width: 16 }, { width: 22, style: decimal }];
  const title = ws.getRow(1);
  title.values = [tx(lang, 'countyChartData', { unit: unitLabel }), null, null, null, ...(withProvinces ? [tx(lang, 'provinceChartData')] : [])];
  title.font = { bold: true, size: 12 };
  title.commit();
  const head = ws.getRow(2);
  head.values = [tx(lang, 'rank'), tx(lang, 'county'), tx(lang, 'gapIn', { unit: unitLabel }), null, ...(withProvinces ? [tx(lang, 'province'), tx(lang, 'perResident')] : [])];
  head.font = { bold: true };
  head.eachCell((cell) => (cell.fill = HEADER_FILL));
  head.commit();
  const rows = Math.max(countyBars.length, withProvinces ? provinceBars.length : 0);
  for (let k = 0; k < rows; k++) {
    const bar = countyBars[k];
    const province = withProvinces ? provinceBars[k] : undefined;
    ws.addRow([...(bar ? [k + 1, bar.name, bar.value] : [null, null, null]), null, ...(province ? [province.name, province.value] : [])]).commit();
  }
  ws.commit();

  const chartLang = lang === 'zh' ? 'zh-CN' : 'en-US';
  const charts: ChartSheetSpec[] = [];
  if (countyBars.length) {
    const valueTitle = tx(lang, 'gapIn', { unit: unitLabel });
    charts.push({
      name: tx(lang, 'countyChartSheet'),
      chart: {
        title: selected.length > CHART_COUNTIES
          ? tx(lang, 'countyChartTop', { n: countyBars.length, year: run.year, unit: unitLabel, all: selected.length })
          : tx(lang, 'countyChartAll', { year: run.year, unit: unitLabel }),
        categoryAxisTitle: tx(lang, 'county'),
        valueAxisTitle: valueTitle,
        seriesName: valueTitle,
        lang: chartLang,
        categories: { ref: sheetRange(name, COUNTY_CHART_COLUMNS.name, 3, 2 + countyBars.length), values: countyBars.map((b) => b.name) },
        values: { ref: sheetRange(name, COUNTY_CHART_COLUMNS.gap, 3, 2 + countyBars.length), values: countyBars.map((b) => b.value), format: unit === 'yi' ? '#,##0.00' : '#,##0' },
        color: 'C0504D',
      },
    });
  }
  if (withProvinces) {
    charts.push({
      name: tx(lang, 'provinceChartSheet'),
      chart: {
        title: tx(lang, 'provinceChart', { year: run.year }),
        categoryAxisTitle: tx(lang, 'province'),
        valueAxisTitle: tx(lang, 'perResident'),
        seriesName: tx(lang, 'perResident'),
        lang: chartLang,
        categories: { ref: sheetRange(name, PROVINCE_CHART_COLUMNS.name, 3, 2 + provinceBars.length), values: provinceBars.map((b) => b.name) },
        values: { ref: sheetRange(name, PROVINCE_CHART_COLUMNS.perResident, 3, 2 + provinceBars.length), values: provinceBars.map((b) => b.value), format: '#,##0' },
        color: '4F81BD',
      },
    });
  }
  return charts;
}

/** The column sheet: each table sheet's columns, CSV id beside label. */
function columnSheet(wb: Book, lang: Lang, notes: readonly ColumnNote[]): void {
  const ws = wb.addWorksheet(tx(lang, 'columns'), { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { ...PRINT, orientation: 'portrait' } });
  ws.columns = [{ width: 18 }, { width: 34 }, { width: 44 }];
  const head = ws.getRow(1);
  head.values = [tx(lang, 'columnSheet'), tx(lang, 'columnId'), tx(lang, 'columnLabel')];
  head.font = { bold: true };
  head.eachCell((cell) => (cell.fill = HEADER_FILL));
  head.commit();
  for (const [sheet, id, label] of notes) ws.addRow([safeText(sheet), safeText(id), safeText(label)]).commit();
  ws.commit();
}

function summarySheet(wb: Book, input: WorkbookInput): void {
  const { lang, summary: s } = input;
  const tt = s.totals;
  const ws = wb.addWorksheet(t(lang, 'sheet_summary'), { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: PRINT });
  ws.columns = [{ width: 44 }, { width: 24 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }];
  const head = ws.addRow([t(lang, 'figure'), t(lang, 'amount'), t(lang, 'unit')]);
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = HEADER_FILL));
  const text = (label: string, value: string): void => void ws.addRow([safeText(label), safeText(value)]);
  const money = (key: LabelKey, fen: number): void => {
    const row = ws.addRow([t(lang, key), Number(fenToYuanString(fen)), t(lang, 'yuan')]);
    row.getCell(2).numFmt = NUMBER_FORMATS.yuan!;
  };
  const count = (key: LabelKey, n: number, unit: LabelKey): void => {
    const row = ws.addRow([t(lang, key), Math.round(n), t(lang, unit)]);
    row.getCell(2).numFmt = NUMBER_FORMATS.int!;
  };
  text(t(lang, 'scenario'), `${input.meta.scenarioName} — ${input.meta.scenarioTitle}`);
  text(t(lang, 'year'), String(input.run.year));
  text(t(lang, 'basis'), t(lang, input.meta.basis === 'registered' ? 'basis_registered' : 'basis_resident'));
  text(t(lang, 'dataFiles'), input.meta.countyFiles.join(', '));
  text(t(lang, 'version'), input.meta.version);
  ws.addRow([]);
  count('counties', s.counties, 'counties');
  count('population', s.residents, 'persons');
  money('standardCost', tt.standardCostFen);
  money('level_central', tt.centralFen);
  money('level_provincial', tt.provincialFen);
  money('level_prefecture', tt.prefectureFen);
  money('level_county', tt.countyFen);
  money('earmarked', tt.specialFen);
  money('transfer_retained', tt.retainedFen);
  money('ownBurden', tt.ownBurdenFen);
  money('otherSpending', tt.otherSpendingFen);
  money('needs', tt.needsFen);
  money('ownRevenue', tt.ownRevenueFen);
  money('taxRebates', tt.rebatesFen);
  money('systemSubsidy', tt.systemSubsidyFen);
  money('remittance', tt.remittanceFen);
  money('equalization', tt.equalizationFen);
  money('guarantee', tt.guaranteeFen);
  money('generalTransfers', tt.generalFen);
  money('itemTiedGeneral', tt.itemTiedGeneralFen);
  money('resources', tt.resourcesFen);
  money('guaranteeGap', tt.guaranteeGapFen);
  money('guaranteeGapAfter', tt.guaranteeGapAfterFen);
  money('planGap', tt.planGapFen);
  money('netGap', tt.gapFen);
  money('shortfall', tt.shortfallFen);
  count('countiesInGap', s.countiesInGap, 'counties');
  count('residentsInGap', s.residentsInGap, 'persons');
  ws.addRow([]);
  const mh = ws.addRow([`${t(lang, 'measures')} (${t(lang, 'weighted')})`, t(lang, 'gini'), t(lang, 'theil'), `${t(lang, 'theilBetween')} (${t(lang, 'province')})`, `${t(lang, 'theilWithin')} (${t(lang, 'province')})`, t(lang, 'cv'), t(lang, 'maxMin'), t(lang, 'decileRatio'), t(lang, 'mean')]);
  mh.font = { bold: true };
  mh.eachCell((c) => (c.fill = HEADER_FILL));
  const m = (label: LabelKey, x: InequalitySummary, w: string): void => {
    const num = (v: number): number | null => (Number.isFinite(v) ? v : null);
    const row = ws.addRow([`${t(lang, label)} (${w})`, num(x.gini), num(x.theil.total), num(x.theil.between), num(x.theil.within), num(x.cv), num(x.maxMin), num(x.decileRatio), num(x.mean)]);
    for (let c = 2; c <= 8; c++) row.getCell(c).numFmt = '0.0000';
    row.getCell(9).numFmt = NUMBER_FORMATS.decimal!;
  };
  for (const [weights, label] of [[s.measuresWeighted, t(lang, 'weighted')], [s.measuresUnweighted, t(lang, 'unweighted')]] as const) {
    m('stage_before', weights.beforeTransfers, label);
    m('stage_afterGeneral', weights.afterGeneral, label);
    m('stage_afterGeneralMof', weights.afterGeneralMof, label);
    m('stage_afterAll', weights.afterAll, label);
  }
  ws.commit();
}

/** Fill a streaming workbook with every sheet. */
async function fillWorkbook(wb: Book, input: WorkbookInput): Promise<void> {
  const { lang, run, policy, selected, unit } = input;
  const runs = input.runs?.length ? input.runs : [run];
  wb.creator = `fiscal-sim ${input.meta.version}`;
  wb.title = `${input.meta.scenarioName} ${runs.length === 1 ? run.year : `${runs[0]!.year}-${runs[runs.length - 1]!.year}`}`;
  const selectedSet = new Set(selected);
  const notes: ColumnNote[] = [];
  const provinces = new Set(selected.map((i) => run.counties[i]!.provinceCode));
  const each = function* <T>(make: (r: YearRun) => Iterable<T>): Iterable<T> {
    for (const r of runs) yield* make(r);
  };
  summarySheet(wb, input);
  rankingSheet(wb, input);
  await tableSheet(wb, t(lang, 'sheet_counties'), COUNTY_COLUMNS, { rows: each((r) => selected.map((i) => countyRow(r, r.result.counties[i]!))) }, lang, notes, { totals: runs.length === 1, freezeColumns: 2, unit });
  await tableSheet(wb, t(lang, 'sheet_items'), ITEM_COLUMNS, each((r) => itemCells(r, selectedSet, policy, lang)), lang, notes, { totals: runs.length === 1, freezeColumns: 2, unit });
  await tableSheet(wb, t(lang, 'sheet_transfers'), TRANSFER_COLUMNS, { rows: each((r) => selected.map((i) => transferRow(r, r.result.counties[i]!))) }, lang, notes, { totals: runs.length === 1, freezeColumns: 2, unit });
  await tableSheet(wb, t(lang, 'sheet_provinces'), PROVINCE_COLUMNS, { rows: each((r) => provinceRows(r, provinces)) }, lang, notes, { totals: runs.length === 1, freezeColumns: 2, unit });
  if (input.comparison) {
    const c = input.comparison.data;
    const base = t(lang, 'sheet_comparison');
    await tableSheet(wb, base, COMPARE_COUNTY_COLUMNS, { rows: countyComparisonRows(c) }, lang, notes, { totals: c.years.length === 1, freezeColumns: 2, unit });
    await tableSheet(wb, tx(lang, 'compareLevels'), COMPARE_LEVEL_COLUMNS, { rows: labelLevelRows(levelComparisonRows(c), lang) }, lang, notes, { freezeColumns: 2, unit });
    await tableSheet(wb, tx(lang, 'compareItems'), COMPARE_ITEM_COLUMNS, { rows: itemComparisonRows(c) }, lang, notes, { freezeColumns: 2, unit });
    await tableSheet(wb, tx(lang, 'compareMeasures'), COMPARE_MEASURE_COLUMNS, { rows: labelMeasureRows(measureRows(c), lang) }, lang, notes, { freezeColumns: 3 });
  }
  // in Chinese: the registry's Chinese description, the unit's Chinese label and the source in Chinese (as the HTML appendix)
  const registry = lang === 'zh' ? new Map(listParameters(policy).map((info) => [info.path, info])) : undefined;
  const params = parameterRows(policy, run.year).map((p): Row => {
    const info = registry?.get(p.path);
    return { path: p.path, description: info?.description_zh ?? p.description, value: registry ? parameterValue({ lang }, p.value) : p.value, unit: registry ? unitLabel(p.unit, lang) : p.unit, source_kind: t(lang, `source_${p.sourceKind}`), source: info ? describeSourceIn(sourceInForce(policy, p.path, run.year, info.source), lang) : p.source };
  });
  await tableSheet(wb, t(lang, 'sheet_parameters'), PARAMETER_COLUMNS, { rows: params }, lang, notes, { freezeColumns: 1, wrap: ['description', 'source'] });
  columnSheet(wb, lang, notes);
  const checkCharts = attachChartsheets(wb, chartDataSheet(wb, input));
  await wb.commit();
  checkCharts();
}

async function workbookWriter(stream: Writable): Promise<Book> {
  const { default: ExcelJS } = await import('exceljs');
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
}

/** Stream the workbook to `path` (a temporary file the caller renames into place). */
export async function writeWorkbookFile(path: string, input: WorkbookInput): Promise<void> {
  const { createWriteStream } = await import('node:fs');
  const file = createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => {
    file.on('close', resolve);
    file.on('error', reject);
  });
  await fillWorkbook(await workbookWriter(file), input);
  await done;
}

/** Build the workbook in memory and return the .xlsx bytes (benchmarks, small selections). */
export async function buildWorkbook(input: WorkbookInput): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  await fillWorkbook(await workbookWriter(stream), input);
  return Buffer.concat(chunks);
}

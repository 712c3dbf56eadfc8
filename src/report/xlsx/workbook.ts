/**
 * The Excel workbook for finance departments: one sheet per table (summary, counties,
 * items, transfers, provinces, comparison, parameters with sources). Numbers are stored as
 * numbers with yuan formats; each table sheet has a frozen header, an autofilter, and a
 * totals row whose cached value is the exact sum of the rows' integer fen (written as a SUM
 * formula so Excel shows the same figure after recalculating).
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { PolicyData } from '../../input/policyData.ts';
import { fenToYuanString, yuanToFen } from '../../model/money.ts';
import type { InequalitySummary } from '../../model/measures/inequality.ts';
import type { YearRun } from '../../simulation/runSimulation.ts';
import type { Comparison } from '../../tables/comparison.ts';
import {
  COMPARE_COUNTY_COLUMNS, COMPARE_ITEM_COLUMNS, COMPARE_LEVEL_COLUMNS, COMPARE_MEASURE_COLUMNS, countyComparisonRows, itemComparisonRows, levelComparisonRows, measureRows,
} from '../../tables/comparisonRows.ts';
import { COUNTY_COLUMNS, countyRow, ITEM_COLUMNS, itemRows, type Row } from '../../tables/countyTable.ts';
import { PARAMETER_COLUMNS, parameterRows } from '../../tables/parameterTable.ts';
import { PROVINCE_COLUMNS, provinceRows } from '../../tables/provinceTable.ts';
import { TRANSFER_COLUMNS, transferRow } from '../../tables/reportTables.ts';
import type { YearSummary } from '../../tables/summary.ts';
import { t, type Lang, type LabelKey } from '../html/labels.ts';
import { columnInfo, NUMBER_FORMATS, type ColumnKind } from './columns.ts';
import { safeText } from '../cellSafety.ts';

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
}

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

/**
 * A table sheet: row 1 the column names of the CSV tables (for scripts), row 2 the labels
 * with the autofilter, data from row 3, and a totals row under the data.
 */
type Book = ExcelJS.stream.xlsx.WorkbookWriter;

function tableSheet(wb: Book, sheetName: string, columns: readonly string[], rows: readonly Row[], lang: Lang, opts: { totals?: boolean; freezeColumns?: number; wrap?: readonly string[] } = {}): void {
  const infos = columns.map((c) => columnInfo(c, lang));
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', xSplit: opts.freezeColumns ?? 0, ySplit: 2 }] });
  ws.columns = columns.map((c, i) => {
    const numFmt = NUMBER_FORMATS[infos[i]!.kind];
    const wrap = opts.wrap?.includes(c);
    return { key: c, width: widthFor(infos[i]!.kind, c, infos[i]!.label), style: { ...(numFmt ? { numFmt } : {}), ...(wrap ? { alignment: { wrapText: true, vertical: 'top' as const } } : {}) } };
  });
  const names = ws.getRow(1);
  names.values = [...columns];
  names.font = { color: { argb: 'FF8A939B' }, size: 8 };
  const labels = ws.getRow(2);
  labels.values = infos.map((i) => i.label);
  labels.font = { bold: true };
  labels.alignment = { wrapText: true, vertical: 'bottom' };
  labels.eachCell((cell) => (cell.fill = HEADER_FILL));
  names.commit();
  labels.commit();
  for (const r of rows) ws.addRow(columns.map((c, i) => cellValue(infos[i]!.kind, r[c]))).commit();
  const last = 2 + rows.length;
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: Math.max(2, last), column: columns.length } };
  if (opts.totals) {
    const values: ExcelJS.CellValue[] = columns.map((c, i) => {
      const kind = infos[i]!.kind;
      const letter = ws.getColumn(i + 1).letter;
      const range = `${letter}3:${letter}${last}`;
      if (kind === 'yuan') {
        let fen = 0;
        for (const r of rows) fen += r[c] === undefined || r[c] === '' ? 0 : yuanToFen(String(r[c]));
        return { formula: `SUM(${range})`, result: Number(fenToYuanString(fen)) };
      }
      if (kind === 'int' && SUMMABLE_INTS.has(c)) return { formula: `SUM(${range})`, result: rows.reduce((a, r) => a + Number(r[c] ?? 0), 0) };
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

function summarySheet(wb: Book, input: WorkbookInput): void {
  const { lang, summary: s } = input;
  const tt = s.totals;
  const ws = wb.addWorksheet(t(lang, 'sheet_summary'), { views: [{ state: 'frozen', ySplit: 1 }] });
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

/** Build the workbook and return the .xlsx bytes. */
export async function buildWorkbook(input: WorkbookInput): Promise<Uint8Array> {
  const { lang, run, policy, selected } = input;
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  wb.creator = `fiscal-sim ${input.meta.version}`;
  wb.title = `${input.meta.scenarioName} ${run.year}`;
  const selectedSet = new Set(selected);
  summarySheet(wb, input);
  tableSheet(wb, t(lang, 'sheet_counties'), COUNTY_COLUMNS, selected.map((i) => countyRow(run, run.result.counties[i]!)), lang, { totals: true, freezeColumns: 2 });
  tableSheet(wb, t(lang, 'sheet_items'), ITEM_COLUMNS, itemRows(run, selectedSet, new Map(policy.items.map((i) => [i.id, i])), policy), lang, { totals: true, freezeColumns: 2 });
  tableSheet(wb, t(lang, 'sheet_transfers'), TRANSFER_COLUMNS, selected.map((i) => transferRow(run, run.result.counties[i]!)), lang, { totals: true, freezeColumns: 2 });
  tableSheet(wb, t(lang, 'sheet_provinces'), PROVINCE_COLUMNS, provinceRows(run, new Set(selected.map((i) => run.counties[i]!.provinceCode))), lang, { totals: true, freezeColumns: 2 });
  if (input.comparison) {
    const c = input.comparison.data;
    const base = t(lang, 'sheet_comparison');
    tableSheet(wb, base, COMPARE_COUNTY_COLUMNS, countyComparisonRows(c), lang, { totals: c.years.length === 1, freezeColumns: 2 });
    tableSheet(wb, `${base} ${t(lang, 'byLevel')}`.slice(0, 31), COMPARE_LEVEL_COLUMNS, levelComparisonRows(c), lang, { freezeColumns: 2 });
    tableSheet(wb, `${base} ${t(lang, 'byItem')}`.slice(0, 31), COMPARE_ITEM_COLUMNS, itemComparisonRows(c), lang, { freezeColumns: 2 });
    tableSheet(wb, `${base} ${t(lang, 'measures')}`.slice(0, 31), COMPARE_MEASURE_COLUMNS, measureRows(c), lang, { freezeColumns: 3 });
  }
  const params = parameterRows(policy, run.year).map((p): Row => ({ path: p.path, description: p.description, value: p.value, unit: p.unit, source_kind: t(lang, `source_${p.sourceKind}`), source: p.source }));
  tableSheet(wb, t(lang, 'sheet_parameters'), PARAMETER_COLUMNS, params, lang, { freezeColumns: 1, wrap: ['description', 'source'] });
  await wb.commit();
  return Buffer.concat(chunks);
}

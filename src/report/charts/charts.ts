/**
 * The report charts, as SVG strings drawn by Observable Plot. Each function takes plain
 * data and already-translated labels; none computes a figure of the model.
 */
import { Plot, renderPlot } from './plot.ts';
import { peerChartSvg, stackedBarsSvg } from './svgChart.ts';
import { tooltip } from './tooltip.ts';

export type Format = (v: number) => string;

const DEFAULT_NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const defaultFormat: Format = (v) => DEFAULT_NUMBER.format(v);

/** Approximate rendered width of a label in px at Plot's 10px font (CJK glyphs are wider). */
export function labelWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 10.5 : 6;
  return w;
}

function marginFor(labels: readonly string[], min = 40, max = 260): number {
  return Math.min(max, Math.max(min, Math.ceil(Math.max(0, ...labels.map(labelWidth)) + 12)));
}

export interface RankedDatum {
  /** unique key (e.g. county code) */
  readonly key: string;
  readonly label: string;
  readonly value: number;
}

export interface RankedOptions {
  readonly valueLabel: string;
  /** colour of positive and of negative values */
  readonly colors: readonly [string, string];
  readonly format?: Format;
  readonly width?: number;
  /** with more entries than 2 × this + 5, only this many at each end are drawn, named (default 20) */
  readonly namedEachEnd?: number;
  /** the row standing for the entries left out, e.g. "… 83 other counties …" */
  readonly othersLabel?: (n: number) => string;
}

/** Key of the row that stands for the entries a ranked chart leaves out. */
const OTHERS_KEY = '\u0000others';

/**
 * Entries ranked from highest to lowest value, coloured by sign, each bar named. When there
 * are too many to name, the highest and the lowest `namedEachEnd` are drawn with a row
 * between them saying how many are left out.
 */
export function rankedBars(data: readonly RankedDatum[], o: RankedOptions): string {
  const fmt = o.format ?? defaultFormat;
  const sorted = [...data].sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
  const each = o.namedEachEnd ?? 20;
  const left = sorted.length - 2 * each;
  const shown = left > 5 ? [...sorted.slice(0, each), { key: OTHERS_KEY, label: (o.othersLabel ?? ((n: number) => `… ${n} …`))(left), value: 0 }, ...sorted.slice(-each)] : sorted;
  const bars = shown.filter((d) => d.key !== OTHERS_KEY);
  const width = o.width ?? 900;
  const fill = (d: RankedDatum): string => (d.value > 0 ? o.colors[0] : o.colors[1]);
  const title = (d: RankedDatum): string => tooltip(d.label, fmt(d.value));
  const labels = new Map(shown.map((d) => [d.key, d.label]));
  return renderPlot({
    width,
    height: 40 + shown.length * 17,
    marginLeft: marginFor([...labels.values()]),
    marginRight: 70,
    x: { label: o.valueLabel, grid: true, tickFormat: fmt, insetLeft: bars.some((d) => d.value < 0) ? 50 : 0 },
    y: { domain: shown.map((d) => d.key), tickFormat: (k: string) => labels.get(k) ?? k, label: null },
    color: { type: 'identity' },
    marks: [
      Plot.barX(bars, { y: 'key', x: 'value', fill, title }),
      Plot.text(bars, { y: 'key', x: 'value', text: (d: RankedDatum) => fmt(d.value), textAnchor: 'start', dx: 4, fill: '#444', filter: (d: RankedDatum) => d.value >= 0 }),
      Plot.text(bars, { y: 'key', x: 'value', text: (d: RankedDatum) => fmt(d.value), textAnchor: 'end', dx: -4, fill: '#444', filter: (d: RankedDatum) => d.value < 0 }),
      Plot.ruleX([0]),
    ],
  });
}

export interface StripRow {
  readonly group: string;
  readonly value: number;
  readonly label: string;
}

export interface StripOptions {
  readonly groups: readonly string[];
  readonly colors: readonly string[];
  readonly means?: ReadonlyArray<{ readonly group: string; readonly value: number }>;
  readonly valueLabel: string;
  readonly format?: Format;
  readonly width?: number;
}

/** One row of dots per group (e.g. per-capita resources at each stage), with a mean tick. Log scale when values spread widely. */
export function stripChart(rows: readonly StripRow[], o: StripOptions): string {
  const fmt = o.format ?? defaultFormat;
  const values = rows.map((r) => r.value).filter(Number.isFinite);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const log = min > 0 && max / min > 8;
  return renderPlot({
    width: o.width ?? 900,
    height: 50 + o.groups.length * 44,
    marginLeft: marginFor(o.groups),
    marginRight: 20,
    x: { type: log ? 'log' : 'linear', label: o.valueLabel, grid: true, tickFormat: fmt, ...(log ? {} : { nice: true }) },
    y: { domain: [...o.groups], label: null },
    color: { domain: [...o.groups], range: [...o.colors] },
    marks: [
      Plot.dot(rows, { x: 'value', y: 'group', fill: 'group', r: 3, fillOpacity: 0.45, title: (r: StripRow) => tooltip(r.label, fmt(r.value)) }),
      ...(o.means ? [Plot.tickX(o.means, { x: 'value', y: 'group', stroke: '#111', strokeWidth: 2.5 })] : []),
    ],
  });
}

export interface Curve {
  readonly name: string;
  readonly color: string;
  readonly points: ReadonlyArray<readonly [number, number]>;
}

/** At most `max` points of a curve, evenly spread, keeping both ends. */
export function thin<T>(points: readonly T[], max = 300): T[] {
  if (points.length <= max) return [...points];
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]!);
}

/** Lorenz curves with the line of equality. */
export function lorenzChart(curves: readonly Curve[], o: { xLabel: string; yLabel: string; size?: number }): string {
  const size = o.size ?? 380;
  const data = curves.flatMap((c) => thin(c.points).map(([x, y]) => ({ name: c.name, x, y })));
  const pct = (v: number): string => `${Math.round(v * 100)}%`;
  return renderPlot({
    width: size,
    height: size,
    marginLeft: 48,
    marginBottom: 40,
    x: { domain: [0, 1], label: o.xLabel, grid: true, tickFormat: pct },
    y: { domain: [0, 1], label: o.yLabel, grid: true, tickFormat: pct },
    color: { domain: curves.map((c) => c.name), range: curves.map((c) => c.color) },
    marks: [
      Plot.line([[0, 0], [1, 1]], { stroke: '#999', strokeDasharray: '4,3' }),
      Plot.line(data, { x: 'x', y: 'y', z: 'name', stroke: 'name', strokeWidth: 2 }),
    ],
  });
}

export interface StackRow {
  readonly category: string;
  readonly series: string;
  readonly value: number;
}

/** A label cut to about `maxPx` wide, with an ellipsis. */
export function shorten(label: string, maxPx = 240): string {
  if (labelWidth(label) <= maxPx) return label;
  let out = '';
  for (const ch of label) {
    if (labelWidth(`${out}${ch}…`) > maxPx) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * Horizontal bars per category, stacked by series (e.g. cost by domain, by level of
 * government); negative values stack to the left of zero. `categoryLabel` gives the text
 * shown for a category key (default: the key).
 */
export function stackedBarsX(rows: readonly StackRow[], o: { categories: readonly string[]; series: readonly string[]; colors: readonly string[]; valueLabel: string; format?: Format; width?: number; categoryLabel?: (key: string) => string }): string {
  const label = o.categoryLabel ?? ((k: string): string => k);
  return stackedBarsSvg(rows, { ...o, format: o.format ?? defaultFormat, width: o.width ?? 900, marginLeft: marginFor(o.categories.map(label)), categoryLabel: label });
}

export interface BarRow {
  readonly label: string;
  readonly value: number;
  readonly color: string;
}

/** Horizontal bars with their value written at the end. */
export function barsX(rows: readonly BarRow[], o: { valueLabel: string; format?: Format; width?: number }): string {
  const fmt = o.format ?? defaultFormat;
  return renderPlot({
    width: o.width ?? 900,
    height: 46 + rows.length * 28,
    marginLeft: marginFor(rows.map((r) => r.label)),
    marginRight: 90,
    x: { label: o.valueLabel, grid: true, tickFormat: fmt, insetLeft: rows.some((d) => d.value < 0) ? 60 : 0 },
    y: { domain: rows.map((r) => r.label), label: null },
    color: { type: 'identity' },
    marks: [
      Plot.barX(rows, { y: 'label', x: 'value', fill: 'color', title: (d: BarRow) => tooltip(d.label, fmt(d.value)) }),
      Plot.text(rows, { y: 'label', x: 'value', text: (d: BarRow) => fmt(d.value), textAnchor: 'start', dx: 4, fill: '#333', filter: (d: BarRow) => d.value >= 0 }),
      Plot.text(rows, { y: 'label', x: 'value', text: (d: BarRow) => fmt(d.value), textAnchor: 'end', dx: -4, fill: '#333', filter: (d: BarRow) => d.value < 0 }),
      Plot.ruleX([0]),
    ],
  });
}

export interface PeerRow {
  readonly group: string;
  /** individual peers drawn as dots (small groups) */
  readonly dots?: ReadonlyArray<{ readonly value: number; readonly label: string }>;
  /** a quantile summary drawn as a box (large groups): p10, p25, median, p75, p90 */
  readonly box?: readonly [number, number, number, number, number];
}

/** This county's value against similar counties: dots for small groups, boxes for large ones. */
export function peerChart(rows: readonly PeerRow[], o: { self: number; selfLabel: string; valueLabel: string; format?: Format; width?: number; selfColor: string }): string {
  return peerChartSvg(rows, { ...o, format: o.format ?? defaultFormat, width: o.width ?? 900, marginLeft: marginFor(rows.map((r) => r.group)) });
}

export interface SeriesPoint {
  readonly x: number;
  readonly series: string;
  readonly value: number;
}

/** Lines over years, one per series, with dots at the data points. */
export function linesByYear(points: readonly SeriesPoint[], o: { series: readonly string[]; colors: readonly string[]; valueLabel: string; format?: Format; width?: number }): string {
  const fmt = o.format ?? defaultFormat;
  const years = [...new Set(points.map((p) => p.x))].sort((a, b) => a - b);
  return renderPlot({
    width: o.width ?? 900,
    height: 280,
    marginLeft: 70,
    x: { label: null, ticks: years, tickFormat: (y: number) => String(y), domain: years.length > 1 ? [years[0]!, years[years.length - 1]!] : [years[0]! - 1, years[0]! + 1] },
    y: { label: o.valueLabel, grid: true, tickFormat: fmt, nice: true },
    color: { domain: [...o.series], range: [...o.colors] },
    marks: [
      Plot.line(points, { x: 'x', y: 'value', stroke: 'series', strokeWidth: 2 }),
      Plot.dot(points, { x: 'x', y: 'value', fill: 'series', r: 3.5, title: (p: SeriesPoint) => tooltip(`${p.series} ${p.x}`, fmt(p.value)) }),
    ],
  });
}

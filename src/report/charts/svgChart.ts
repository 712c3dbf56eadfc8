/**
 * Charts written directly as SVG text, for the charts drawn once per county page (cost by
 * domain and level, the county against its peers). They look like the Observable Plot charts
 * of the province pages (same fonts, axes, grid and class) but skip the DOM: Plot through
 * linkedom took about half the time of a county page.
 */
import { CHART_CLASS } from './plot.ts';
import { tooltip } from './tooltip.ts';

const ESC: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

/** A coordinate with at most two decimals (keeps the SVG short and reproducible). */
const px = (v: number): string => String(Math.round(v * 100) / 100);

/** The step of about `count` round ticks between `lo` and `hi` (1, 2 or 5 × 10^k), as d3's tickStep. */
export function tickStep(lo: number, hi: number, count: number): number {
  const raw = Math.abs(hi - lo) / Math.max(1, count);
  let step = 10 ** Math.floor(Math.log10(raw));
  const error = raw / step;
  if (error >= Math.sqrt(50)) step *= 10;
  else if (error >= Math.sqrt(10)) step *= 5;
  else if (error >= Math.sqrt(2)) step *= 2;
  return step;
}

/** A domain covering [lo, hi] extended to round ticks, and those ticks. */
export function niceTicks(lo: number, hi: number, count: number): { domain: [number, number]; ticks: number[] } {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { domain: [0, 1], ticks: [0, 1] };
  if (lo === hi) {
    const d = lo === 0 ? 1 : Math.abs(lo) / 2;
    [lo, hi] = [lo - d, hi + d];
  }
  let step = tickStep(lo, hi, count);
  let a = Math.floor(lo / step) * step;
  let b = Math.ceil(hi / step) * step;
  step = tickStep(a, b, count);
  a = Math.floor(lo / step) * step;
  b = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  const n = Math.round((b - a) / step);
  for (let i = 0; i <= n; i++) ticks.push(Number((a + i * step).toPrecision(12)));
  return { domain: [a, b], ticks };
}

interface Frame {
  readonly width: number;
  readonly height: number;
  readonly marginLeft: number;
  readonly marginRight: number;
  readonly marginTop: number;
  readonly marginBottom: number;
}

/** The <svg> root, as Plot writes it. */
function open(f: Frame): string {
  return `<svg viewBox="0 0 ${f.width} ${f.height}" height="${f.height}" width="${f.width}" text-anchor="middle" font-size="10" font-family="system-ui, sans-serif" fill="currentColor" class="${CHART_CLASS}"><style>:where(.${CHART_CLASS}) { --plot-background: white; display: block; height: auto; height: intrinsic; max-width: 100%; } :where(.${CHART_CLASS} text), :where(.${CHART_CLASS} tspan) { white-space: pre; }</style>`;
}

/** Grid, ticks, tick labels and label of a horizontal value axis at the bottom. */
function xAxis(f: Frame, ticks: readonly number[], x: (v: number) => number, format: (v: number) => string, label: string): string {
  const top = f.marginTop;
  const bottom = f.height - f.marginBottom;
  const grid = ticks.map((t) => `<line y2="${bottom}" y1="${top}" x2="${px(x(t))}" x1="${px(x(t))}" />`).join('');
  const marks = ticks.map((t) => `<path d="M0,0L0,6" transform="translate(${px(x(t))},${bottom})" />`).join('');
  const labels = ticks.map((t) => `<text transform="translate(${px(x(t))},${bottom + 9})" y="0.71em">${esc(format(t))}</text>`).join('');
  return `<g stroke-opacity="0.1" stroke="currentColor" aria-hidden="true" aria-label="x-grid">${grid}</g><g stroke="currentColor" fill="none" aria-hidden="true" aria-label="x-axis tick">${marks}</g><g font-variant="tabular-nums" aria-label="x-axis tick label">${labels}</g><g text-anchor="end" aria-label="x-axis label"><text transform="translate(${f.width - 3},${bottom + 27})">${esc(label)} →</text></g>`;
}

/** Category names to the left of the plot, centred on their band. */
function yLabels(f: Frame, names: readonly string[], centre: (i: number) => number): string {
  const marks = names.map((_, i) => `<path d="M0,0L-6,0" transform="translate(${f.marginLeft},${px(centre(i))})" />`).join('');
  const labels = names.map((n, i) => `<text transform="translate(${f.marginLeft - 9},${px(centre(i))})" y="0.32em">${esc(n)}</text>`).join('');
  return `<g stroke="currentColor" fill="none" aria-hidden="true" aria-label="y-axis tick">${marks}</g><g text-anchor="end" aria-label="y-axis tick label">${labels}</g>`;
}

function linear(domain: readonly [number, number], range: readonly [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

export interface SvgStackRow {
  readonly category: string;
  readonly series: string;
  readonly value: number;
}

export interface SvgStackOptions {
  readonly categories: readonly string[];
  readonly series: readonly string[];
  readonly colors: readonly string[];
  readonly valueLabel: string;
  readonly format: (v: number) => string;
  readonly width: number;
  readonly marginLeft: number;
  /** text shown for a category key */
  readonly categoryLabel: (key: string) => string;
}

/** Horizontal bars per category, stacked by series in series order; negative values stack left of zero. */
export function stackedBarsSvg(rows: readonly SvgStackRow[], o: SvgStackOptions): string {
  const f: Frame = { width: o.width, height: 46 + o.categories.length * 26, marginLeft: o.marginLeft, marginRight: 24, marginTop: 20, marginBottom: 30 };
  const seriesIndex = new Map(o.series.map((s, i) => [s, i]));
  const byCategory = new Map(o.categories.map((c) => [c, [] as SvgStackRow[]]));
  for (const r of rows) byCategory.get(r.category)?.push(r);
  const stacks = o.categories.map((c) => {
    const list = [...(byCategory.get(c) ?? [])].sort((a, b) => (seriesIndex.get(a.series) ?? 0) - (seriesIndex.get(b.series) ?? 0));
    let pos = 0;
    let neg = 0;
    return list.map((r) => {
      const from = r.value >= 0 ? pos : neg;
      const to = from + r.value;
      if (r.value >= 0) pos = to;
      else neg = to;
      return { r, x1: Math.min(from, to), x2: Math.max(from, to) };
    });
  });
  const all = stacks.flat();
  const { domain, ticks } = niceTicks(Math.min(0, ...all.map((s) => s.x1)), Math.max(0, ...all.map((s) => s.x2)), (o.width - o.marginLeft - 24) / 80);
  const x = linear(domain, [f.marginLeft, f.width - f.marginRight]);
  const band = (f.height - f.marginTop - f.marginBottom) / Math.max(1, o.categories.length);
  const pad = band * 0.1;
  const bars = stacks
    .map((list, i) => list.map(({ r, x1, x2 }) => `<rect fill="${o.colors[seriesIndex.get(r.series) ?? 0] ?? '#999'}" height="${px(band - pad)}" y="${px(f.marginTop + i * band + pad / 2)}" width="${px(x(x2) - x(x1))}" x="${px(x(x1))}"><title>${esc(tooltip(`${o.categoryLabel(r.category)} · ${r.series}`, o.format(r.value)))}</title></rect>`).join(''))
    .join('');
  const zero = `<g stroke="currentColor" aria-label="rule"><line y2="${f.height - f.marginBottom}" y1="${f.marginTop}" x2="${px(x(0))}" x1="${px(x(0))}" /></g>`;
  return `${open(f)}${yLabels(f, o.categories.map(o.categoryLabel), (i) => f.marginTop + (i + 0.5) * band)}${xAxis(f, ticks, x, o.format, o.valueLabel)}<g aria-label="bar">${bars}</g>${zero}</svg>`;
}

export interface SvgPeerRow {
  readonly group: string;
  readonly dots?: ReadonlyArray<{ readonly value: number; readonly label: string }>;
  readonly box?: readonly [number, number, number, number, number];
}

export interface SvgPeerOptions {
  readonly self: number;
  readonly selfLabel: string;
  readonly selfColor: string;
  readonly valueLabel: string;
  readonly format: (v: number) => string;
  readonly width: number;
  readonly marginLeft: number;
}

/** One row per peer group: dots (small groups) or a box of p10/p25/median/p75/p90, and this county as a red dot. */
export function peerChartSvg(rows: readonly SvgPeerRow[], o: SvgPeerOptions): string {
  const f: Frame = { width: o.width, height: 50 + rows.length * 46, marginLeft: o.marginLeft, marginRight: 24, marginTop: 20, marginBottom: 30 };
  const values = [0, o.self, ...rows.flatMap((r) => [...(r.dots ?? []).map((d) => d.value), ...(r.box ?? [])])].filter(Number.isFinite);
  const { domain, ticks } = niceTicks(Math.min(...values), Math.max(...values), (o.width - o.marginLeft - 24) / 80);
  const x = linear(domain, [f.marginLeft, f.width - f.marginRight]);
  const band = (f.height - f.marginTop - f.marginBottom) / Math.max(1, rows.length);
  const centre = (i: number): number => f.marginTop + (i + 0.5) * band;
  const parts: string[] = [`<g stroke="#888" aria-label="rule"><line y2="${f.height - f.marginBottom}" y1="${f.marginTop}" x2="${px(x(0))}" x1="${px(x(0))}" /></g>`];
  rows.forEach((r, i) => {
    const c = centre(i);
    if (r.box) {
      const [p10, p25, p50, p75, p90] = r.box;
      parts.push(`<path stroke="#8a939b" stroke-width="1.5" fill="none" d="M${px(x(p10))},${px(c)}L${px(x(p90))},${px(c)}" />`);
      parts.push(`<rect stroke="#8a939b" fill="#d5dbe1" height="${px(band - 20)}" y="${px(c - band / 2 + 10)}" width="${px(x(p75) - x(p25))}" x="${px(x(p25))}" />`);
      parts.push(`<line stroke="#333" stroke-width="2" y2="${px(c + band / 2 - 8)}" y1="${px(c - band / 2 + 8)}" x2="${px(x(p50))}" x1="${px(x(p50))}" />`);
    }
    if (r.dots?.length) parts.push(`<g fill-opacity="0.7" fill="#8a939b" aria-label="dot">${r.dots.filter((d) => Number.isFinite(d.value)).map((d) => `<circle r="3.5" cy="${px(c)}" cx="${px(x(d.value))}"><title>${esc(tooltip(d.label, o.format(d.value)))}</title></circle>`).join('')}</g>`);
  });
  const self = `<g stroke-width="1.5" stroke="white" fill="${o.selfColor}" aria-label="dot">${rows.map((_, i) => `<circle r="6" cy="${px(centre(i))}" cx="${px(x(o.self))}"><title>${esc(tooltip(o.selfLabel, o.format(o.self)))}</title></circle>`).join('')}</g>`;
  return `${open(f)}${yLabels(f, rows.map((r) => r.group), centre)}${xAxis(f, ticks, x, o.format, o.valueLabel)}${parts.join('')}${self}</svg>`;
}

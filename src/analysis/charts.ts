/**
 * Charts of the analysis commands as standalone SVG files (Observable Plot in Node via the
 * report's renderPlot). Each takes rows already computed; none computes a figure.
 */
import { Plot, renderPlot } from '../report/charts/plot.ts';

/** A standalone SVG document (the namespace a browser needs to open the file on its own). */
export function standaloneSvg(svg: string): string {
  const withNs = svg.includes('xmlns=') ? svg : svg.replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"');
  return `${withNs}\n`;
}

export interface BarDatum {
  readonly scheme: string;
  readonly measure: string;
  readonly value: number;
}

/** Panels of plots laid out `cols` to a row under a title, as one SVG document. */
function panelsSvg(parts: readonly string[], title: string, w: number, h: number, cols: number): string {
  const rows = Math.ceil(parts.length / cols);
  const inner = parts.map((svg, i) => `<g transform="translate(${(i % cols) * w},${30 + Math.floor(i / cols) * h})">${svg}</g>`).join('');
  const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const width = Math.min(cols, parts.length) * w;
  const height = 30 + rows * h;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif"><rect width="100%" height="100%" fill="white"/><text x="10" y="20" font-size="14">${escaped}</text>${inner}</svg>\n`;
}

/** One panel per measure, one bar per scheme. */
export function schemeBars(data: readonly BarDatum[], title: string): string {
  const schemes = [...new Set(data.map((d) => d.scheme))];
  const measures = [...new Set(data.map((d) => d.measure))];
  const w = 330, h = 60 + 22 * schemes.length;
  const parts = measures.map((measure, i) => {
    const rows = data.filter((d) => d.measure === measure);
    return renderPlot({
      width: w,
      height: h,
      marginLeft: i % 3 === 0 ? 150 : 20,
      marginRight: 40,
      x: { label: measure, grid: true, nice: true },
      y: { domain: schemes, label: null, axis: i % 3 === 0 ? 'left' : null },
      color: { domain: schemes },
      marks: [
        Plot.barX(rows, { x: 'value', y: 'scheme', fill: 'scheme', title: (d: BarDatum) => `${d.scheme}: ${d.value.toPrecision(4)}` }),
        Plot.text(rows, { x: 'value', y: 'scheme', text: (d: BarDatum) => (Number.isInteger(d.value) || Math.abs(d.value) >= 100 ? d.value.toFixed(0) : d.value.toPrecision(3)), textAnchor: 'start', dx: 3, fill: '#333' }),
        Plot.ruleX([0]),
      ],
    } as unknown as Plot.PlotOptions);
  });
  return panelsSvg(parts, title, w, h, 3);
}

export interface LineDatum {
  readonly x: number;
  readonly y: number;
  readonly series: string;
  readonly panel: string;
}

/** Lines of y against x, one colour per series, one panel per measure (each with its own y scale). */
export function linePanels(data: readonly LineDatum[], xLabel: string, title: string): string {
  const panels = [...new Set(data.map((d) => d.panel))];
  const parts = panels.map((panel) => {
    const rows = data.filter((d) => d.panel === panel);
    const series = [...new Set(rows.map((d) => d.series))];
    const last = series.map((s) => rows.filter((d) => d.series === s).reduce((a, b) => (b.x > a.x ? b : a)));
    return renderPlot({
      width: 480,
      height: 260,
      marginRight: series.length > 1 ? 90 : 20,
      marginLeft: 70,
      x: { label: xLabel, nice: true, ticks: 5 },
      y: { label: panel, grid: true, nice: true },
      color: { type: 'ordinal' },
      marks: [
        Plot.line(rows, { x: 'x', y: 'y', stroke: 'series', z: 'series' }),
        Plot.dot(rows, { x: 'x', y: 'y', fill: 'series', r: 2 }),
        ...(series.length > 1 ? [Plot.text(last, { x: 'x', y: 'y', text: 'series', fill: 'series', textAnchor: 'start', dx: 5 })] : []),
      ],
    });
  });
  return panelsSvg(parts, title, 480, 260, 2);
}

export interface BandDatum {
  readonly year: number;
  readonly low: number;
  readonly q25: number;
  readonly median: number;
  readonly q75: number;
  readonly high: number;
  readonly panel: string;
}

/** Fan charts (outer band, inner band, median) by year, one panel per measure; `labels` names the year axis and a panel's y axis. */
export function fanPanels(
  data: readonly BandDatum[],
  title: string,
  outerLabel: string,
  labels: { readonly year: string; readonly y: (panel: string, outer: string) => string } = { year: 'year', y: (panel, outer) => `${panel} (${outer} band, quartiles, median)` },
): string {
  const panels = [...new Set(data.map((d) => d.panel))];
  const parts = panels.map((panel) => {
    const rows: BandDatum[] = data.filter((d) => d.panel === panel);
    return renderPlot({
      width: 480,
      height: 260,
      marginLeft: 70,
      x: { label: labels.year, tickFormat: (d: number) => String(d), ticks: rows.map((r) => r.year) },
      y: { label: labels.y(panel, outerLabel), grid: true, nice: true },
      marks: [
        Plot.areaY(rows, { x: 'year', y1: 'low', y2: 'high', fill: '#9ecae1', fillOpacity: 0.5 }),
        Plot.areaY(rows, { x: 'year', y1: 'q25', y2: 'q75', fill: '#4292c6', fillOpacity: 0.6 }),
        Plot.line(rows, { x: 'year', y: 'median', stroke: '#08306b' }),
        Plot.dot(rows, { x: 'year', y: 'median', fill: '#08306b', r: 2 }),
      ],
    });
  });
  return panelsSvg(parts, title, 480, 260, 2);
}

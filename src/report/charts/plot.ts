/**
 * Observable Plot rendered in Node: a linkedom document stands in for the browser's, and
 * each chart comes out as an SVG string to inline in a page.
 *
 * The project compiles without the DOM library, so Plot's and linkedom's DOM-typed entry
 * points are given the narrow types used here.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

interface Rendered {
  readonly outerHTML: string;
}

const parse = parseHTML as unknown as (html: string) => { readonly document: unknown };
const plot = Plot.plot as unknown as (options: Record<string, unknown>) => Rendered;

let doc: unknown;

/** The shared linkedom document (created on first use). */
function documentForPlot(): unknown {
  doc ??= parse('<!doctype html><html><body></body></html>').document;
  return doc;
}

/** Class of every chart's root <svg> (fixed, so output is reproducible). */
export const CHART_CLASS = 'fs-plot';

/** Render a Plot specification to an SVG string. */
export function renderPlot(options: Plot.PlotOptions): string {
  const svg = plot({ className: CHART_CLASS, ...(options as Record<string, unknown>), document: documentForPlot() }).outerHTML;
  return svg;
}

export { Plot };

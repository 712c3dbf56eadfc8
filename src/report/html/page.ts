/**
 * The HTML page shell shared by every report: one self-contained file with inline CSS, the
 * charts as inline SVG and a small inline script that sorts tables. No external resource of
 * any kind (fonts, scripts, images), so a page opens offline and prints as it looks.
 */
import { esc } from './format.ts';
import { t, type Lang } from './labels.ts';

const FONT = `"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif`;

export const LEVEL_COLORS = ['#2f4b7c', '#4f86c6', '#9cc3e6', '#e39b3b'] as const;
export const GAP_COLOR = '#c0392b';
export const SPARE_COLOR = '#2e75b6';
export const BETTER_COLOR = '#2e8b57';

const CSS = `
:root { --fg: #1d2329; --muted: #5c6670; --line: #d9dee3; --bg-soft: #f4f6f8; --accent: #2f4b7c; --gap: ${GAP_COLOR}; --spare: ${SPARE_COLOR}; --better: ${BETTER_COLOR}; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--fg); background: #fff; font: 14px/1.5 ${FONT}; }
main { max-width: 1240px; margin: 0 auto; padding: 24px 28px 48px; }
header.report { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 20px; }
header.report .app { color: var(--muted); font-size: 12px; letter-spacing: .02em; }
h1 { font-size: 24px; line-height: 1.3; margin: 4px 0 8px; }
h2 { font-size: 18px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 20px 0 8px; }
p { margin: 6px 0; }
a { color: var(--accent); }
.meta { display: flex; flex-wrap: wrap; gap: 4px 20px; color: var(--muted); font-size: 12.5px; }
.meta b { color: var(--fg); font-weight: 600; }
nav.links { font-size: 13px; margin: 6px 0 0; }
nav.links a { margin-right: 14px; }
.note { color: var(--muted); font-size: 12.5px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; background: #fff; break-inside: avoid; }
.card .k { color: var(--muted); font-size: 12.5px; }
.card .v { font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; margin: 2px 0; }
.card .x { font-size: 12px; color: var(--muted); font-variant-numeric: tabular-nums; word-break: break-all; }
.card.gap .v { color: var(--gap); }
.card.spare .v { color: var(--spare); }
.card ul { list-style: none; margin: 4px 0 0; padding: 0; font-size: 12.5px; }
.card li { display: flex; justify-content: space-between; gap: 8px; font-variant-numeric: tabular-nums; }
.card li .sw { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
figure { margin: 12px 0 20px; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; font-family: ${FONT}; }
figcaption { font-weight: 600; margin-bottom: 4px; }
figcaption .note { font-weight: 400; margin-left: 8px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12.5px; margin: 2px 0 6px; }
.legend span i { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 5px; vertical-align: -2px; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 20px; }
.grid-lorenz { display: grid; grid-template-columns: 380px 1fr; gap: 24px; align-items: start; }
.grid2 > *, .grid-lorenz > * { min-width: 0; }
table.measures td:first-child { white-space: nowrap; }
table.counties td { white-space: nowrap; }
table.counties th { white-space: normal; vertical-align: bottom; min-width: 5.5em; }
table.counties th.name, table.counties td.name { min-width: 0; }
th.sticky, td.sticky { position: sticky; left: 0; z-index: 1; background: #fff; box-shadow: inset -1px 0 0 var(--line); }
th.sticky, tfoot td.sticky { background: var(--bg-soft); }
td.name .code { color: var(--muted); font-size: 10.5px; margin-left: 4px; }
td.rule { min-width: 14em; max-width: 28em; font-size: 11.5px; color: var(--muted); }
table.items td.item { min-width: 10em; }
table.items td.driver { min-width: 6em; }
details.appendix { margin-top: 32px; border-top: 1px solid var(--line); padding-top: 8px; }
details.appendix > summary { cursor: pointer; font-size: 16px; font-weight: 600; padding: 6px 0; }
ol.sources { font-size: 12px; color: var(--muted); padding-left: 2.5em; }
ol.sources li { margin: 2px 0; }
@media (max-width: 900px) { .grid2, .grid-lorenz { grid-template-columns: 1fr; } }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: var(--bg-soft); font-weight: 600; vertical-align: bottom; }
td.n, th.n { text-align: right; }
td.n { white-space: nowrap; }
tfoot td { font-weight: 650; border-top: 2px solid var(--fg); background: var(--bg-soft); }
td.pos { color: var(--gap); }
td.neg { color: var(--spare); }
td.better { color: var(--better); }
table.sortable th { cursor: pointer; user-select: none; }
table.sortable th::after { content: " ↕"; color: #aab2ba; font-size: 10px; }
table.sortable th[aria-sort="ascending"]::after { content: " ▲"; color: var(--accent); }
table.sortable th[aria-sort="descending"]::after { content: " ▼"; color: var(--accent); }
tr.self td { background: #fdf1e6; font-weight: 600; }
.badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 11px; white-space: nowrap; }
.badge.seed { background: #e3f1e6; color: #1e6b35; }
.badge.policy { background: #e3ecf7; color: #22508a; }
.badge.assumption { background: #fbeedd; color: #8a5213; }
td.src { font-size: 11.5px; color: var(--muted); }
table.sources { table-layout: fixed; }
table.sources col.c-param { width: 52%; } table.sources col.c-value { width: 16%; } table.sources col.c-unit { width: 16%; } table.sources col.c-kind { width: 16%; }
table.sources td { overflow-wrap: anywhere; }
table.items td:first-child { min-width: 220px; }
table.chain { max-width: 640px; }
code { font-size: 11.5px; }
footer.report { margin-top: 36px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  table { font-size: 7.5pt; }
  th, td { padding: 2px 4px; }
  table.counties th { min-width: 0; }
  td.rule { min-width: 10em; font-size: 7pt; }
  table.items td.item { min-width: 8em; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .scroll { overflow: visible; }
  th.sticky, td.sticky { position: static; box-shadow: none; }
  nav.links, .noprint { display: none; }
  table.sortable th::after { content: ""; }
  a { color: inherit; text-decoration: none; }
  figure svg { max-width: 100%; }
}
`;

const SORT_SCRIPT = `
(function () {
  function key(cell, numeric) {
    var v = cell.getAttribute('data-v');
    if (numeric) { var x = parseFloat(v === null ? cell.textContent.replace(/[^0-9.eE+-]/g, '') : v); return isNaN(x) ? -Infinity : x; }
    return (v === null ? cell.textContent : v).trim();
  }
  function sortBy(table, col, th) {
    var dir = th.getAttribute('aria-sort') === 'descending' ? 'ascending' : 'descending';
    var heads = table.tHead.rows[0].cells;
    for (var i = 0; i < heads.length; i++) heads[i].removeAttribute('aria-sort');
    th.setAttribute('aria-sort', dir);
    var numeric = th.classList.contains('n');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var sign = dir === 'ascending' ? 1 : -1;
    rows.sort(function (a, b) {
      var x = key(a.cells[col], numeric), y = key(b.cells[col], numeric);
      if (numeric) return sign * (x - y);
      return sign * String(x).localeCompare(String(y), document.documentElement.lang);
    });
    var frag = document.createDocumentFragment();
    rows.forEach(function (r) { frag.appendChild(r); });
    body.appendChild(frag);
  }
  var tables = document.querySelectorAll('table.sortable');
  for (var k = 0; k < tables.length; k++) {
    (function (table) {
      var heads = table.tHead.rows[0].cells;
      for (var i = 0; i < heads.length; i++) {
        (function (th, col) {
          th.tabIndex = 0;
          th.setAttribute('role', 'columnheader button');
          th.addEventListener('click', function () { sortBy(table, col, th); });
          th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(table, col, th); } });
        })(heads[i], i);
      }
    })(tables[k]);
  }
})();
`;

export interface PageOptions {
  readonly lang: Lang;
  readonly title: string;
  /** key facts under the title (already escaped HTML) */
  readonly meta: readonly string[];
  /** links under the title (already escaped HTML) */
  readonly nav?: readonly string[];
  readonly body: string;
  readonly footer: readonly string[];
  readonly sortable?: boolean;
  /** collapsed appendix after the body (already escaped HTML: <details> blocks) */
  readonly appendix?: string;
  /** paper orientation when printed (A4); landscape for pages with wide tables */
  readonly print?: 'portrait' | 'landscape';
}

/** Printable width of an A4 page in CSS px at the margins below (12 mm each side). */
export const A4_PRINTABLE_PX = { portrait: Math.floor(((210 - 24) / 25.4) * 96), landscape: Math.floor(((297 - 24) / 25.4) * 96) } as const;

/** The ARIA labels Observable Plot gives chart parts (in English), as a Chinese screen reader should read them. */
const CHART_ARIA_ZH: Readonly<Record<string, string>> = {
  'x-axis tick': '横轴刻度', 'x-axis tick label': '横轴刻度标签', 'x-axis label': '横轴标题', 'x-grid': '纵向网格线',
  'y-axis tick': '纵轴刻度', 'y-axis tick label': '纵轴刻度标签', 'y-axis label': '纵轴标题', 'y-grid': '横向网格线',
  bar: '条形', dot: '点', line: '折线', rule: '参考线', text: '文字', tick: '刻度', area: '区域', rect: '矩形',
};

/** Chart parts' ARIA labels in Chinese on a Chinese page. */
function chartAriaIn(lang: Lang, html: string): string {
  if (lang !== 'zh') return html;
  return html.replace(/aria-label="([a-z -]+)"/g, (m, label: string) => (CHART_ARIA_ZH[label] !== undefined ? `aria-label="${CHART_ARIA_ZH[label]}"` : m));
}

export function htmlPage(o: PageOptions): string {
  return `<!doctype html>
<html lang="${o.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="fiscal-sim">
<title>${esc(o.title)}</title>
<style>${CSS}@page { size: A4 ${o.print ?? 'portrait'}; margin: 14mm 12mm; }</style>
</head>
<body>
<main>
<header class="report">
<div class="app">${esc(t(o.lang, 'app'))}</div>
<h1>${esc(o.title)}</h1>
<div class="meta">${o.meta.map((m) => `<span>${m}</span>`).join('')}</div>
${o.nav?.length ? `<nav class="links">${o.nav.join('')}</nav>` : ''}
</header>
${chartAriaIn(o.lang, o.body)}
${o.appendix ?? ''}
<footer class="report">${o.footer.map((f) => `<p>${f}</p>`).join('')}<p class="noprint">${esc(t(o.lang, 'printHint'))}</p></footer>
</main>
${o.sortable ? `<script>${SORT_SCRIPT}</script>` : ''}
</body>
</html>
`;
}

/** A table cell: numbers right-aligned with a sort key. */
export function td(text: string, sortValue?: number, cls = ''): string {
  const klass = [sortValue !== undefined ? 'n' : '', cls].filter(Boolean).join(' ');
  return `<td${klass ? ` class="${klass}"` : ''}${sortValue !== undefined && Number.isFinite(sortValue) ? ` data-v="${sortValue}"` : ''}>${text}</td>`;
}

export function th(text: string, numeric = false, attrs = ''): string {
  return `<th${numeric ? ' class="n"' : ''} scope="col"${attrs}>${esc(text)}</th>`;
}

/** A headline card: label, big figure, exact figure; `attrs` for test hooks such as data-key. */
export function card(label: string, big: string, exact: string, opts: { key?: string; value?: string; cls?: string; extra?: string } = {}): string {
  const attrs = `${opts.key ? ` data-key="${esc(opts.key)}"` : ''}${opts.value !== undefined ? ` data-value="${esc(opts.value)}"` : ''}`;
  return `<div class="card${opts.cls ? ` ${opts.cls}` : ''}"${attrs}><div class="k">${esc(label)}</div><div class="v">${esc(big)}</div><div class="x">${esc(exact)}</div>${opts.extra ?? ''}</div>`;
}

/** A chart with its caption (empty caption: the note alone, under a section heading that names the chart). */
export function figure(caption: string, note: string | undefined, svg: string, legend = ''): string {
  const cap = caption ? `${esc(caption)}${note ? `<span class="note">${esc(note)}</span>` : ''}` : note ? `<span class="note" style="margin:0">${esc(note)}</span>` : '';
  return `<figure class="chart">${cap ? `<figcaption>${cap}</figcaption>` : ''}${legend}${svg}</figure>`;
}

export function legend(entries: ReadonlyArray<readonly [string, string]>): string {
  return `<div class="legend">${entries.map(([label, color]) => `<span><i style="background:${color}"></i>${esc(label)}</span>`).join('')}</div>`;
}

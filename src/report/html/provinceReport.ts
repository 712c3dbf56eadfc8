/**
 * The province report (one page per province) and the overview page for a batch that
 * covers several provinces. Every money figure is a sum of the model's integer fen, the
 * same sums as counties.csv.
 */
import { summarize } from '../../tables/summary.ts';
import { relativeLink, type ReportContext } from './context.ts';
import { esc, percent, persons, yuanCompact, yuanExact } from './format.ts';
import { htmlPage, td, th } from './page.ts';
import { countyTable, distributionSection, domainLevelSection, footerLines, gapRankedFigure, headlineCards, metaLines, transfersSection } from './sections.ts';

function navLinks(ctx: ReportContext, from: string): string[] {
  const links: string[] = [];
  if (ctx.pages.index) links.push(`<a href="${esc(relativeLink(from, ctx.layout.index()))}">${esc(ctx.t('provinceReports'))}</a>`);
  if (ctx.pages.comparison) links.push(`<a href="${esc(relativeLink(from, ctx.pages.comparison))}">${esc(ctx.t('comparisonReport'))}</a>`);
  return links;
}

export function provinceReport(ctx: ReportContext, provinceCode: string, members: readonly number[]): string {
  const run = ctx.run;
  const from = ctx.layout.province(provinceCode);
  const first = run.counties[members[0]!]!;
  const name = ctx.provinceName(provinceCode, first.province);
  const s = summarize(run, members);
  const title = ctx.t('provinceTitle', { province: name, year: run.year });
  const body = `
<section id="headlines"><h2>${esc(ctx.t('headlines'))}</h2>${headlineCards(ctx, s)}</section>
<section id="gap-ranked"><h2>${esc(ctx.t('chartGapRanked'))}</h2>${gapRankedFigure(ctx, members)}</section>
<section id="distribution">${distributionSection(ctx, members, (c) => c.prefectureCode, ctx.t('prefecture'))}</section>
<section id="cost-by-level">${domainLevelSection(ctx, members)}</section>
<section id="transfers">${transfersSection(ctx, members)}</section>
<section id="counties">${countyTable(ctx, members, from)}</section>`;
  return htmlPage({
    lang: ctx.lang,
    title,
    meta: metaLines(ctx, [esc(ctx.t('countiesAndResidents', { n: s.counties, pop: persons(s.residents) }))]),
    nav: navLinks(ctx, from),
    body,
    footer: footerLines(ctx),
    sortable: true,
    print: 'landscape',
  });
}

/** Overview of a batch over several provinces: headline figures, one row per province, and the distribution across all counties. */
export function overviewReport(ctx: ReportContext, byProvince: ReadonlyMap<string, readonly number[]>): string {
  const run = ctx.run;
  const from = ctx.layout.index();
  const all = [...byProvince.values()].flat();
  const s = summarize(run, all);
  const rows = [...byProvince].map(([code, members]) => {
    const ps = summarize(run, members);
    const href = ctx.provinceHref(from, code);
    const name = ctx.provinceName(code, run.counties[members[0]!]!.province);
    const tt = ps.totals;
    return `<tr data-code="${esc(code)}"><td>${esc(code)}</td><td>${href ? `<a href="${esc(href)}">${esc(name)}</a>` : esc(name)}</td>${td(String(ps.counties), ps.counties)}${td(persons(ps.residents), ps.residents)}${[tt.standardCostFen, tt.specialFen, tt.generalFen, tt.gapFen, tt.shortfallFen]
      .map((f) => `<td class="n" data-v="${f}" title="${yuanExact(f)} ${esc(ctx.t('yuan'))}">${esc(yuanCompact(ctx.lang, f))}</td>`)
      .join('')}${td(String(ps.countiesInGap), ps.countiesInGap)}${td(percent(ps.residentsInGap, ps.residents), ps.residents ? ps.residentsInGap / ps.residents : 0)}</tr>`;
  });
  const table = `<div class="scroll"><table class="sortable"><thead><tr>${th(ctx.t('code'))}${th(ctx.t('province'))}${th(ctx.t('counties'), true)}${th(ctx.t('population'), true)}${th(ctx.t('standardCost'), true)}${th(ctx.t('earmarked'), true)}${th(ctx.t('generalTransfers'), true)}${th(ctx.t('netGap'), true)}${th(ctx.t('shortfall'), true)}${th(ctx.t('countiesInGap'), true)}${th(ctx.t('residentsInGap'), true)}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
  const body = `
<section id="headlines"><h2>${esc(ctx.t('headlines'))}</h2>${headlineCards(ctx, s)}</section>
<section id="provinces"><h2>${esc(ctx.t('provinceReports'))}</h2><p class="note">${esc(ctx.t('sortHint'))}</p>${table}</section>
<section id="distribution">${distributionSection(ctx, all, (c) => c.provinceCode, ctx.t('province'))}</section>
<section id="cost-by-level">${domainLevelSection(ctx, all)}</section>
<section id="transfers">${transfersSection(ctx, all)}</section>`;
  return htmlPage({
    lang: ctx.lang,
    title: ctx.t('indexTitle', { year: run.year }),
    meta: metaLines(ctx, [esc(ctx.t('countiesAndResidents', { n: s.counties, pop: persons(s.residents) }))]),
    nav: navLinks(ctx, from),
    body,
    footer: footerLines(ctx),
    sortable: true,
    print: 'landscape',
  });
}

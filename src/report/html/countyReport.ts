/**
 * The county report, one page per county: its items (driver, standard, cost and who pays),
 * its transfers and the chain from cost to gap, its gap against similar counties (same
 * prefecture, same region group), and the sources of the parameters behind its figures.
 */
import { fenToYuanString, sumFen } from '../../model/money.ts';
import { valueFor } from '../../model/parameters.ts';
import { countyParameterRows } from '../../tables/parameterTable.ts';
import { gapPerCapita, itemsOfCounty, transferBreakdown, type PeerGroup } from '../../tables/reportTables.ts';
import { GENERAL_MECHANISMS } from '../../model/transfers/mechanisms.ts';
import { peerChart, type PeerRow } from '../charts/charts.ts';
import { relativeLink, type ReportContext } from './context.ts';
import { esc, fixed, group, percent, persons, yuanCompact, yuanExact } from './format.ts';
import { driverName } from './labels.ts';
import { parameterDescription, parameterUnit, parameterValue } from './parameterText.ts';
import { describeSource } from '../../input/sourceSchema.ts';
import { card, figure, GAP_COLOR, htmlPage, LEVEL_COLORS, td, th } from './page.ts';
import { domainLevelSection, footerLines, gapCard, metaLines } from './sections.ts';

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

function itemsSection(ctx: ReportContext, countyIndex: number): string {
  const run = ctx.run;
  const c = run.counties[countyIndex]!;
  const items = itemsOfCounty(run, countyIndex).filter((it) => it.costFen !== 0 || it.beneficiaries !== 0);
  const money = (fen: number): string => td(yuanExact(fen), fen);
  const body = items.map((it) => {
    const p = run.params.items[it.itemIndex]!;
    const rule = ctx.policy.rules.get(p.rule.id);
    const ruleText = ctx.lang === 'zh' ? (rule?.wording_zh ?? p.rule.id) : p.rule.kind.replace(/_/g, ' ');
    return `<tr data-item="${esc(p.id)}"><td class="item" title="${esc(p.id)}">${esc(ctx.itemName(p))}</td><td class="driver">${esc(driverName(ctx.lang, p.driver))}</td>${td(group(it.beneficiaries, 0), it.beneficiaries)}${td(group(valueFor(p.annualStandard, c), 2), valueFor(p.annualStandard, c))}${money(it.costFen)}${money(it.centralFen)}${money(it.provincialFen)}${money(it.prefectureFen)}${money(it.countyFen)}${money(it.specialFen)}<td class="rule">${esc(ruleText)}</td></tr>`;
  });
  const s = (f: (it: (typeof items)[number]) => number): number => sumFen(items.map(f));
  const foot = `<tr><td>${esc(ctx.t('total'))}</td><td></td><td></td><td></td>${[s((i) => i.costFen), s((i) => i.centralFen), s((i) => i.provincialFen), s((i) => i.prefectureFen), s((i) => i.countyFen), s((i) => i.specialFen)].map(money).join('')}<td></td></tr>`;
  const head = `<tr>${th(ctx.t('item'))}${th(ctx.t('driver'))}${th(ctx.t('beneficiaries'), true)}${th(ctx.t('unitStandard'), true)}${th(`${ctx.t('cost')}${ctx.paren(ctx.t('yuan'))}`, true)}${ctx.levelNames.map((n) => th(n, true)).join('')}${th(ctx.t('earmarkedReceived'), true)}${th(ctx.t('rule'))}</tr>`;
  return `<h2>${esc(ctx.t('items'))}</h2><p class="note">${esc(ctx.t('sortHint'))}</p><div class="scroll"><table class="sortable items"><thead>${head}</thead><tbody>${body.join('')}</tbody><tfoot>${foot}</tfoot></table></div>`;
}

function gapSection(ctx: ReportContext, countyIndex: number): string {
  const r = ctx.run.result.counties[countyIndex]!;
  const t = transferBreakdown(r);
  const line = (label: string, fen: number, op = '', cls = ''): string => `<tr${cls ? ` class="${cls}"` : ''}><td>${op ? `<b>${esc(op)}</b> ` : ''}${esc(label)}</td>${td(yuanExact(fen), fen)}</tr>`;
  const rows = [
    `<tr class="self"><th colspan="2">${esc(ctx.t('needs'))}</th></tr>`,
    line(ctx.t('standardCost'), r.standardCostFen),
    line(ctx.t('salaries'), r.salaryFen, '+'),
    line(ctx.t('runningCosts'), r.runningFen, '+'),
    line(ctx.t('otherMandated'), r.otherMandatedFen, '+'),
    line(ctx.t('needs'), r.needsFen, '=', 'self'),
    `<tr class="self"><th colspan="2">${esc(ctx.t('resources'))}</th></tr>`,
    line(ctx.t('ownRevenue'), r.ownRevenueFen),
    line(ctx.t('taxRebates'), r.rebatesFen, '+'),
    line(ctx.t('systemSubsidy'), r.systemSubsidyFen, '+'),
    line(ctx.t('remittance'), r.remittanceFen, '−'),
    ...GENERAL_MECHANISMS.map((m) => line(ctx.t(`transfer_${m}`), t[m], '+')),
    line(ctx.t('transfer_earmarked_upper'), t.earmarked_upper, '+'),
    line(ctx.t('transfer_earmarked_prefecture'), t.earmarked_prefecture, '+'),
    ...(t.retainedFen ? [line(ctx.t('transfer_retained'), t.retainedFen, '')] : []),
    line(ctx.t('resources'), r.resourcesFen, '=', 'self'),
    line(r.gapFen >= 0 ? ctx.t('gap') : ctx.t('surplus'), Math.abs(r.gapFen), r.gapFen >= 0 ? `${ctx.t('needs')} − ${ctx.t('resources')} =` : `${ctx.t('resources')} − ${ctx.t('needs')} =`, 'self'),
    line(r.planGapFen >= 0 ? ctx.t('planGap') : ctx.t('planSurplus'), Math.abs(r.planGapFen), ''),
    line(ctx.t('guaranteeNeeds'), r.guaranteeNeedsFen, ''),
    line(r.guaranteeGapFen >= 0 ? ctx.t('guaranteeGap') : ctx.t('guaranteeSurplus'), Math.abs(r.guaranteeGapFen), ''),
    line(ctx.t('guaranteeGapAfter'), r.guaranteeGapAfterFen, ''),
  ];
  return `<h2>${esc(ctx.t('countyTransfers'))}</h2><h3>${esc(ctx.t('gapChain'))}</h3><table class="chain"><thead><tr>${th('')}${th(ctx.t('yuan'), true)}</tr></thead><tbody>${rows.join('')}</tbody></table>${domainLevelSection(ctx, [countyIndex], false)}`;
}

function peerStatsRow(ctx: ReportContext, label: string, g: PeerGroup | undefined, countyIndex: number): string {
  if (!g) return '';
  const s = ctx.peers.stats(g, countyIndex);
  return `<tr><td>${esc(label)}</td>${td(String(s.n), s.n)}${td(fixed(s.median, 2), s.median)}${td(`${fixed(s.min, 2)} – ${fixed(s.max, 2)}`)}${td(fixed(s.percentile * 100, 0), s.percentile)}${td(String(s.inGap), s.inGap)}</tr>`;
}

function peersSection(ctx: ReportContext, countyIndex: number): string {
  const run = ctx.run;
  const c = run.counties[countyIndex]!;
  const self = gapPerCapita(run.result.counties[countyIndex]!);
  const pref = ctx.peers.prefectureOf(countyIndex);
  const region = ctx.peers.regionOf(countyIndex);
  const prefLabel = `${ctx.t('peersSamePrefecture')}${ctx.paren(c.prefecture)}`;
  const regionLabel = ctx.t('peersSameRegion', { region: ctx.t(`region_${c.regionGroup}`) });
  const rows: PeerRow[] = [];
  if (pref) rows.push({ group: prefLabel, dots: pref.members.filter((i) => i !== countyIndex).map((i) => ({ value: ctx.peers.gapPerCapita[i]!, label: run.counties[i]!.name })) });
  if (region) {
    const s = region.sorted;
    rows.push(s.length > 30
      ? { group: regionLabel, box: [quantile(s, 0.1), quantile(s, 0.25), quantile(s, 0.5), quantile(s, 0.75), quantile(s, 0.9)] }
      : { group: regionLabel, dots: region.members.filter((i) => i !== countyIndex).map((i) => ({ value: ctx.peers.gapPerCapita[i]!, label: run.counties[i]!.name })) });
  }
  const chart = Number.isFinite(self) && rows.length
    ? figure(ctx.t('chartPeers'), ctx.t('chartPeersNote'), peerChart(rows, { self, selfLabel: c.name, valueLabel: ctx.t('yuanPerCapita'), format: (v) => group(v, 0), selfColor: GAP_COLOR }))
    : '';
  const head = `<tr>${th('')}${th(ctx.t('peerN'), true)}${th(`${ctx.t('peerMedian')}${ctx.paren(ctx.t('yuanPerCapita'))}`, true)}${th(ctx.t('peerRange'), true)}${th(ctx.t('peerRank'), true)}${th(ctx.t('peerInGap'), true)}</tr>`;
  return `<h2>${esc(ctx.t('peers'))}</h2>${chart}<table class="peers"><thead>${head}</thead><tbody><tr class="self"><td>${esc(ctx.t('thisCounty'))}${ctx.colon}${esc(c.name)}</td><td></td>${td(fixed(self, 2), self)}<td></td><td></td><td></td></tr>${peerStatsRow(ctx, prefLabel, pref, countyIndex)}${peerStatsRow(ctx, regionLabel, region, countyIndex)}</tbody></table>`;
}

/** A parameter row rendered once per context, path and value (most counties share most rows), and its source text. */
const sourceRows = new WeakMap<ReportContext, Map<string, { readonly html: string; readonly source: string }>>();

/**
 * The parameters behind the county's figures, as a collapsed appendix: one row per
 * parameter with a numbered reference to its source, and each distinct source listed once.
 */
function sourcesAppendix(ctx: ReportContext, countyIndex: number): string {
  const rows = countyParameterRows(ctx.policy, ctx.run, countyIndex, ctx.registry);
  let cache = sourceRows.get(ctx);
  if (!cache) sourceRows.set(ctx, (cache = new Map<string, { readonly html: string; readonly source: string }>()));
  const numbers = new Map<string, number>();
  const body = rows.map((p) => {
    const key = `${p.path}\u0000${p.value}`;
    let row = cache.get(key);
    if (row === undefined) {
      const info = ctx.registry.get(p.path);
      const description = info ? parameterDescription(ctx, info) : p.description;
      const source = info && ctx.lang === 'zh' ? describeSource(info.source, 'zh') : p.source;
      row = { html: `<tr><td><code>${esc(p.path)}</code><br>${esc(description)}</td><td class="n">${esc(parameterValue(ctx, p.value))}</td><td>${esc(parameterUnit(ctx, p.unit))}</td><td><span class="badge ${p.sourceKind}">${esc(ctx.t(`source_${p.sourceKind}`))}</span>`, source };
      cache.set(key, row);
    }
    let n = numbers.get(row.source);
    if (n === undefined) numbers.set(row.source, (n = numbers.size + 1));
    return `${row.html} <a href="#src-${n}">[${n}]</a></td></tr>`;
  });
  const list = [...numbers.keys()].map((text, k) => `<li id="src-${k + 1}">${esc(text)}</li>`).join('');
  return `<details class="appendix" id="sources"><summary>${esc(ctx.t('sourcesAppendix', { n: rows.length, m: numbers.size }))}</summary><p class="note">${esc(ctx.t('sourcesNote'))}</p><div class="scroll"><table class="sources"><colgroup><col class="c-param"><col class="c-value"><col class="c-unit"><col class="c-kind"></colgroup><thead><tr>${th(ctx.t('parameter'))}${th(ctx.t('value'), true)}${th(ctx.t('unit'))}${th(ctx.t('source'))}</tr></thead><tbody>${body.join('')}</tbody></table></div><ol class="sources">${list}</ol></details>`;
}

export function countyReport(ctx: ReportContext, countyIndex: number): string {
  const run = ctx.run;
  const c = run.counties[countyIndex]!;
  const r = run.result.counties[countyIndex]!;
  const from = ctx.layout.county(c.code);
  const yesNo = (b: boolean): string => ctx.t(b ? 'yes' : 'no');
  const provinceLabel = ctx.provinceName(c.provinceCode, c.province);
  const facts = [
    `${esc(ctx.t('province'))} <b>${esc(provinceLabel)}</b>`,
    `${esc(ctx.t('prefecture'))} <b>${esc(c.prefecture)}</b>`,
    `${esc(ctx.t('population'))} <b>${persons(c.drivers['resident_pop'] ?? 0)}</b>`,
    ...(ctx.meta.basis === 'registered' ? [`${esc(ctx.t('basisPopulation'))} <b>${persons(r.population)}</b>`] : []),
    `${esc(ctx.t('regionGroup'))} <b>${esc(ctx.t(`region_${c.regionGroup}`))}</b>`,
    `${esc(ctx.t('tier2018'))} <b>${c.tier2018}</b>`,
    `${esc(ctx.t('directlyManaged'))} <b>${esc(yesNo(c.directlyManaged))}</b>`,
    `${esc(ctx.t('difficult'))} <b>${esc(yesNo(c.difficult))}</b>`,
    `${esc(ctx.t('nutritionPilot'))} <b>${esc(yesNo(c.nutritionPilot))}</b>`,
    `${esc(ctx.t('costIndex'))} <b>${c.costIndex}</b>`,
  ];
  const levels = [r.centralFen, r.provincialFen, r.prefectureFen, r.countyFen];
  const levelList = `<ul>${ctx.levelNames.map((n, i) => `<li data-key="level_${i}" data-value="${fenToYuanString(levels[i]!)}"><span><i class="sw" style="background:${LEVEL_COLORS[i]}"></i>${esc(n)}</span><span>${esc(yuanCompact(ctx.lang, levels[i]!))} · ${percent(levels[i]!, r.standardCostFen)}</span></li>`).join('')}</ul>`;
  const money = (key: string, label: string, fen: number, cls?: string, extra?: string): string =>
    card(label, yuanCompact(ctx.lang, fen), `${yuanExact(fen)} ${ctx.t('yuan')}`, { key, value: fenToYuanString(fen), ...(cls ? { cls } : {}), ...(extra ? { extra } : {}) });
  const gpc = gapPerCapita(r);
  const cards = `<div class="cards">
${money('standard_cost', ctx.t('standardCost'), r.standardCostFen, undefined, levelList)}
${money('special_transfers', ctx.t('earmarked'), r.specialFen)}
${money('own_burden', ctx.t('ownBurden'), r.ownBurdenFen)}
${money('resources', ctx.t('resources'), r.resourcesFen)}
${money('needs', ctx.t('needs'), r.needsFen)}
${gapCard(ctx, 'gap', r.gapFen, 'gap', 'surplus')}
${gapCard(ctx, 'guarantee_gap', r.guaranteeGapFen, 'guaranteeGap', 'guaranteeSurplus')}
${card(ctx.t(gpc < 0 ? 'surplusPerCapita' : 'gapPerCapita'), `${fixed(Math.abs(gpc), 2)} ${ctx.t('yuanPerCapita')}`, `${ctx.t('gapShare')} ${percent(r.gapFen, r.standardCostFen)}`, { key: 'gap_per_capita', value: r.population > 0 ? (r.gapFen / 100 / r.population).toFixed(2) : '', cls: r.gapFen > 0 ? 'gap' : 'spare' })}
</div>`;
  const nav: string[] = [];
  const provinceHref = ctx.provinceHref(from, c.provinceCode);
  if (provinceHref) nav.push(`<a href="${esc(provinceHref)}">${esc(ctx.t('backToProvince'))}${ctx.colon}${esc(provinceLabel)}</a>`);
  if (ctx.pages.comparison) nav.push(`<a href="${esc(relativeLink(from, ctx.pages.comparison))}">${esc(ctx.t('comparisonReport'))}</a>`);
  const body = `
<section id="facts"><h2>${esc(ctx.t('countyFacts'))}</h2><div class="meta">${facts.map((f) => `<span>${f}</span>`).join('')}</div></section>
<section id="headlines"><h2>${esc(ctx.t('headlines'))}</h2>${cards}</section>
<section id="items">${itemsSection(ctx, countyIndex)}</section>
<section id="transfers">${gapSection(ctx, countyIndex)}</section>
<section id="peers">${peersSection(ctx, countyIndex)}</section>`;
  return htmlPage({
    lang: ctx.lang,
    title: ctx.t('countyTitle', { county: c.name, code: c.code, year: run.year }),
    meta: metaLines(ctx),
    nav,
    body,
    appendix: sourcesAppendix(ctx, countyIndex),
    footer: footerLines(ctx),
    sortable: true,
    print: 'landscape',
  });
}

/** Report sections shared by the province and overview pages. */
import type { County } from '../../model/county.ts';
import { fenToYuanString, sumFen } from '../../model/money.ts';
import type { InequalitySummary } from '../../model/measures/inequality.ts';
import type { EqualizationMeasures } from '../../model/results.ts';
import type { YearSummary } from '../../tables/summary.ts';
import {
  costByDomainAndLevel, gapPerCapita, LEVELS, lorenzCurves, measuresBy, perCapitaResources, STAGES, sumTransfers, transferBreakdown, TRANSFER_TYPES, type Stage,
} from '../../tables/reportTables.ts';
import { MEASURE_OF_STAGE } from '../../model/measures/equalizationMeasures.ts';
import { barsX, lorenzChart, rankedBars, stackedBarsX, stripChart, type StripRow } from '../charts/charts.ts';
import type { ReportContext } from './context.ts';
import type { LabelKey } from './labels.ts';
import { esc, fixed, group, percent, persons, yuanCompact, yuanExact } from './format.ts';
import { card, figure, GAP_COLOR, legend, LEVEL_COLORS, SPARE_COLOR, td, th } from './page.ts';

export const STAGE_COLORS: Readonly<Record<Stage, string>> = { before: '#9aa5b1', afterGeneral: '#4f86c6', afterGeneralMof: '#7b68ae', afterAll: '#2f4b7c' };
const STAGE_KEY = { before: 'stage_before', afterGeneral: 'stage_afterGeneral', afterGeneralMof: 'stage_afterGeneralMof', afterAll: 'stage_afterAll' } as const;
const MEASURE_STAGE = MEASURE_OF_STAGE;

/** The unit for amounts up to `maxAbsFen`: 亿元 or 万元 in Chinese, bn or m yuan in English. */
export function moneyUnit(ctx: ReportContext, maxAbsFen: number): { div: number; label: string } {
  if (ctx.lang === 'zh') return maxAbsFen >= 1e10 ? { div: 1e10, label: ctx.t('unitYi') } : { div: 1e6, label: ctx.t('unitWan') };
  return maxAbsFen >= 1e11 ? { div: 1e11, label: ctx.t('unitYi') } : { div: 1e8, label: ctx.t('unitWan') };
}

const chartNumber = (v: number): string => group(v, v !== 0 && Math.abs(v) < 10 ? 2 : 1);

/**
 * A card for a gap: labelled as a gap (缺口) when positive and as room to spare (结余) with
 * the amount shown without its sign when negative; `data-value` keeps the signed exact yuan.
 */
export function gapCard(ctx: ReportContext, key: string, fen: number, gapLabel: LabelKey, surplusLabel: LabelKey, extra?: string): string {
  const surplus = fen < 0;
  const shown = Math.abs(fen);
  return card(ctx.t(surplus ? surplusLabel : gapLabel), yuanCompact(ctx.lang, shown), `${yuanExact(shown)} ${ctx.t('yuan')}`, { key, value: fenToYuanString(fen), cls: fen > 0 ? 'gap' : 'spare', ...(extra ? { extra } : {}) });
}

/** Headline cards of a set of counties. `data-key` / `data-value` carry exact yuan for checks. */
export function headlineCards(ctx: ReportContext, s: YearSummary): string {
  const tt = s.totals;
  const c = (key: string, label: string, fen: number, cls?: string, extra?: string): string =>
    card(label, yuanCompact(ctx.lang, fen), `${yuanExact(fen)} ${ctx.t('yuan')}`, { key, value: fenToYuanString(fen), ...(cls ? { cls } : {}), ...(extra ? { extra } : {}) });
  const levels = [tt.centralFen, tt.provincialFen, tt.prefectureFen, tt.countyFen];
  const levelList = `<ul>${LEVELS.map((l, i) => `<li data-key="level_${l}" data-value="${fenToYuanString(levels[i]!)}"><span><i class="sw" style="background:${LEVEL_COLORS[i]}"></i>${esc(ctx.levelName(l))}</span><span>${esc(yuanCompact(ctx.lang, levels[i]!))} · ${percent(levels[i]!, tt.standardCostFen)}</span></li>`).join('')}</ul>`;
  const transferList = `<ul><li><span>${esc(ctx.t('equalization'))}</span><span>${esc(yuanCompact(ctx.lang, tt.equalizationFen))}</span></li><li><span>${esc(ctx.t('guarantee'))}</span><span>${esc(yuanCompact(ctx.lang, tt.guaranteeFen))}</span></li></ul>`;
  return `<div class="cards">
${c('standard_cost', ctx.t('standardCost'), tt.standardCostFen, undefined, levelList)}
${c('special_transfers', ctx.t('earmarked'), tt.specialFen)}
${c('general_transfer', ctx.t('generalTransfers'), tt.generalFen, undefined, transferList)}
${gapCard(ctx, 'gap', tt.gapFen, 'netGap', 'netSurplus')}
${c('shortfall', ctx.t('shortfall'), tt.shortfallFen, tt.shortfallFen > 0 ? 'gap' : undefined)}
${card(ctx.t('countiesInGap'), `${s.countiesInGap}`, ctx.t('ofCounties', { n: s.counties }), { key: 'counties_in_gap', value: String(s.countiesInGap), cls: s.countiesInGap > 0 ? 'gap' : '' })}
${card(ctx.t('residentsInGap'), persons(s.residentsInGap), ctx.t('ofResidents', { share: percent(s.residentsInGap, s.residents) }), { key: 'residents_in_gap', value: String(Math.round(s.residentsInGap)) })}
</div>`;
}

/** How many counties a ranked chart names at each end when there are too many to name all. */
export const RANKED_NAMED_EACH_END = 20;

/** Ranked gap per resident of the given counties. */
export function gapRankedFigure(ctx: ReportContext, members: readonly number[]): string {
  const data = members
    .map((i) => ({ key: ctx.run.counties[i]!.code, label: ctx.run.counties[i]!.name, value: gapPerCapita(ctx.run.result.counties[i]!) }))
    .filter((d) => Number.isFinite(d.value));
  const named = RANKED_NAMED_EACH_END;
  const svg = rankedBars(data, { valueLabel: ctx.t('yuanPerCapita'), colors: [GAP_COLOR, SPARE_COLOR], format: (v) => group(v, 0), namedEachEnd: named, othersLabel: (n) => ctx.t('otherCounties', { n }) });
  return figure('', data.length > 2 * named + 5 ? ctx.t('chartGapRankedTopNote', { n: named }) : ctx.t('chartGapRankedNote'), svg);
}

function measureCells(m: InequalitySummary): string {
  return [m.gini, m.theil.total, m.theil.between, m.theil.within, m.cv].map((x) => td(fixed(x, 4), x)).join('') + td(fixed(m.maxMin, 1), m.maxMin) + td(fixed(m.decileRatio, 2), m.decileRatio) + td(group(m.mean, 0), m.mean);
}

export function measuresTable(ctx: ReportContext, weighted: EqualizationMeasures, unweighted: EqualizationMeasures, groupLabel: string): string {
  const head = `<tr>${th('')}${th(ctx.t('gini'), true)}${th(ctx.t('theil'), true)}${th(`${ctx.t('theilBetween')}${ctx.paren(groupLabel)}`, true)}${th(`${ctx.t('theilWithin')}${ctx.paren(groupLabel)}`, true)}${th(ctx.t('cv'), true)}${th(ctx.t('maxMin'), true)}${th(ctx.t('decileRatio'), true)}${th(ctx.t('mean'), true)}</tr>`;
  const rows = (m: EqualizationMeasures, w: string): string => STAGES.map((s) => `<tr><td>${esc(ctx.t(STAGE_KEY[s]))} <span class="note">${esc(w)}</span></td>${measureCells(m[MEASURE_STAGE[s]])}</tr>`).join('');
  return `<div class="scroll"><table class="measures"><thead>${head}</thead><tbody>${rows(weighted, ctx.t('weighted'))}${rows(unweighted, ctx.t('unweighted'))}</tbody></table></div>`;
}

/** Per-capita resources before and after transfers: strips, Lorenz curves and the measures. */
export function distributionSection(ctx: ReportContext, members: readonly number[], groupOf: (c: County) => string, groupLabel: string): string {
  const run = ctx.run;
  const stageNames = STAGES.map((s) => ctx.t(STAGE_KEY[s]));
  const rows: StripRow[] = [];
  for (const i of members) {
    const pc = perCapitaResources(run.result.counties[i]!);
    if (!pc) continue;
    STAGES.forEach((s, k) => rows.push({ group: stageNames[k]!, value: pc[s], label: run.counties[i]!.name }));
  }
  const weighted = measuresBy(run, members, groupOf, 'population');
  const unweighted = measuresBy(run, members, groupOf, 'unweighted');
  const means = STAGES.map((s, k) => ({ group: stageNames[k]!, value: weighted[MEASURE_STAGE[s]].mean }));
  const strip = stripChart(rows, { groups: stageNames, colors: STAGES.map((s) => STAGE_COLORS[s]), means, valueLabel: ctx.t('perCapitaResources'), format: (v) => group(v, 0) });
  const curves = lorenzCurves(members.map((i) => run.result.counties[i]!));
  const lorenz = lorenzChart(STAGES.map((s, k) => ({ name: stageNames[k]!, color: STAGE_COLORS[s], points: curves[s] })), { xLabel: ctx.t('lorenzX'), yLabel: ctx.t('lorenzY') });
  const lorenzLegend = legend([...STAGES.map((s, k): [string, string] => [stageNames[k]!, STAGE_COLORS[s]]), [ctx.t('equality'), '#999']]);
  return `<h2>${esc(ctx.t('chartDistribution'))}</h2>
${figure('', ctx.t('chartDistributionNote'), strip)}
<div class="grid-lorenz"><div>${figure(ctx.t('chartLorenz'), undefined, lorenz, lorenzLegend)}</div>
<div><h3>${esc(ctx.t('measures'))}</h3>${measuresTable(ctx, weighted, unweighted, groupLabel)}<p class="note">${esc(ctx.t('measuresNote', { group: groupLabel }))}</p></div></div>`;
}

/** Standard cost by domain and level of government: chart and table. */
export function domainLevelSection(ctx: ReportContext, members: readonly number[], heading = true): string {
  const rows = costByDomainAndLevel(ctx.run, new Set(members)).filter((d) => d.costFen !== 0);
  const unit = moneyUnit(ctx, Math.max(0, ...rows.map((d) => Math.abs(d.costFen))));
  const domains = rows.map((d) => ctx.domainName(d.domain));
  const data = rows.flatMap((d, k) => LEVELS.map((l, i) => ({ category: domains[k]!, series: ctx.levelName(l), value: d.byLevel[i]! / unit.div })));
  const chart = stackedBarsX(data, { categories: domains, series: ctx.levelNames, colors: [...LEVEL_COLORS], valueLabel: unit.label, format: chartNumber });
  const total = (i: number): number => sumFen(rows.map((d) => d.byLevel[i]!));
  const table = `<div class="scroll"><table><thead><tr>${th(ctx.t('domain'))}${ctx.levelNames.map((n) => th(n, true)).join('')}${th(ctx.t('total'), true)}</tr></thead><tbody>${rows
    .map((d, k) => `<tr><td>${esc(domains[k]!)}</td>${d.byLevel.map((f) => td(yuanExact(f), f)).join('')}${td(yuanExact(d.costFen), d.costFen)}</tr>`)
    .join('')}</tbody><tfoot><tr><td>${esc(ctx.t('total'))}</td>${LEVELS.map((_, i) => td(yuanExact(total(i)), total(i))).join('')}${td(yuanExact(sumFen(rows.map((d) => d.costFen))))}</tr></tfoot></table></div>`;
  return `${heading ? `<h2>${esc(ctx.t('chartDomainLevel'))}</h2>` : ''}${figure(heading ? '' : ctx.t('chartDomainLevel'), `${ctx.t('unit')}${ctx.colon}${unit.label}`, chart, legend(ctx.levelNames.map((n, i) => [n, LEVEL_COLORS[i]!])))}${table}`;
}

const TRANSFER_COLORS = ['#8c6d31', '#bd9e39', '#6b6ecf', '#9c9ede', '#637939', '#8ca252', '#b5cf6b', '#cedb9c', '#e7ba52', '#e7969c', '#2f4b7c', '#4f86c6', '#2e8b57', '#7fbf7f'];

/** Transfers by type: chart and table (yuan). */
export function transfersSection(ctx: ReportContext, members: readonly number[]): string {
  const sum = sumTransfers(members.map((i) => transferBreakdown(ctx.run.result.counties[i]!)));
  const unit = moneyUnit(ctx, Math.max(...TRANSFER_TYPES.map((k) => Math.abs(sum[k]))));
  const rows = TRANSFER_TYPES.map((k, i) => ({ label: ctx.t(`transfer_${k}`), value: sum[k] / unit.div, color: TRANSFER_COLORS[i]! }));
  const chart = barsX(rows, { valueLabel: unit.label, format: chartNumber });
  const line = (label: string, fen: number, cls = ''): string => `<tr${cls ? ` class="${cls}"` : ''}><td>${esc(label)}</td>${td(yuanExact(fen), fen)}${td(percent(fen, sum.totalFen), fen)}</tr>`;
  const table = `<table><thead><tr>${th(ctx.t('transferType'))}${th(ctx.t('yuan'), true)}${th(ctx.t('ofTotal'), true)}</tr></thead><tbody>
${TRANSFER_TYPES.map((k) => line(ctx.t(`transfer_${k}`), sum[k])).join('')}
${sum.retainedFen ? line(ctx.t('transfer_retained'), sum.retainedFen) : ''}
</tbody><tfoot><tr><td>${esc(ctx.t('total'))}</td>${td(yuanExact(sum.totalFen), sum.totalFen)}${td('100.0%')}</tr></tfoot></table>`;
  return `<h2>${esc(ctx.t('chartTransfers'))}</h2>${figure('', `${ctx.t('unit')}${ctx.colon}${unit.label}`, chart)}${table}`;
}

/**
 * Sortable table of the given counties with totals; names link to county pages when
 * written. The county name stays in view (sticky) and the gap columns come right after it,
 * so that they are on screen and on the printed page first.
 */
export function countyTable(ctx: ReportContext, members: readonly number[], from: string): string {
  const run = ctx.run;
  const unit = ctx.t('unitWan');
  const div = ctx.lang === 'zh' ? 1e6 : 1e8;
  const money = (fen: number, cls = ''): string => `<td class="n${cls}" data-v="${fen}" title="${yuanExact(fen)} ${esc(ctx.t('yuan'))}">${group(fen / div, 2)}</td>`;
  const signedMoney = (fen: number): string => money(fen, fen > 0 ? ' pos' : fen < 0 ? ' neg' : '');
  const cols: Array<[string, boolean, string]> = [
    [`${ctx.t('gapOrSurplus')}`, true, 'gap'], [`${ctx.t('perCapitaOrSurplus')}${ctx.paren(ctx.t('yuanPerCapita'))}`, true, 'gap_per_capita'], [ctx.t('planGap'), true, 'plan_gap'], [ctx.t('guaranteeGap'), true, 'guarantee_gap'],
    [ctx.t('needs'), true, 'needs'], [ctx.t('standardCost'), true, 'standard_cost'], [ctx.t('resources'), true, 'resources'], [ctx.t('ownRevenue'), true, 'own_revenue'], [ctx.t('taxRebates'), true, 'tax_rebates'],
    [ctx.t('generalTransfers'), true, 'general_transfer'], [ctx.t('earmarked'), true, 'special_transfers'], [`${ctx.t('population')}${ctx.paren(ctx.t('persons'))}`, true, 'resident_pop'], [ctx.t('prefecture'), false, 'prefecture'],
  ];
  const body = members.map((i) => {
    const c = run.counties[i]!;
    const r = run.result.counties[i]!;
    const href = ctx.countyHref(from, c.code);
    const gpc = gapPerCapita(r);
    const pop = c.drivers['resident_pop'] ?? 0;
    const name = href ? `<a href="${esc(href)}">${esc(c.name)}</a>` : esc(c.name);
    return `<tr data-code="${esc(c.code)}"><td class="name sticky" data-v="${esc(c.name)}">${name}<span class="code">${esc(c.code)}</span></td>${signedMoney(r.gapFen)}${td(group(gpc, 2), gpc, gpc > 0 ? 'pos' : gpc < 0 ? 'neg' : '')}${[r.planGapFen, r.guaranteeGapFen].map(signedMoney).join('')}${[r.needsFen, r.standardCostFen, r.resourcesFen, r.ownRevenueFen, r.rebatesFen, r.generalFen, r.specialFen].map((f) => money(f)).join('')}${td(persons(pop), pop)}<td>${esc(c.prefecture)}</td></tr>`;
  });
  const rows = members.map((i) => run.result.counties[i]!);
  const tot = (f: (r: (typeof rows)[number]) => number): number => sumFen(rows.map(f));
  const pop = members.reduce((a, i) => a + (run.counties[i]!.drivers['resident_pop'] ?? 0), 0);
  const foot = `<tr><td class="name sticky">${esc(ctx.t('total'))}</td>${signedMoney(tot((r) => r.gapFen))}<td></td>${[tot((r) => r.planGapFen), tot((r) => r.guaranteeGapFen)].map(signedMoney).join('')}${[tot((r) => r.needsFen), tot((r) => r.standardCostFen), tot((r) => r.resourcesFen), tot((r) => r.ownRevenueFen), tot((r) => r.rebatesFen), tot((r) => r.generalFen), tot((r) => r.specialFen)].map((f) => money(f)).join('')}${td(persons(pop))}<td></td></tr>`;
  const head = `<th class="name sticky" scope="col" data-col="county">${esc(ctx.t('county'))}</th>${cols.map(([label, n, col]) => th(label, n, ` data-col="${col}"`)).join('')}`;
  return `<h2>${esc(ctx.t('allCounties'))}</h2><p class="note">${esc(ctx.t('sortHint'))}. ${esc(ctx.t('unit'))}${ctx.colon}${esc(unit)}.</p>
<div class="scroll"><table class="sortable counties" id="county-table"><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody><tfoot>${foot}</tfoot></table></div>`;
}

/** Footer lines common to every page. */
export function footerLines(ctx: ReportContext): string[] {
  return [
    esc(ctx.t('gapDefinition')),
    esc(ctx.t('estimatesNote')),
    ...ctx.meta.notes.map(esc),
    `${esc(ctx.t('dataFiles'))}${ctx.colon}${ctx.meta.countyFiles.map(esc).join(', ')} · ${esc(ctx.t('version'))} ${esc(ctx.meta.version)}`,
  ];
}

export function metaLines(ctx: ReportContext, extra: readonly string[] = []): string[] {
  return [
    `${esc(ctx.t('year'))} <b>${ctx.run.year}</b>`,
    `${esc(ctx.t('scenario'))} <b>${esc(ctx.meta.scenarioName)}</b> — ${esc(ctx.scenarioTitle())}`,
    `${esc(ctx.t('basis'))} <b>${esc(ctx.basisName())}</b>`,
    ...extra,
  ];
}

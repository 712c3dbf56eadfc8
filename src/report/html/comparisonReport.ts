/**
 * The comparison report: what changes between a base (the baseline or another scenario)
 * and a scenario — by county (winners and losers), by level of government, by item, by
 * year, by province — and how the equalization measures move. Every figure comes from
 * src/tables/comparison.ts.
 */
import { fenToYuanString, sumFen } from '../../model/money.ts';
import type { InequalitySummary } from '../../model/measures/inequality.ts';
import type { EqualizationMeasures } from '../../model/results.ts';
import type { Comparison, CountyComparison, Diff } from '../../tables/comparison.ts';
import { LEVELS } from '../../tables/reportTables.ts';
import { barsX, linesByYear, rankedBars, shorten, stackedBarsX } from '../charts/charts.ts';
import type { ReportContext } from './context.ts';
import { esc, fixed, group, persons, yuanCompact, yuanExact } from './format.ts';
import { BETTER_COLOR, card, figure, GAP_COLOR, htmlPage, legend, LEVEL_COLORS, td, th } from './page.ts';
import { footerLines, moneyUnit } from './sections.ts';
import type { LabelKey } from './labels.ts';
import { changeText, parameterDescription } from './parameterText.ts';
import type { ScenarioChangeValues } from '../../scenarios/scenario.ts';

export interface ComparisonInput {
  readonly data: Comparison;
  readonly baseName: string;
  readonly baseTitle: string;
  readonly baseTitleZh?: string;
  readonly changes: ReadonlyArray<{ readonly path: string; readonly description: string }>;
  /** each change's values by year, aligned with `changes` (scenario.changeValues): shown in words */
  readonly changeValues?: ReadonlyArray<ScenarioChangeValues | undefined>;
  /** the file names (no folder) of the base's scenario chain: changes made by these apply to both sides */
  readonly baseFiles?: readonly string[];
}

/** The changes that make the scenario differ from the base: all but those of a file the base reads too (a shared parent). */
export function changesBeyondBase(input: Pick<ComparisonInput, 'changes' | 'changeValues' | 'baseFiles'>): Array<{ readonly path: string; readonly description: string; readonly values: ScenarioChangeValues | undefined }> {
  const shared = new Set(input.baseFiles ?? []);
  return input.changes
    .map((ch, k) => ({ path: ch.path, description: ch.description, values: input.changeValues?.[k] }))
    .filter((ch) => !(ch.values && shared.has(ch.values.file)));
}

const signed = (s: string, v: number): string => (v > 0 ? `+${s}` : s);

function diffCells(ctx: ReportContext, d: Diff): string {
  return `${td(yuanExact(d.base), d.base)}${td(yuanExact(d.scenario), d.scenario)}${td(signed(yuanExact(d.delta), d.delta), d.delta, d.delta > 0 ? 'pos' : d.delta < 0 ? 'better' : '')}`;
}

function diffHead(ctx: ReportContext): string {
  return `${th(ctx.t('baseValue'), true)}${th(ctx.t('scenarioValue'), true)}${th(ctx.t('change'), true)}`;
}

/** A band of gap change per resident in words, from its bounds (yuan per resident). */
export function bandLabel(ctx: ReportContext, band: { readonly lower: number | null; readonly upper: number | null }): string {
  const amount = (v: number): string => (Math.abs(v) < 0.01 ? '0.01' : String(Number(Math.abs(v).toFixed(2))));
  const { lower, upper } = band;
  if (lower === null) return ctx.t('band_fallsOver', { x: amount(upper ?? 0) });
  if (upper === null) return ctx.t('band_risesOver', { x: amount(lower) });
  if (lower < 0 && upper > 0) return ctx.t('band_unchanged', { x: String(upper) });
  return upper <= 0 ? ctx.t('band_falls', { a: amount(upper), b: amount(lower) }) : ctx.t('band_rises', { a: amount(lower), b: amount(upper) });
}

const perCapitaChange = (r: CountyComparison): number => (r.population > 0 ? r.fields.gapFen.delta / 100 / r.population : Number.NaN);

function measureTable(ctx: ReportContext, base: EqualizationMeasures, scen: EqualizationMeasures): string {
  const rows: Array<[LabelKey, (m: InequalitySummary) => number, number]> = [
    ['gini', (m) => m.gini, 4], ['theil', (m) => m.theil.total, 4], ['cv', (m) => m.cv, 4], ['maxMin', (m) => m.maxMin, 2], ['decileRatio', (m) => m.decileRatio, 2], ['mean', (m) => m.mean, 0],
  ];
  const stages: Array<[LabelKey, keyof EqualizationMeasures]> = [['stage_before', 'beforeTransfers'], ['stage_afterGeneral', 'afterGeneral'], ['stage_afterGeneralMof', 'afterGeneralMof'], ['stage_afterAll', 'afterAll']];
  const head1 = `<tr>${th('')}${stages.map(([k]) => `<th colspan="3" class="n" scope="colgroup">${esc(ctx.t(k))}</th>`).join('')}</tr>`;
  const head2 = `<tr>${th('')}${stages.map(() => `${th(ctx.t('baseValue'), true)}${th(ctx.t('scenarioValue'), true)}${th(ctx.t('change'), true)}`).join('')}</tr>`;
  const body = rows.map(([key, f, d]) => `<tr><td>${esc(ctx.t(key))}</td>${stages.map(([, s]) => {
    const b = f(base[s]);
    const x = f(scen[s]);
    const fmt = (v: number): string => (d === 0 ? group(v, 0) : fixed(v, d));
    return `${td(fmt(b), b)}${td(fmt(x), x)}${td(signed(fmt(x - b), x - b), x - b)}`;
  }).join('')}</tr>`).join('');
  return `<div class="scroll"><table class="measures"><thead>${head1}${head2}</thead><tbody>${body}</tbody></table></div>`;
}

export function comparisonReport(ctx: ReportContext, input: ComparisonInput): string {
  const c = input.data;
  const year = c.years.includes(ctx.run.year) ? ctx.run.year : c.years[c.years.length - 1]!;
  const from = ctx.layout.comparison(input.baseName);
  const rows = c.counties.filter((r) => r.year === year);
  const total = c.totals.find((g) => g.year === year)!;
  const f = total.fields;
  const inGap = (pick: (d: Diff) => number): number => rows.filter((r) => pick(r.fields.gapFen) > 0).length;
  const narrows = rows.filter((r) => r.fields.gapFen.delta < 0).length;
  const widens = rows.filter((r) => r.fields.gapFen.delta > 0).length;
  const money = (key: string, label: string, d: Diff, worse: 'up' | 'down' | 'none'): string => {
    const cls = worse === 'none' || d.delta === 0 ? '' : (d.delta > 0) === (worse === 'up') ? 'gap' : 'spare';
    return card(label, signed(yuanCompact(ctx.lang, d.delta), d.delta), `${yuanExact(d.base)} → ${yuanExact(d.scenario)} ${ctx.t('yuan')}`, { key, value: fenToYuanString(d.delta), cls });
  };
  const cards = `<div class="cards">
${money('standard_cost_change', ctx.t('standardCost'), f.standardCostFen, 'none')}
${money('central_change', ctx.t('level_central'), f.centralFen, 'none')}
${money('general_transfer_change', ctx.t('generalTransfers'), f.generalFen, 'none')}
${money('gap_change', ctx.t('netGap'), f.gapFen, 'up')}
${card(ctx.t('countiesInGap'), `${inGap((d) => d.base)} → ${inGap((d) => d.scenario)}`, ctx.t('ofCounties', { n: rows.length }), { key: 'counties_in_gap', value: `${inGap((d) => d.base)}|${inGap((d) => d.scenario)}` })}
${card(ctx.t('winners'), String(narrows), ctx.t('ofCounties', { n: rows.length }), { key: 'winners', value: String(narrows), cls: 'spare' })}
${card(ctx.t('losers'), String(widens), ctx.t('ofCounties', { n: rows.length }), { key: 'losers', value: String(widens), cls: widens ? 'gap' : '' })}
</div>`;

  const own = changesBeyondBase(input);
  const changes = own.length
    ? `<ul>${own.map((ch) => {
      const info = ctx.registry.get(ch.path);
      return `<li><code>${esc(ch.path)}</code>${info ? ` ${esc(parameterDescription(ctx, info))}` : ''} — ${esc(ch.values ? changeText(ctx, ch.values, info?.unit) : ch.description)}</li>`;
    }).join('')}</ul>`
    : `<p>${esc(ctx.t('noChanges'))}</p>`;

  // winners and losers
  const ranked = rows.filter((r) => Number.isFinite(perCapitaChange(r)) && r.fields.gapFen.delta !== 0).map((r) => ({ key: r.county.code, label: r.county.name, value: perCapitaChange(r) }));
  const wlChart = ranked.length
    ? figure('', ctx.t('winnersLosersNote'), rankedBars(ranked, { valueLabel: ctx.t('yuanPerCapita'), colors: [GAP_COLOR, BETTER_COLOR], format: (v) => group(v, Math.abs(v) < 10 ? 2 : 0), othersLabel: (n) => ctx.t('otherCounties', { n }) }))
    : `<p class="note">${esc(ctx.t('noGapChange'))}</p>`;
  const bands = c.bands.filter((b) => b.year === year);
  const bandTable = `<table><thead><tr>${th(ctx.t('band'))}${th(ctx.t('counties'), true)}${th(ctx.t('residents'), true)}${th(`${ctx.t('gapOrSurplus')}${ctx.colon}${ctx.t('change')}`, true)}</tr></thead><tbody>${bands
    .map((b) => `<tr><td>${esc(bandLabel(ctx, b.band))}</td>${td(String(b.counties), b.counties)}${td(persons(b.population), b.population)}${td(signed(yuanExact(b.gapDeltaFen), b.gapDeltaFen), b.gapDeltaFen)}</tr>`)
    .join('')}</tbody></table>`;

  // by level
  const levels = c.levels.filter((l) => l.year === year);
  const levelUnit = moneyUnit(ctx, Math.max(0, ...levels.map((l) => Math.abs(l.cost.delta))));
  const levelChart = barsX(levels.map((l, i) => ({ label: ctx.levelName(l.level), value: l.cost.delta / levelUnit.div, color: LEVEL_COLORS[i]! })), { valueLabel: `${ctx.t('change')}${ctx.paren(levelUnit.label)}`, format: (v) => group(v, 2) });
  const levelTable = `<table><thead><tr>${th(ctx.t('level'))}${diffHead(ctx)}</tr></thead><tbody>${levels.map((l) => `<tr data-level="${l.level}"><td>${esc(ctx.levelName(l.level))}</td>${diffCells(ctx, l.cost)}</tr>`).join('')}</tbody><tfoot><tr><td>${esc(ctx.t('total'))}</td>${diffCells(ctx, { base: sumFen(levels.map((l) => l.cost.base)), scenario: sumFen(levels.map((l) => l.cost.scenario)), delta: sumFen(levels.map((l) => l.cost.delta)) })}</tr></tfoot></table>`;

  // by item
  const items = c.items.filter((i) => i.year === year && (i.cost.delta !== 0 || i.central.delta !== 0 || i.provincial.delta !== 0 || i.prefecture.delta !== 0 || i.county.delta !== 0));
  const top = [...items].sort((a, b) => Math.abs(b.cost.delta) + Math.abs(b.central.delta) - (Math.abs(a.cost.delta) + Math.abs(a.central.delta))).slice(0, 15);
  const itemUnit = moneyUnit(ctx, Math.max(0, ...top.flatMap((i) => [i.central, i.provincial, i.prefecture, i.county].map((d) => Math.abs(d.delta)))));
  const itemName = (i: (typeof items)[number]): string => (ctx.lang === 'zh' ? i.nameZh : i.nameEn);
  const itemLabels = new Map(top.map((i) => [i.item, shorten(itemName(i), 300)]));
  const itemChart = top.length
    ? figure('', `${ctx.t('unit')}${ctx.colon}${itemUnit.label}`, stackedBarsX(top.flatMap((i) => LEVELS.map((l) => ({ category: i.item, series: ctx.levelName(l), value: i[l].delta / itemUnit.div }))), {
      categories: top.map((i) => i.item), series: ctx.levelNames, colors: [...LEVEL_COLORS], valueLabel: `${ctx.t('change')}${ctx.paren(itemUnit.label)}`, format: (v) => group(v, 2), categoryLabel: (k) => itemLabels.get(k) ?? k,
    }), legend(ctx.levelNames.map((n, k) => [n, LEVEL_COLORS[k]!])))
    : '';
  const itemTable = `<div class="scroll"><table class="sortable"><thead><tr>${th(ctx.t('item'))}${th(`${ctx.t('cost')}${ctx.colon}${ctx.t('baseValue')}`, true)}${th(`${ctx.t('cost')}${ctx.colon}${ctx.t('scenarioValue')}`, true)}${th(`${ctx.t('cost')}${ctx.colon}${ctx.t('change')}`, true)}${ctx.levelNames.map((n) => th(`${n}${ctx.colon}${ctx.t('change')}`, true)).join('')}</tr></thead><tbody>${items
    .map((i) => `<tr><td>${esc(itemName(i))}<br><code>${esc(i.item)}</code></td>${diffCells(ctx, i.cost)}${LEVELS.map((l) => td(signed(yuanExact(i[l].delta), i[l].delta), i[l].delta)).join('')}</tr>`)
    .join('')}</tbody></table></div>`;

  // by year
  const totals = [...c.totals].sort((a, b) => a.year - b.year);
  const yearUnit = moneyUnit(ctx, Math.max(0, ...totals.flatMap((g) => [Math.abs(g.fields.gapFen.base), Math.abs(g.fields.gapFen.scenario)])));
  const series = [`${ctx.t('baseValue')}${ctx.colon}${input.baseName}`, `${ctx.t('scenarioValue')}${ctx.colon}${ctx.meta.scenarioName}`];
  const yearChart = linesByYear(totals.flatMap((g) => [{ x: g.year, series: series[0]!, value: g.fields.gapFen.base / yearUnit.div }, { x: g.year, series: series[1]!, value: g.fields.gapFen.scenario / yearUnit.div }]), { series, colors: ['#9aa5b1', '#2f4b7c'], valueLabel: `${ctx.t('gapOrSurplus')}${ctx.paren(yearUnit.label)}`, format: (v) => group(v, 2) });
  const yearTable = `<div class="scroll"><table><thead><tr>${th(ctx.t('year'))}${th(`${ctx.t('standardCost')}${ctx.colon}${ctx.t('change')}`, true)}${th(`${ctx.t('level_central')}${ctx.colon}${ctx.t('change')}`, true)}${th(`${ctx.t('generalTransfers')}${ctx.colon}${ctx.t('change')}`, true)}${th(`${ctx.t('gapOrSurplus')}${ctx.colon}${ctx.t('baseValue')}`, true)}${th(`${ctx.t('gapOrSurplus')}${ctx.colon}${ctx.t('scenarioValue')}`, true)}${th(`${ctx.t('gapOrSurplus')}${ctx.colon}${ctx.t('change')}`, true)}</tr></thead><tbody>${totals
    .map((g) => `<tr data-year="${g.year}"><td>${g.year}</td>${[g.fields.standardCostFen.delta, g.fields.centralFen.delta, g.fields.generalFen.delta].map((d) => td(signed(yuanExact(d), d), d)).join('')}${diffCells(ctx, g.fields.gapFen)}</tr>`)
    .join('')}</tbody></table></div>`;

  // by province
  const provinces = c.provinces.filter((p) => p.year === year);
  const provinceTable = provinces.length > 1
    ? `<h2>${esc(ctx.t('byProvince'))}</h2><div class="scroll"><table class="sortable"><thead><tr>${th(ctx.t('province'))}${th(ctx.t('counties'), true)}${th(`${ctx.t('standardCost')}${ctx.colon}${ctx.t('change')}`, true)}${th(`${ctx.t('gapOrSurplus')}${ctx.colon}${ctx.t('baseValue')}`, true)}${th(`${ctx.t('gapOrSurplus')}${ctx.colon}${ctx.t('scenarioValue')}`, true)}${th(`${ctx.t('gapOrSurplus')}${ctx.colon}${ctx.t('change')}`, true)}</tr></thead><tbody>${provinces
      .map((p) => `<tr><td>${esc(ctx.provinceName(p.key, p.name))}</td>${td(String(p.counties), p.counties)}${td(signed(yuanExact(p.fields.standardCostFen.delta), p.fields.standardCostFen.delta), p.fields.standardCostFen.delta)}${diffCells(ctx, p.fields.gapFen)}</tr>`)
      .join('')}</tbody></table></div>`
    : '';

  // measures
  const m = c.measures.find((x) => x.year === year)!;
  const measures = measureTable(ctx, m.base, m.scenario);

  // by county
  const countyRows = rows.map((r) => {
    const href = ctx.countyHref(from, r.county.code);
    const pc = perCapitaChange(r);
    return `<tr data-code="${esc(r.county.code)}"><td>${esc(r.county.code)}</td><td>${href ? `<a href="${esc(href)}">${esc(r.county.name)}</a>` : esc(r.county.name)}</td><td>${esc(r.county.prefecture)}</td>${td(signed(yuanExact(r.fields.standardCostFen.delta), r.fields.standardCostFen.delta), r.fields.standardCostFen.delta)}${td(signed(yuanExact(r.fields.centralFen.delta), r.fields.centralFen.delta), r.fields.centralFen.delta)}${td(signed(yuanExact(r.fields.generalFen.delta), r.fields.generalFen.delta), r.fields.generalFen.delta)}${diffCells(ctx, r.fields.gapFen)}${td(signed(fixed(pc, 2), pc), pc, pc > 0 ? 'pos' : pc < 0 ? 'better' : '')}</tr>`;
  });
  const countyTable = `<div class="scroll"><table class="sortable counties"><thead><tr>${th(ctx.t('code'))}${th(ctx.t('county'))}${th(ctx.t('prefecture'))}${th(`${ctx.t('standardCost')}${ctx.colon}${ctx.t('change')}`, true)}${th(`${ctx.t('level_central')}${ctx.colon}${ctx.t('change')}`, true)}${th(`${ctx.t('generalTransfers')}${ctx.colon}${ctx.t('change')}`, true)}${th(`${ctx.t('gapOrSurplus')}${ctx.colon}${ctx.t('baseValue')}`, true)}${th(`${ctx.t('gapOrSurplus')}${ctx.colon}${ctx.t('scenarioValue')}`, true)}${th(`${ctx.t('gapOrSurplus')}${ctx.colon}${ctx.t('change')}`, true)}${th(`${ctx.t('gapPerCapita')}${ctx.colon}${ctx.t('change')}`, true)}</tr></thead><tbody>${countyRows.join('')}</tbody></table></div>`;

  // a comparison where nothing differs says so, rather than drawing zeros
  const unchangedNote = c.unchanged
    ? `<p class="note warn" data-key="unchanged">${esc(ctx.t('comparisonUnchanged', { years: c.years.join(', ') }))}</p>`
    : c.unchangedYears.includes(year) ? `<p class="note warn" data-key="unchanged-year">${esc(ctx.t('comparisonUnchangedYear', { years: c.unchangedYears.join(', ') }))}</p>` : '';
  const body = `
<section id="changes"><h2>${esc(ctx.t('changes'))}</h2>${changes}</section>
<section id="headlines"><h2>${esc(ctx.t('headlines'))}${ctx.paren(year)}</h2>${unchangedNote}${cards}</section>
<section id="winners-losers"><h2>${esc(ctx.t('winnersLosers'))}</h2>${wlChart}<h3>${esc(ctx.t('bands'))}</h3>${bandTable}</section>
<section id="by-level"><h2>${esc(ctx.t('byLevel'))}</h2>${figure('', undefined, levelChart)}${levelTable}</section>
<section id="by-item"><h2>${esc(ctx.t('byItem'))}</h2>${itemChart}${itemTable}</section>
<section id="by-year"><h2>${esc(ctx.t('byYear'))}</h2>${figure('', undefined, yearChart, legend(series.map((s, k) => [s, ['#9aa5b1', '#2f4b7c'][k]!])))}${yearTable}</section>
${provinceTable}
<section id="measures"><h2>${esc(ctx.t('measureChanges'))}${ctx.paren(year)}</h2>${measures}<p class="note">${esc(ctx.t('weighted'))}</p></section>
<section id="by-county"><h2>${esc(ctx.t('byCounty'))}</h2><p class="note">${esc(ctx.t('sortHint'))}</p>${countyTable}</section>`;
  return htmlPage({
    lang: ctx.lang,
    title: ctx.t('comparisonTitle', { scenario: ctx.meta.scenarioName, base: input.baseName }),
    meta: [
      `${esc(ctx.t('scenario'))} <b>${esc(ctx.meta.scenarioName)}</b> — ${esc(ctx.scenarioTitle())}`,
      `${esc(ctx.t('base'))} <b>${esc(input.baseName)}</b> — ${esc(ctx.lang === 'zh' ? (input.baseTitleZh ?? input.baseTitle) : input.baseTitle)}`,
      `${esc(ctx.t('years'))} <b>${c.years.join(', ')}</b>`,
      `${esc(ctx.t('basis'))} <b>${esc(ctx.basisName())}</b>`,
      esc(ctx.t('countiesAndResidents', { n: rows.length, pop: persons(total.population) })),
    ],
    body,
    footer: footerLines(ctx),
    sortable: true,
    print: 'landscape',
  });
}

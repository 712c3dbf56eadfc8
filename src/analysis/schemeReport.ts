/** Tables, chart and terminal table of a scheme comparison. */
import { group } from '../i18n/money.ts';
import type { Lang } from '../i18n/lang.ts';
import { schemeName } from '../i18n/schemeNames.ts';
import type { County } from '../model/county.ts';
import { fenToYuanString } from '../model/money.ts';
import type { Row } from '../tables/countyTable.ts';
import { schemeBars, type BarDatum } from './charts.ts';
import type { Comparison, SchemeOutcome } from './schemeComparison.ts';

export const SCHEME_SUMMARY_COLUMNS = [
  'scheme', 'title', 'year', 'central_pool', 'county_pool', 'equalization', 'county_pool_returned', 'guarantee',
  'gini', 'theil', 'theil_between', 'theil_within', 'cv', 'max_min', 'decile_ratio',
  'gini_before_transfers', 'gini_after_general', 'gini_after_general_mof',
  'mean_resources_pc', 'counties_in_gap', 'residents_in_gap', 'total_gap', 'net_gap', 'plan_gap',
  'central_pays', 'provincial_pays', 'prefecture_pays', 'county_pays', 'unfunded',
  'mean_abs_change_pc', 'counties_gaining', 'counties_losing', 'mean_rank_shift_pct',
] as const;

const f = (x: number, d: number): string => (Number.isFinite(x) ? x.toFixed(d) : '');
const yuanFloat = (fen: number): string => (fen / 100).toFixed(2);
const total = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** The summary rows; in Chinese the title column holds the scheme's Chinese name. */
export function summaryRows(c: Comparison, lang: Lang = 'en'): Row[] {
  return c.outcomes.map((o) => ({
    scheme: o.name,
    title: lang === 'zh' && schemeName(o.name, 'zh') !== o.name ? schemeName(o.name, 'zh') : o.title,
    year: c.year,
    central_pool: fenToYuanString(o.centralPoolFen),
    county_pool: fenToYuanString(o.countyPoolFen),
    equalization: fenToYuanString(total(o.equalizationFen)),
    county_pool_returned: fenToYuanString(o.returnedFen),
    guarantee: fenToYuanString(total(o.guaranteeFen)),
    gini: f(o.measures.gini, 6),
    theil: f(o.measures.theil.total, 6),
    theil_between: f(o.measures.theil.between, 6),
    theil_within: f(o.measures.theil.within, 6),
    cv: f(o.measures.cv, 6),
    max_min: f(o.measures.maxMin, 4),
    decile_ratio: f(o.measures.decileRatio, 4),
    gini_before_transfers: f(o.giniBefore, 6),
    gini_after_general: f(o.giniAfterGeneral, 6),
    gini_after_general_mof: f(o.giniAfterGeneralMof, 6),
    mean_resources_pc: f(o.measures.mean, 2),
    counties_in_gap: o.countiesInGap,
    residents_in_gap: Math.round(o.residentsInGap),
    total_gap: fenToYuanString(o.shortfallFen),
    net_gap: fenToYuanString(o.netGapFen),
    plan_gap: fenToYuanString(o.planShortfallFen),
    central_pays: yuanFloat(o.payments.centralFen),
    provincial_pays: yuanFloat(o.payments.provincialFen),
    prefecture_pays: yuanFloat(o.payments.prefectureFen),
    county_pays: yuanFloat(o.payments.countyFen),
    unfunded: yuanFloat(o.payments.unfundedFen),
    mean_abs_change_pc: f(o.meanAbsChangePerCapita, 2),
    counties_gaining: o.countiesGaining,
    counties_losing: o.countiesLosing,
    mean_rank_shift_pct: f(o.meanRankShift, 2),
  }));
}

export const SCHEME_COUNTY_COLUMNS = [
  'code', 'name', 'province', 'year', 'scheme', 'population', 'equalization', 'equalization_pc', 'status_quo_equalization', 'change_vs_status_quo', 'change_pc',
  'guarantee', 'general', 'resources_pc', 'gap', 'plan_gap', 'rank_before', 'rank_after',
] as const;

export function countyRows(c: Comparison, counties: readonly County[], population: readonly number[]): Row[] {
  const statusQuo = c.outcomes.find((o) => o.name === 'status_quo')!;
  const rows: Row[] = [];
  c.focus.forEach((i, k) => {
    const county = counties[i]!;
    const pop = population[k]!;
    for (const o of c.outcomes) {
      const t = o.equalizationFen[k]!;
      const delta = t - statusQuo.equalizationFen[k]!;
      rows.push({
        code: county.code,
        name: county.name,
        province: county.province,
        year: c.year,
        scheme: o.name,
        population: Math.round(pop),
        equalization: fenToYuanString(t),
        equalization_pc: pop > 0 ? f(t / 100 / pop, 2) : '',
        status_quo_equalization: fenToYuanString(statusQuo.equalizationFen[k]!),
        change_vs_status_quo: fenToYuanString(delta),
        change_pc: pop > 0 ? f(delta / 100 / pop, 2) : '',
        guarantee: fenToYuanString(o.guaranteeFen[k]!),
        general: fenToYuanString(o.generalFen[k]!),
        resources_pc: pop > 0 ? f(o.resourcesFen[k]! / 100 / pop, 2) : '',
        gap: fenToYuanString(o.gapsFen[k]!),
        plan_gap: fenToYuanString(o.planGapsFen[k]!),
        rank_before: o.rankBefore[k]!,
        rank_after: o.rankAfter[k]!,
      });
    }
  });
  return rows;
}

/** Names of the chart's panels. */
const CHART_MEASURES = {
  zh: { gini: '基尼系数', theil: '泰尔指数', cv: '变异系数', counties: '有缺口县数', gap: '缺口（亿元）', change: '人均变动|Δ|（元）' },
  en: { gini: 'Gini', theil: 'Theil', cv: 'CV', counties: 'counties in gap', gap: 'gap (100 million yuan)', change: 'mean |Δ| per resident' },
} as const;

export function comparisonChart(c: Comparison, title: string, lang: Lang = 'en'): string {
  const data: BarDatum[] = [];
  const m = CHART_MEASURES[lang];
  for (const o of c.outcomes) {
    const scheme = schemeName(o.name, lang);
    data.push({ scheme, measure: m.gini, value: o.measures.gini });
    data.push({ scheme, measure: m.theil, value: o.measures.theil.total });
    data.push({ scheme, measure: m.cv, value: o.measures.cv });
    data.push({ scheme, measure: m.counties, value: o.countiesInGap });
    data.push({ scheme, measure: m.gap, value: o.shortfallFen / 1e10 });
    data.push({ scheme, measure: m.change, value: o.meanAbsChangePerCapita });
  }
  return schemeBars(data, title);
}

/** The chart's title. */
export function comparisonChartTitle(c: Comparison, label: string, lang: Lang): string {
  const pools = (c.countyPoolFen / 1e10).toFixed(1);
  return lang === 'zh'
    ? `均衡性转移支付省对县阶段的分配方案，${label}，${c.year} 年：县级资金池 ${pools} 亿元`
    : `Transfer schemes in the province → county stage, ${label}, ${c.year}: county pools ${pools} 亿元`;
}

/** Display width: CJK characters take two columns. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, n: number, right = true): string {
  const fill = ' '.repeat(Math.max(0, n - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** Columns of the terminal table: header in both languages' order of the chosen one, and the cell of an outcome. */
interface TableColumn {
  readonly zh: string;
  readonly en: string;
  readonly cell: (o: SchemeOutcome) => string;
}

/** 亿元 with two decimals and thousands separators (a display figure; the CSV holds the exact yuan). */
const yi = (fen: number): string => group(fen / 1e10, 2);

const TABLE_COLUMNS: readonly TableColumn[] = [
  { zh: '县级资金池', en: 'county pool', cell: (o) => yi(o.countyPoolFen) },
  { zh: '均衡性转移支付', en: 'equalization', cell: (o) => yi(total(o.equalizationFen)) },
  { zh: '退回省级', en: 'returned', cell: (o) => yi(o.returnedFen) },
  { zh: '保障补助', en: 'guarantee', cell: (o) => yi(total(o.guaranteeFen)) },
  { zh: '基尼', en: 'Gini', cell: (o) => f(o.measures.gini, 4) },
  { zh: '泰尔', en: 'Theil', cell: (o) => f(o.measures.theil.total, 4) },
  { zh: '省间', en: 'between', cell: (o) => f(o.measures.theil.between, 4) },
  { zh: '省内', en: 'within', cell: (o) => f(o.measures.theil.within, 4) },
  { zh: '变异系数', en: 'CV', cell: (o) => f(o.measures.cv, 3) },
  { zh: '最大/最小', en: 'max/min', cell: (o) => f(o.measures.maxMin, 1) },
  { zh: '十分位比', en: 'D10/D1', cell: (o) => f(o.measures.decileRatio, 2) },
  { zh: '有缺口县数', en: 'counties in gap', cell: (o) => group(o.countiesInGap) },
  { zh: '有缺口县人口', en: 'residents in gap', cell: (o) => group(Math.round(o.residentsInGap)) },
  { zh: '缺口', en: 'gap', cell: (o) => yi(o.shortfallFen) },
  { zh: '中央负担', en: 'central', cell: (o) => yi(o.payments.centralFen) },
  { zh: '省级负担', en: 'province', cell: (o) => yi(o.payments.provincialFen) },
  { zh: '县级负担', en: 'county', cell: (o) => yi(o.payments.countyFen) },
  { zh: '无资金来源', en: 'unfunded', cell: (o) => yi(o.payments.unfundedFen) },
  { zh: '人均变动|Δ|（元）', en: '|Δ|/resident (yuan)', cell: (o) => group(o.meanAbsChangePerCapita, 0) },
];

/** Space between columns: numbers never run together. */
const GAP = '  ';

export function formatComparison(c: Comparison, label: string, lang: Lang = 'zh'): string {
  const zh = lang === 'zh';
  const lines: string[] = [];
  lines.push(
    zh
      ? `${label} — ${c.year} 年：${group(c.focus.length)} 个县；中央均衡性转移支付资金 ${yi(c.centralPoolFen)} 亿元，所涉省份的县级资金池（下拨 + 省级补充）${yi(c.countyPoolFen)} 亿元，各方案相同`
      : `${label} — ${c.year}: ${group(c.focus.length)} counties; central equalization pool ${yi(c.centralPoolFen)} 亿元 (100 m yuan), county-stage pools of their provinces (pass-down + top-up) ${yi(c.countyPoolFen)} 亿元, the same for every scheme`,
  );
  lines.push(
    zh
      ? '金额单位：亿元；不平等指标为全部转移支付后人均财力的人口加权值；缺口 = 需求 − 财力'
      : 'Money in 亿元 (100 m yuan); measures of per-capita resources after all transfers, population-weighted; gap = needs − resources',
  );
  const headers = TABLE_COLUMNS.map((col) => (zh ? col.zh : col.en));
  const cells = c.outcomes.map((o) => TABLE_COLUMNS.map((col) => col.cell(o)));
  const widths = TABLE_COLUMNS.map((_, k) => Math.max(displayWidth(headers[k]!), ...cells.map((r) => displayWidth(r[k]!))));
  const names = c.outcomes.map((o) => schemeName(o.name, lang));
  const nameWidth = Math.max(displayWidth(zh ? '方案' : 'scheme'), ...names.map(displayWidth));
  lines.push([pad(zh ? '方案' : 'scheme', nameWidth, false), ...headers.map((h, k) => pad(h, widths[k]!))].join(GAP));
  c.outcomes.forEach((_, i) => lines.push([pad(names[i]!, nameWidth, false), ...cells[i]!.map((x, k) => pad(x, widths[k]!))].join(GAP)));
  for (const o of c.outcomes) {
    if (o.returnedFen !== 0) {
      lines.push(
        zh
          ? `注：“${schemeName(o.name, lang)}”按2011年公式分配，每县所得不超过其缺口（县级系数上限为 1），县级资金池中 ${yi(o.returnedFen)} 亿元未分配，退回省级预算（可用于保障补助）；其他方案全额分配资金池。`
          : `note: ${o.name} follows the 2011 formula, which gives no county more than its gap (the county coefficient is capped at 1): ${yi(o.returnedFen)} 亿元 of the county pools is not spent and returns to the provinces' budgets (where it can fund the guarantee); the schemes spend the whole pool.`,
      );
    }
    if (o.countyPoolFen === 0 && c.countyPoolFen !== 0) {
      lines.push(zh ? `注：“${schemeName(o.name, lang)}”没有资金池，作为比较的参照。` : `note: ${o.name} has no pool: it is the reference without the equalization transfer.`);
    } else if (o.countyPoolFen !== c.countyPoolFen) {
      lines.push(
        zh
          ? `注：“${schemeName(o.name, lang)}”的县级资金池为 ${yi(o.countyPoolFen)} 亿元，与其他方案不同。`
          : `note: ${o.name} has a county pool of ${yi(o.countyPoolFen)} 亿元, not the one the other outcomes share.`,
      );
    }
  }
  return lines.join('\n');
}

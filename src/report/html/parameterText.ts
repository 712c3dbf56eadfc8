/**
 * What a parameter is, in the page's language, for the sources appendix of a county page:
 * built from what the parameter points at (the item's Chinese name, the rule's Chinese
 * wording, the transfer's Chinese description), so that a Chinese page needs no English.
 */
import { unitLabel } from '../../i18n/units.ts';
import type { ParameterInfo } from '../../scenarios/parameterRegistry.ts';
import type { ScenarioChangeValues } from '../../scenarios/scenario.ts';
import type { ReportContext } from './context.ts';
import { driverName } from './labels.ts';

/** The growth settings of data/projection/growth.yaml, in Chinese. */
const GROWTH_ZH: Readonly<Record<string, string>> = {
  population_growth: '人口普查年度之后各人口指标的年增长率',
  revenue_growth: '县级数据最后年度之后本级收入的年增长率',
};

const SPLIT_VARIANT = { through_prefecture: '经地市', directly_managed: '省直管县' } as const;

/** The parameter's description: in Chinese from the data's Chinese names, in English as the registry gives it. */
export function parameterDescription(ctx: ReportContext, info: ParameterInfo): string {
  if (ctx.lang === 'en') return info.description;
  const t = info.target;
  switch (t.area) {
    case 'item':
    case 'eligibility': {
      const item = ctx.policy.items.find((i) => i.id === t.itemId);
      const name = item?.name_zh ?? t.itemId;
      if (t.area === 'eligibility') {
        const factor = item?.eligibility.find((e) => e.id === t.factorId);
        return `${name}：${factor?.description_zh ?? '受益资格比例'}${t.otherwise ? '（不满足条件的县）' : ''}`;
      }
      if (t.field === 'coverage') return `${name}：覆盖率（服务对象：${item ? driverName('zh', item.driver) : ''}）`;
      return `${name}：单位标准`;
    }
    case 'rule': {
      const rule = ctx.policy.rules.get(t.ruleId);
      const name = rule?.wording_zh ?? t.ruleId;
      return `${name}：${t.field === 'central_share' ? '中央分担比例' : '中央按受益对象定额补助'}`;
    }
    case 'local_split':
      return `地方负担部分在省、地市、县之间的分担比例（${SPLIT_VARIANT[t.variant]}）`;
    case 'transfers': {
      const p = ctx.policy.transfers[t.name] as { readonly description_zh?: string } | undefined;
      return p?.description_zh ?? info.description;
    }
    case 'growth':
      return GROWTH_ZH[t.name] ?? info.description;
  }
}

/** The parameter's unit in the page's language (元/生/年, 比例 …). */
export function parameterUnit(ctx: ReportContext, unit: string): string {
  return unitLabel(unit, ctx.lang);
}

const VALUE_WORDS_ZH: ReadonlyArray<readonly [RegExp, string]> = [
  [/\((east|central|west)\)/g, '（$1）'],
  [/\beast\b/g, '东部'], [/\bcentral\b/g, '中部'], [/\bwest\b/g, '西部'],
  [/\(tier (\d)\)/g, '（第$1档）'],
  [/\(by region_group\)/g, '（按地区组）'], [/\(by tier_2018\)/g, '（按2018年分档）'],
  [/\bprovince (?=[\d.])/g, '省 '], [/\bprefecture (?=[\d.])/g, '地市 '], [/\bcounty (?=[\d.])/g, '县 '],
];

/** A parameter's value as text in the page's language: region groups, tiers and split parts named in Chinese. */
export function parameterValue(ctx: Pick<ReportContext, 'lang'>, value: string): string {
  if (ctx.lang === 'en') return value;
  return VALUE_WORDS_ZH.reduce((text, [re, to]) => text.replace(re, to), value);
}

/** Names of the keys of a grouped value (by region group, by tier, split parts) in the page's language. */
const GROUP_KEYS: Readonly<Record<string, readonly [string, string]>> = {
  west: ['西部', 'west'], central: ['中部', 'central'], east: ['东部', 'east'],
  province: ['省', 'province'], prefecture: ['地市', 'prefecture'], county: ['县', 'county'],
};
const GROUP_BY: Readonly<Record<string, readonly [string, string]>> = {
  region_group: ['按地区组', 'by region group'],
  tier_2018: ['按2018年分档', 'by 2018 tier'],
};

/** A number as written in a change: digits grouped, up to 6 decimals. */
function changeNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** One value a scenario gives a parameter, in words: a number with its unit, a grouped value part by part, 是/否. */
function changeValue(ctx: Pick<ReportContext, 'lang'>, value: unknown, unit: string | undefined): string {
  const zh = ctx.lang === 'zh';
  const money = unit !== undefined && /^yuan\b/.test(unit) ? ` ${unitLabel(unit, ctx.lang)}` : '';
  if (typeof value === 'number') return `${changeNumber(value)}${money}`;
  if (typeof value === 'boolean') return zh ? (value ? '是' : '否') : (value ? 'yes' : 'no');
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    const by = entries.find(([k]) => k === 'by')?.[1];
    const byText = typeof by === 'string' ? (GROUP_BY[by]?.[zh ? 0 : 1] ?? (zh ? `按 ${by}` : `by ${by}`)) : undefined;
    const parts = entries.filter(([k]) => k !== 'by').map(([k, v]) => {
      const name = GROUP_KEYS[k]?.[zh ? 0 : 1] ?? (/^\d+$/.test(k) ? (zh ? `第${k}档` : `tier ${k}`) : k);
      return `${name} ${typeof v === 'number' ? changeNumber(v) : typeof v === 'string' ? v : JSON.stringify(v)}`;
    });
    const list = parts.join(zh ? '，' : ', ');
    return `${byText ? (zh ? `（${byText}）` : `(${byText}) `) : ''}${list}${money}`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * What a scenario file sets a parameter to, in the page's language: "raise.yaml：2014年起 70 元/人/月",
 * "raise.yaml: from 2014, 70 yuan/person/month"; a formula as its text.
 */
export function changeText(ctx: Pick<ReportContext, 'lang' | 'colon'>, change: ScenarioChangeValues, unit: string | undefined): string {
  const zh = ctx.lang === 'zh';
  const years = change.byYear.map((v) => {
    const what = v.formula !== undefined ? `${zh ? '公式' : 'formula'} ${v.formula}` : changeValue(ctx, v.value, unit);
    return zh ? `${v.from}年起 ${what}` : `from ${v.from}, ${what}`;
  });
  return `${change.file}${ctx.colon}${years.join(zh ? '；' : '; ')}`;
}

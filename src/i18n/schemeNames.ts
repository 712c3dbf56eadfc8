/**
 * Short names of the transfer schemes `schemes` compares, by id, for tables and charts: the
 * Chinese name in Chinese output; English output keeps the id, as it always has.
 */
import type { Lang } from './lang.ts';

const SCHEME_NAMES_ZH: Readonly<Record<string, string>> = {
  status_quo: '现行（情景所定）',
  no_equalization: '不设均衡性转移支付',
  china_equalization: '2011年均衡性公式',
  simple_gap: '简单缺口法（2011年前）',
  basic_guarantee: '县级基本财力保障',
  equal_per_capita: '按人口平均',
  needs_based: '按支出需求',
  gap_filling: '优先填补最大缺口',
  matching: '配套补助',
  japan_lat: '日本地方交付税',
  australia_hfe: '澳大利亚横向均等化',
  canada_capacity: '加拿大财力标准',
};

/** A scheme's name for display: Chinese in zh (the id when it has none), the id in en. */
export function schemeName(id: string, lang: Lang): string {
  return lang === 'zh' ? (SCHEME_NAMES_ZH[id] ?? id) : id;
}

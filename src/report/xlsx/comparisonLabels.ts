/**
 * The workbook's comparison sheets in words: the level of government, the inequality stage
 * and the measure, which the CSV tables keep as ids (central, afterAll, gini), shown as their
 * labels in the chosen language (中央, 全部转移支付后, 基尼系数).
 */
import type { Row } from '../../tables/countyTable.ts';
import { t, type Lang, type LabelKey } from '../html/labels.ts';

const LEVELS: Readonly<Record<string, LabelKey>> = {
  central: 'level_central',
  provincial: 'level_provincial',
  prefecture: 'level_prefecture',
  county: 'level_county',
};

const STAGES: Readonly<Record<string, LabelKey>> = {
  beforeTransfers: 'stage_before',
  afterGeneral: 'stage_afterGeneral',
  afterGeneralMof: 'stage_afterGeneralMof',
  afterAll: 'stage_afterAll',
};

/** A measure id as a label: its own key, or the Theil index with its part (by province). */
function measureLabel(lang: Lang, id: string): string {
  const zh = lang === 'zh';
  const part = (key: LabelKey): string => (zh ? `${t(lang, 'theil')}（${t(lang, key)}，${t(lang, 'province')}）` : `${t(lang, 'theil')} (${t(lang, key)}, ${t(lang, 'province')})`);
  switch (id) {
    case 'gini': return t(lang, 'gini');
    case 'theil': return t(lang, 'theil');
    case 'theil_between_provinces': return part('theilBetween');
    case 'theil_within_provinces': return part('theilWithin');
    case 'cv': return t(lang, 'cv');
    case 'max_min': return t(lang, 'maxMin');
    case 'decile_ratio': return t(lang, 'decileRatio');
    case 'mean_per_capita': return t(lang, 'mean');
    default: return id;
  }
}

/** Level comparison rows with the level's label in place of its id. */
export function labelLevelRows(rows: readonly Row[], lang: Lang): Row[] {
  return rows.map((r) => {
    const key = LEVELS[String(r.level)];
    return key ? { ...r, level: t(lang, key) } : { ...r };
  });
}

/** Measure comparison rows with the stage's and the measure's labels in place of their ids. */
export function labelMeasureRows(rows: readonly Row[], lang: Lang): Row[] {
  return rows.map((r) => {
    const stage = STAGES[String(r.stage)];
    return { ...r, stage: stage ? t(lang, stage) : String(r.stage), measure: measureLabel(lang, String(r.measure)) };
  });
}

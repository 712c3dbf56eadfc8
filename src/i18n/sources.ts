/**
 * Where a number comes from, in words, in either language: a seed quote (the 12th Five-Year
 * Plan text), a policy document with its note, or an assumption with its reasoning. The shape
 * is that of src/input/sourceSchema.ts, restated here so that this foundation imports nothing.
 */
import type { Lang } from './lang.ts';

export type SourceText =
  | { readonly kind: 'seed'; readonly chapter: number; readonly table?: string | undefined; readonly quote: string }
  | { readonly kind: 'policy'; readonly document: string; readonly note?: string | undefined; readonly note_zh?: string | undefined }
  | { readonly kind: 'assumption'; readonly reasoning: string; readonly reasoning_zh?: string | undefined };

/** What kind of source it is: 规划原文 / 政策文件 / 假设 (seed / policy / assumption). */
export function sourceKindLabel(kind: SourceText['kind'], lang: Lang): string {
  const names = { seed: { zh: '规划原文', en: 'seed' }, policy: { zh: '政策依据', en: 'policy' }, assumption: { zh: '假设', en: 'assumption' } } as const;
  return names[kind][lang];
}

/**
 * One line describing a source: zh「规划原文 第4章「表」：“…”」, 「政策依据：文件（说明）」,
 * 「假设：理由」; en "seed ch.4 table「…」: “…”", "policy: document (note)", "assumption: reasoning".
 * A Chinese description falls back to the English note or reasoning only if the data lacks its
 * Chinese text (the schema requires it for the bundled data).
 */
export function describeSource(source: SourceText, lang: Lang): string {
  if (lang === 'zh') {
    switch (source.kind) {
      case 'seed':
        return `规划原文 第${source.chapter}章${source.table ? `「${source.table}」` : ''}：“${source.quote}”`;
      case 'policy': {
        const note = source.note_zh ?? source.note;
        return `政策依据：${source.document}${note ? `（${note}）` : ''}`;
      }
      case 'assumption':
        return `假设：${source.reasoning_zh ?? source.reasoning}`;
    }
  }
  switch (source.kind) {
    case 'seed':
      return `seed ch.${source.chapter}${source.table ? ` table「${source.table}」` : ''}: “${source.quote}”`;
    case 'policy':
      return `policy: ${source.document}${source.note ? ` (${source.note})` : ''}`;
    case 'assumption':
      return `assumption: ${source.reasoning}`;
  }
}

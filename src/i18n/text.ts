/**
 * Bilingual text. Every user-facing string is a `Bilingual` value, `{ zh, en }`, kept in a
 * record typed by `Messages`, so that a missing translation is a compile error. A value is a
 * string, or a function of the figures it shows (same arguments in both languages).
 */
import type { Lang } from './lang.ts';

/** One text in both languages: a string, or a function building it from its arguments. */
export interface Bilingual<T = string> {
  readonly zh: T;
  readonly en: T;
}

/**
 * A module's messages: each key has both languages (`satisfies Messages` checks it). A value is
 * a string, a function building one, or a small record or list of names (e.g. region groups).
 */
export type Messages = Readonly<Record<string, Bilingual<string> | Bilingual<(...args: never[]) => string> | Bilingual<Readonly<Record<string, string>>> | Bilingual<readonly string[]>>>;

/** The text in the chosen language. */
export function pick<T>(lang: Lang, text: Bilingual<T>): T {
  return lang === 'zh' ? text.zh : text.en;
}

/**
 * A module's messages in one language: `const m = inLang(MESSAGES, lang)` then `m.key` (a
 * string) or `m.key(args)` (a function), typed as the record says.
 */
export function inLang<M extends Messages>(messages: M, lang: Lang): { readonly [K in keyof M]: M[K] extends Bilingual<infer T> ? T : never } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(messages)) out[k] = lang === 'zh' ? v.zh : v.en;
  return out as { readonly [K in keyof M]: M[K] extends Bilingual<infer T> ? T : never };
}

/** Both languages on one line, Chinese first ("中文 / English"), for texts shown before the language is known. */
export function both(text: Bilingual): string {
  return text.zh === text.en ? text.zh : `${text.zh} / ${text.en}`;
}

/** Text in the chosen language, falling back to the other one when a (data) translation is absent. */
export function pickOr(lang: Lang, zh: string | undefined, en: string | undefined): string {
  return (lang === 'zh' ? (zh ?? en) : (en ?? zh)) ?? '';
}

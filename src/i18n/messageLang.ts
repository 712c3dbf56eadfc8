/**
 * The language of messages made far from the command line — input errors, notes from the
 * loaders — which have no `lang` argument to carry. The command line sets it once (main.ts)
 * from `--lang`, FISCAL_SIM_LANG or the locale; until then it is what the environment says.
 */
import { chooseLang, type Lang } from './lang.ts';
import { pick, type Bilingual } from './text.ts';

let current: Lang | undefined;
const listeners: Array<(lang: Lang) => void> = [];

/** The language messages are written in now. */
export function messageLang(): Lang {
  return (current ??= chooseLang([], process.env).lang);
}

/** Set the language of messages (main.ts, once the command line is read); listeners hear it. */
export function setMessageLang(lang: Lang): void {
  current = lang;
  for (const listener of listeners) listener(lang);
}

/** Call `listener` with the message language now and whenever it is set (e.g. a library's own messages). */
export function onMessageLang(listener: (lang: Lang) => void): void {
  listeners.push(listener);
  listener(messageLang());
}

/** A message in the message language. */
export function say<T>(text: Bilingual<T>): T {
  return pick(messageLang(), text);
}

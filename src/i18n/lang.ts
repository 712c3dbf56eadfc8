/**
 * The language of everything fiscal-sim shows: Chinese first (its users read Chinese first),
 * English on request. Chosen from `--lang`, else the FISCAL_SIM_LANG environment variable,
 * else the locale (LC_ALL, LC_MESSAGES, LANG).
 */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** The language fiscal-sim uses when nothing else says: Chinese. */
export const DEFAULT_LANG: Lang = 'zh';

export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/** A language named by `--lang` or FISCAL_SIM_LANG: zh, en, or a locale-like zh-CN / en_US (case-insensitive). */
export function parseLang(value: string): Lang | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'zh' || v.startsWith('zh-') || v.startsWith('zh_') || v === 'cn' || v === '中文') return 'zh';
  if (v === 'en' || v.startsWith('en-') || v.startsWith('en_') || v === 'english') return 'en';
  return undefined;
}

/**
 * The language of a POSIX locale: the first of LC_ALL, LC_MESSAGES, LANG that is set and not
 * empty decides; `zh*` → zh, `en*` → en; C, POSIX, unset or any other language → zh.
 */
export function langFromLocale(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((v) => v !== undefined && v !== '');
  if (locale === undefined) return DEFAULT_LANG;
  const l = locale.toLowerCase();
  if (l.startsWith('en')) return 'en';
  return DEFAULT_LANG;
}

/** The value of `--lang` in a command line (`--lang zh` or `--lang=zh`), the last one winning; undefined when absent. */
export function langArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang' && i + 1 < argv.length) found = argv[++i];
    else if (a.startsWith('--lang=')) found = a.slice('--lang='.length);
  }
  return found;
}

export interface LangChoice {
  readonly lang: Lang;
  /** set when --lang or FISCAL_SIM_LANG names no language we have: the bilingual message to show */
  readonly problem?: string;
}

/**
 * The language for a command line: `--lang`, else FISCAL_SIM_LANG, else the locale. A value
 * that names no language is reported in `problem` (the language then falls back to the next
 * source), so that the caller can refuse it with a clear message.
 */
export function chooseLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): LangChoice {
  const arg = langArgument(argv);
  if (arg !== undefined) {
    const lang = parseLang(arg);
    if (lang) return { lang };
    return { lang: chooseLang([], env).lang, problem: `--lang "${arg}": use zh or en / 语言只能是 zh（中文）或 en（英文）` };
  }
  const fromEnv = env['FISCAL_SIM_LANG'];
  if (fromEnv !== undefined && fromEnv !== '') {
    const lang = parseLang(fromEnv);
    if (lang) return { lang };
    return { lang: langFromLocale(env), problem: `FISCAL_SIM_LANG="${fromEnv}": use zh or en / 环境变量 FISCAL_SIM_LANG 只能是 zh 或 en` };
  }
  return { lang: langFromLocale(env) };
}

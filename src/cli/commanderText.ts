/**
 * commander's own words in the reader's language: the help's headings, the placeholders of
 * options and arguments (`<years>` → `<年份>`), "(default: …)", and commander's errors
 * (unknown option or command, missing or invalid argument). English keeps commander's text.
 * Chinese help also measures a Chinese character as two columns and may wrap between
 * characters, so that its columns line up and its lines fit the terminal.
 */
import { Help, type HelpConfiguration, type Option, type Argument } from 'commander';
import type { Lang } from '../i18n/lang.ts';
import { inLang } from '../i18n/text.ts';
import { CLI_TEXT } from './cliText.ts';

/** The Chinese name of each placeholder and argument in the help (`<years>`, `[scenarios...]`, `county`). */
const PLACEHOLDERS_ZH: Readonly<Record<string, string>> = {
  options: '选项',
  command: '命令',
  amount: '金额',
  axis: '网格轴',
  base: '基准',
  'base-or-scenario': '基准或情景',
  basis: '口径',
  county: '县',
  detail: '明细',
  dir: '目录',
  file: '文件',
  id: '方案',
  ids: '方案',
  lang: '语言',
  list: '格式',
  n: '数',
  path: '路径',
  province: '省',
  scenario: '情景',
  scenarios: '情景',
  unit: '单位',
  year: '年份',
  years: '年份',
};

/** `<years>`, `[options]`, `[scenarios...]` in a usage line or term, in Chinese where the name is known. */
export function placeholdersZh(text: string): string {
  return text.replace(/([<[])([a-z-]+)((?:\.\.\.)?)([>\]])/g, (all, open: string, name: string, dots: string, close: string) => {
    const zh = PLACEHOLDERS_ZH[name];
    return zh === undefined ? all : `${open}${zh}${dots}${close}`;
  });
}

/** A bare argument name (`county`) in Chinese, as the help lists it under 参数. */
function argumentNameZh(name: string): string {
  return PLACEHOLDERS_ZH[name] ?? name;
}

/** Characters a terminal shows two columns wide: CJK ideographs, kana, hangul, full-width forms and CJK punctuation. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/** The columns a string takes in a terminal: a wide character counts two. */
export function displayWidth(s: string): number {
  const plain = s.replace(ANSI, '');
  return plain.length + (plain.match(WIDE)?.length ?? 0);
}

/** Punctuation that must not begin a line: it stays with what it follows. */
const CLOSING = '，。；：、）」』》！？”’';
/** A chunk to wrap by: one wide character, or a run of other non-space characters, with any closing punctuation after it. */
const CHUNK = new RegExp(`\\s*(?:[\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef][${CLOSING}]*|[^\\s\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]+[${CLOSING}]*)`, 'g');

/** Wrap at spaces and between Chinese characters to `width` columns, keeping the line breaks given. */
export function wrapZh(text: string, width: number): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const chunks = line.match(CHUNK);
      if (!chunks) return '';
      const lines: string[] = [];
      let current = chunks[0];
      for (const chunk of chunks.slice(1)) {
        if (displayWidth(current) + displayWidth(chunk) <= width) current += chunk;
        else {
          lines.push(current);
          current = chunk.trimStart();
        }
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}

/** What commander adds after a description ("(default: …)", choices), in Chinese. */
function extraZh(description: string, parts: ReadonlyArray<readonly [string, string | undefined]>): string {
  const given = parts.filter((p): p is readonly [string, string] => p[1] !== undefined).map(([label, value]) => `${label}：${value}`);
  if (given.length === 0) return description;
  return `${description}（${given.join('；')}）`;
}

/** A default value as the help shows it: a list as written on the command line (html,xlsx), text unquoted in Chinese. */
function defaultText(value: unknown, lang: Lang): string {
  if (Array.isArray(value)) return value.map(String).join(',');
  return lang === 'zh' && typeof value === 'string' ? value : JSON.stringify(value);
}

const choicesOf = (choices: readonly string[] | undefined): string | undefined => (choices ? choices.map((c) => JSON.stringify(c)).join('、') : undefined);

/**
 * The help configuration for `lang`: in Chinese, the headings, placeholders and the default
 * and choices notes in Chinese, widths and wrapping for Chinese text; in English, commander's
 * own with the headings named in CLI_TEXT.
 */
export function helpConfiguration(lang: Lang): HelpConfiguration {
  const m = inLang(CLI_TEXT, lang);
  const titles: Readonly<Record<string, string>> = { 'Usage:': m.titleUsage, 'Options:': m.titleOptions, 'Commands:': m.titleCommands, 'Arguments:': m.titleArguments, 'Global Options:': m.titleGlobalOptions };
  if (lang === 'en') {
    // commander's own notes, but a list default as written on the command line (html,xlsx), not as JSON
    const help = new Help();
    return {
      styleTitle: (s) => titles[s] ?? s,
      optionDescription: (option: Option): string => help.optionDescription(Array.isArray(option.defaultValue) && option.defaultValueDescription === undefined ? Object.assign(Object.create(Object.getPrototypeOf(option) as object) as Option, option, { defaultValueDescription: defaultText(option.defaultValue, lang) }) : option),
    };
  }
  const base = new Help();
  return {
    styleTitle: (s) => titles[s] ?? s,
    styleUsage: placeholdersZh,
    styleSubcommandTerm: placeholdersZh,
    styleOptionTerm: placeholdersZh,
    styleArgumentTerm: argumentNameZh,
    displayWidth,
    boxWrap(text: string, width: number): string {
      return width < base.minWidthToWrap ? text : wrapZh(text, width);
    },
    optionDescription(option: Option): string {
      const showDefault = option.defaultValue !== undefined && (option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean'));
      return extraZh(option.description, [
        [m.choicesValue, choicesOf(option.argChoices)],
        [m.defaultValue, showDefault ? (option.defaultValueDescription ?? defaultText(option.defaultValue, lang)) : undefined],
        [m.envValue, option.envVar],
      ]);
    },
    argumentDescription(argument: Argument): string {
      return extraZh(argument.description, [
        [m.choicesValue, choicesOf(argument.argChoices)],
        [m.defaultValue, argument.defaultValue !== undefined ? (argument.defaultValueDescription ?? defaultText(argument.defaultValue, lang)) : undefined],
      ]);
    },
  };
}

/**
 * One of commander's error messages in `lang`: the known forms in Chinese (unknown option or
 * command, missing or invalid argument, too many arguments, conflicting options, "did you
 * mean"); English unchanged.
 */
export function commanderError(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  const m = inLang(CLI_TEXT, lang);
  type Groups = ReadonlyArray<string | undefined>;
  const at = (g: Groups, i: number): string => g[i] ?? '';
  const rules: ReadonlyArray<readonly [RegExp, (g: Groups) => string]> = [
    [/^error: unknown option '([^']*)'/, (g) => m.cmdUnknownOption(at(g, 0))],
    [/^error: unknown command '([^']*)'/, (g) => m.cmdUnknownCommand(at(g, 0))],
    [/^error: missing required argument '([^']*)'/, (g) => m.cmdMissingArgument(argumentNameZh(at(g, 0)))],
    [/^error: option '([^']*)' argument missing/, (g) => m.cmdOptionMissingValue(placeholdersZh(at(g, 0)))],
    [/^error: required option '([^']*)' not specified/, (g) => m.cmdRequiredOption(placeholdersZh(at(g, 0)))],
    [/^error: option '([^']*)' argument '([^']*)' is invalid\.\s*/, (g) => m.cmdInvalidOptionValue(placeholdersZh(at(g, 0)), at(g, 1))],
    [/^error: option '([^']*)' value '([^']*)' from env '([^']*)' is invalid\.\s*/, (g) => m.cmdInvalidEnvValue(placeholdersZh(at(g, 0)), at(g, 1), at(g, 2))],
    [/^error: command-argument value '([^']*)' is invalid for argument '([^']*)'\.\s*/, (g) => m.cmdInvalidArgument(argumentNameZh(at(g, 1)), at(g, 0))],
    [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, (g) => m.cmdTooManyArguments(at(g, 0), Number(at(g, 1)), Number(at(g, 2)))],
    [/^error: (.*) cannot be used with (.*)$/m, (g) => m.cmdConflict(at(g, 0).replace(/^option /, ''), at(g, 1).replace(/^option /, ''))],
    [/\(Did you mean one of ([^?]*)\?\)/, (g) => m.cmdDidYouMean(at(g, 0).split(', ').join('、'))],
    [/\(Did you mean ([^?]*)\?\)/, (g) => m.cmdDidYouMean(at(g, 0))],
    [/^error: /, () => m.cmdError],
  ];
  let text = message;
  for (const [pattern, zh] of rules) {
    text = text.replace(pattern, (...args: unknown[]) => zh(args.slice(1, -2).map((g) => (typeof g === 'string' ? g : undefined))));
  }
  return text;
}

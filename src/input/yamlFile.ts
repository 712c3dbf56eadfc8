/**
 * Read a YAML (or JSON) file and validate it with a zod schema, reporting every problem
 * with its line and column in the file.
 */
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { InputError, type InputProblem } from './inputError.ts';
import { MAX_YAML_ALIASES, MAX_YAML_BYTES, readInputFile } from './fileLimits.ts';
import { onMessageLang, say } from '../i18n/messageLang.ts';
import { zodLocaleZh } from '../i18n/zodZh.ts';

// zod's own messages (a value of the wrong type, too short, an unknown key) in the message language
onMessageLang((lang) => z.config(lang === 'zh' ? zodLocaleZh() : z.locales.en()));

export interface ParsedYaml {
  readonly file: string;
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  readonly data: unknown;
}

/** Parse YAML text; syntax errors become problems with positions. */
export function parseYamlText(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  let doc: Document;
  let data: unknown;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const problems: InputProblem[] = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      return { file, line: pos.line, column: pos.col, message: `${say({ zh: 'YAML 语法错误：', en: 'YAML syntax: ' })}${e.message.split('\n')[0]}` };
    });
    if (problems.length) throw new InputError(problems);
    // aliases are expanded here: past MAX_YAML_ALIASES the yaml library refuses (alias bombs)
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown;
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      throw new InputError([{ file, message: `refused: the file uses YAML aliases (*name) too many times, which could expand without bound (more than ${MAX_YAML_ALIASES} alias expansions); write the values out / YAML 别名过多，已拒绝` }]);
    }
    if (e instanceof RangeError) {
      throw new InputError([{ file, message: `refused: the document is nested too deeply to read (${e.message}) / 嵌套过深` }]);
    }
    throw e;
  }
  return { file, doc, lineCounter, data };
}

/** Decode a YAML/JSON file as UTF-8, refusing any byte that is not UTF-8 (naming its line). */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
        } catch {
          break;
        }
        line++;
        start = i + 1;
      }
    }
    throw new InputError([{ file, line, message: 'the file is not valid UTF-8 on this line (YAML and JSON files must be UTF-8) / 此行不是有效的 UTF-8 编码' }]);
  }
}

export function readYamlFile(file: string): ParsedYaml {
  const bytes = readInputFile(file, MAX_YAML_BYTES, 'YAML or JSON file');
  return parseYamlText(decodeUtf8(bytes, file), file);
}

/** Line and column of the node at `path` (or of its nearest existing parent). */
export function positionOf(parsed: ParsedYaml, path: ReadonlyArray<PropertyKey>): { line?: number; column?: number } {
  const keys = path.map((k) => (typeof k === 'symbol' ? String(k) : k));
  // YAML keys such as `2012:` are numbers in the document, while validation paths hold strings
  const numeric = keys.map((k) => (typeof k === 'string' && /^\d+$/.test(k) ? Number(k) : k));
  for (let n = keys.length; n >= 0; n--) {
    for (const candidate of [keys, numeric]) {
      const node = parsed.doc.getIn(candidate.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = parsed.lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
  }
  return {};
}

/** Problems for zod issues, placed at their YAML positions. */
export function zodProblems(parsed: ParsedYaml, error: z.ZodError, basePath: ReadonlyArray<PropertyKey> = []): InputProblem[] {
  return error.issues.map((issue) => {
    const path = [...basePath, ...issue.path];
    return { file: parsed.file, ...positionOf(parsed, path), field: path.map(String).join('.') || undefined, message: issue.message };
  });
}

export function validateYaml<S extends z.ZodType>(parsed: ParsedYaml, schema: S): z.output<S> {
  const result = schema.safeParse(parsed.data);
  if (!result.success) throw new InputError(zodProblems(parsed, result.error));
  return result.data;
}

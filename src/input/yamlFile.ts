/**
 * Read a YAML (or JSON) file and validate it with a zod schema, reporting every problem
 * with its line and column in the file.
 */
import { readFileSync } from 'node:fs';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { InputError, type InputProblem } from './inputError.ts';

export interface ParsedYaml {
  readonly file: string;
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  readonly data: unknown;
}

/** Parse YAML text; syntax errors become problems with positions. */
export function parseYamlText(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: InputProblem[] = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return { file, line: pos.line, column: pos.col, message: `YAML syntax: ${e.message.split('\n')[0]}` };
  });
  if (problems.length) throw new InputError(problems);
  return { file, doc, lineCounter, data: doc.toJS() as unknown };
}

export function readYamlFile(file: string): ParsedYaml {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError([{ file, message: `cannot read file: ${(e as Error).message}` }]);
  }
  return parseYamlText(text.replace(/^\uFEFF/, ''), file);
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

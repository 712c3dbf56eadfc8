/**
 * Problems with user input: each names the file, where in it (row/line, column/field)
 * and what is wrong. Loaders collect every problem they can find and throw them together.
 *
 * A list is capped: the first MAX_LISTED_PROBLEMS problems are kept and printed in full, and
 * the rest are only counted, per kind (the column or field they concern), so that a file with a
 * million bad rows gives a short error and bounded memory.
 */
import { say } from '../i18n/messageLang.ts';
import type { Messages } from '../i18n/text.ts';

const INPUT_ERROR_TEXT = {
  problems: { zh: (total: number) => `输入中有 ${total} 个问题：`, en: (total: number) => `${total} problem${total === 1 ? '' : 's'} in the input:` },
  more: {
    zh: (count: number) => `…… 另有 ${count} 个问题未列出：`,
    en: (count: number) => `… and ${count} more problem${count === 1 ? '' : 's'} not listed:`,
  },
  column: { zh: (column: number | string) => (typeof column === 'number' ? `第 ${column} 列` : `列 ${column}`), en: (column: number | string) => `column ${column}` },
  other: { zh: '其他', en: 'other' },
} satisfies Messages;

export interface InputProblem {
  readonly file: string;
  /** 1-based line (YAML) or data row (CSV, header = row 1) */
  readonly line?: number;
  readonly column?: number | string;
  readonly field?: string;
  readonly message: string;
}

/** Problems listed in full in one error; the rest are counted per kind. */
export const MAX_LISTED_PROBLEMS = 100;

export function formatProblem(p: InputProblem): string {
  const where = [p.file, p.line !== undefined ? `${p.line}` : undefined, p.column !== undefined ? `${p.column}` : undefined]
    .filter((x) => x !== undefined)
    .join(':');
  return `${where}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

/** The kind a problem is counted under when it is not listed: its file and column or field. */
function problemKind(p: InputProblem): string {
  const what = p.field ?? (p.column !== undefined ? say(INPUT_ERROR_TEXT.column)(p.column) : say(INPUT_ERROR_TEXT.other));
  return `${p.file}: ${what}`;
}

/** A bounded collection of problems: keeps the first `limit`, counts the rest per kind. */
export class ProblemList {
  readonly listed: InputProblem[] = [];
  readonly omitted = new Map<string, number>();
  private total = 0;
  constructor(private readonly limit = MAX_LISTED_PROBLEMS) {}

  push(...problems: InputProblem[]): void {
    for (const p of problems) {
      this.total++;
      if (this.listed.length < this.limit) this.listed.push(p);
      else {
        const k = problemKind(p);
        this.omitted.set(k, (this.omitted.get(k) ?? 0) + 1);
      }
    }
  }

  get length(): number {
    return this.total;
  }

  error(): InputError {
    return new InputError(this.listed, this.omitted);
  }
}

export class InputError extends Error {
  readonly problems: readonly InputProblem[];
  /** problems not listed, counted per kind */
  readonly omitted: ReadonlyMap<string, number>;
  constructor(problems: readonly InputProblem[], omitted: ReadonlyMap<string, number> = new Map()) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
    const more = new Map(omitted);
    for (const p of problems.slice(MAX_LISTED_PROBLEMS)) more.set(problemKind(p), (more.get(problemKind(p)) ?? 0) + 1);
    const moreCount = [...more.values()].reduce((a, b) => a + b, 0);
    const total = listed.length + moreCount;
    const summary = moreCount
      ? `\n  ${say(INPUT_ERROR_TEXT.more)(moreCount)}\n${[...more].sort((a, b) => b[1] - a[1]).slice(0, 50).map(([k, n]) => `    ${n} × ${k}`).join('\n')}`
      : '';
    super(`${say(INPUT_ERROR_TEXT.problems)(total)}\n${listed.map((p) => `  ${formatProblem(p)}`).join('\n')}${summary}`);
    this.name = 'InputError';
    this.problems = listed;
    this.omitted = more;
  }
}

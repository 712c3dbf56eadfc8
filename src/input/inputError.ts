/**
 * Problems with user input: each names the file, where in it (row/line, column/field)
 * and what is wrong. Loaders collect every problem they can find and throw them together.
 */
export interface InputProblem {
  readonly file: string;
  /** 1-based line (YAML) or data row (CSV, header = row 1) */
  readonly line?: number;
  readonly column?: number | string;
  readonly field?: string;
  readonly message: string;
}

export function formatProblem(p: InputProblem): string {
  const where = [p.file, p.line !== undefined ? `${p.line}` : undefined, p.column !== undefined ? `${p.column}` : undefined]
    .filter((x) => x !== undefined)
    .join(':');
  return `${where}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

export class InputError extends Error {
  readonly problems: readonly InputProblem[];
  constructor(problems: readonly InputProblem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the input:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'InputError';
    this.problems = problems;
  }
}

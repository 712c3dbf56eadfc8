/**
 * A scenario formula as the loaded policy data carries it: its text, where it was written,
 * and the function that evaluates it for one county and year. The policy data (this layer)
 * holds compiled formulas; src/scenarios/formula.ts parses and compiles them.
 */
import type { County } from '../model/county.ts';

export interface FormulaScope {
  readonly county: County;
  readonly year: number;
}

export type Evaluate = (scope: FormulaScope) => number;

/** Where a formula was written: the scenario file and the position of its value. */
export interface FormulaLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number | string;
}

export interface CompiledFormula {
  readonly text: string;
  readonly evaluate: Evaluate;
  /** the scenario file, line and column of the formula, so that an error at run time can name them */
  readonly where?: FormulaLocation;
}

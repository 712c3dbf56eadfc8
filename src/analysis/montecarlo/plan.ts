/**
 * The Monte Carlo plan: the uncertainty section resolved against a linear model (which
 * parameter group each variable acts on), plus the sizes of the outputs. Plain data, so it
 * can be posted to worker threads.
 */
import type { UncertaintySection, UncertainVariable } from '../../scenarios/uncertaintySchema.ts';
import { M } from '../evaluate.ts';
import { REST_GROUP, type LinearModel } from '../linearModel.ts';
import { RETIRED_PARAMETERS } from './parameters.ts';

export interface PlannedVariable {
  readonly variable: UncertainVariable;
  /** parameter groups the variable multiplies (coverage, unit_cost) */
  readonly groups: readonly number[];
}

export interface MonteCarloPlan {
  readonly seed: number;
  readonly draws: number;
  readonly quantiles: readonly number[];
  readonly variables: readonly PlannedVariable[];
  /** variables left out because the model no longer has their parameter (RETIRED_PARAMETERS) */
  readonly ignored: readonly string[];
  /** model positions of the reported counties, in model order */
  readonly focus: Int32Array;
  readonly years: number;
  readonly measures: number;
}

/** Domains that need a parameter group of their own. */
export function domainsOf(spec: UncertaintySection): string[] {
  return [...new Set(spec.variables.flatMap((v) => (v.domain ? [v.domain] : [])))].sort();
}

export function planMonteCarlo(model: LinearModel, spec: UncertaintySection): MonteCarloPlan {
  const all = model.groups.map((_, g) => g);
  const ignored = spec.variables.filter((v) => RETIRED_PARAMETERS.includes(v.parameter)).map((v) => v.parameter);
  const variables = spec.variables.filter((v) => !RETIRED_PARAMETERS.includes(v.parameter)).map((variable): PlannedVariable => {
    if (!variable.domain) return { variable, groups: all };
    const g = model.groups.indexOf(variable.domain);
    if (g < 0 || variable.domain === REST_GROUP) throw new RangeError(`the model has no parameter group for domain ${variable.domain}`);
    return { variable, groups: [g] };
  });
  const focus: number[] = [];
  for (let c = 0; c < model.n; c++) if (model.focus[c]) focus.push(c);
  return { seed: spec.seed, draws: spec.draws, quantiles: spec.quantiles, variables, ignored, focus: Int32Array.from(focus), years: model.years.length, measures: M };
}

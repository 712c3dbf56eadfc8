/**
 * Worker thread of the Monte Carlo (piscina): runs a range of draws, or summarizes a range of
 * rows of draws, writing into shared memory. The same function runs in-process with --workers 0.
 */
import type { LinearModel } from '../linearModel.ts';
import { DrawState, runDraws, type DrawBuffers } from '../montecarlo/draws.ts';
import type { MonteCarloPlan } from '../montecarlo/plan.ts';
import { summarizeRows, type DrawRows } from '../montecarlo/summarize.ts';

export type MonteCarloTask =
  | {
      readonly kind: 'draws';
      /** identifies the run: tasks with the same key share the model and plan, and reuse working memory */
      readonly key: string;
      readonly model: LinearModel;
      readonly plan: MonteCarloPlan;
      readonly first: number;
      readonly end: number;
      /** the generator state of draw `first` (streamStates) */
      readonly start: readonly number[];
      readonly buffers: DrawBuffers;
    }
  | { readonly kind: 'summarize'; readonly draws: DrawRows; readonly D: number; readonly from: number; readonly to: number; readonly quantiles: readonly number[]; readonly out: Float64Array };

let cached: { key: string; state: DrawState } | undefined;

export function runTask(task: MonteCarloTask): number {
  if (task.kind === 'draws') {
    if (cached?.key !== task.key) cached = { key: task.key, state: new DrawState(task.model, task.plan) };
    runDraws(task.model, task.plan, task.first, task.end, task.buffers, cached.state, task.start);
    return task.end - task.first;
  }
  summarizeRows(task.draws, task.D, task.from, task.to, task.quantiles, task.out);
  return task.to - task.from;
}

export default function handle(task: MonteCarloTask): number {
  return runTask(task);
}

/**
 * Run a Monte Carlo over a linear model: the draws in fixed-size chunks on worker threads
 * (piscina) or in-process, then the per-county and per-measure summaries.
 *
 * The result depends on the seed and the inputs only: the number of workers and the chunk
 * size change how the work is split, never a number (each draw has its own random stream and
 * every output cell is written by exactly one task).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { UncertaintySection } from '../../scenarios/uncertaintySchema.ts';
import { shareModel, type LinearModel } from '../linearModel.ts';
import { runTask, type MonteCarloTask } from '../workers/monteCarloWorker.ts';
import { allocateDrawBuffers, streamStates } from './draws.ts';
import { planMonteCarlo, type MonteCarloPlan } from './plan.ts';

export interface MonteCarloOptions {
  /** worker threads; 0 runs in this thread */
  readonly workers: number;
  /** draws per task (default: about 40 tasks) */
  readonly chunk?: number;
  readonly onProgress?: (phase: 'draws' | 'summaries', done: number, total: number) => void;
}

export interface MonteCarloResult {
  readonly plan: MonteCarloPlan;
  /** per year × reported county: quantiles…, mean, P(gap > 0) of the gap in yuan (Q + 2 values) */
  readonly countyStats: Float64Array;
  /** per year × measure: quantiles…, mean, P(> 0) (Q + 2 values) */
  readonly measureStats: Float64Array;
}

/** true when this module is the TypeScript source (tsx, vitest), false in the compiled CLI (dist/) */
const RUNNING_SOURCES = import.meta.url.endsWith('.ts');

const WORKER_FLAGS = ['--import', '--require', '-r', '--loader', '--experimental-loader', '--conditions', '-C'];

/**
 * Worker execArgv: the module hooks of this process (tsx's, when run by tsx), and tsx's loader
 * added when this process runs the sources without it (e.g. under vitest), so that workers can
 * load .ts files; the compiled CLI's workers need no loader, and get none of tsx's even when
 * this process has them (a benchmark run by tsx that calls the compiled modules). Other flags are left out: some (e.g. --expose-gc) are refused in workers.
 */
export function workerExecArgv(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const flag = a.split('=')[0]!;
    if (!WORKER_FLAGS.includes(flag)) continue;
    const pair = a.includes('=') ? [a] : i + 1 < argv.length ? [a, argv[++i]!] : [];
    // compiled workers leave tsx out: its hooks slowed the draws in a worker about twofold
    // (thread CPU time, national focus), and they have nothing to compile
    if (!RUNNING_SOURCES && pair.some((x) => x.includes('tsx'))) continue;
    out.push(...pair);
  }
  if (RUNNING_SOURCES && !out.some((a) => a.includes('tsx'))) {
    const require = createRequire(import.meta.url);
    out.push('--import', pathToFileURL(require.resolve('tsx')).href);
  }
  return out;
}

export function createWorkerPool(workers: number): Piscina {
  return new Piscina({
    filename: new URL(`../workers/monteCarloWorker.${RUNNING_SOURCES ? 'ts' : 'js'}`, import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
    execArgv: workerExecArgv(),
  });
}

function ranges(total: number, size: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let a = 0; a < total; a += size) out.push([a, Math.min(total, a + size)]);
  return out;
}

let runs = 0;

export async function runMonteCarlo(model: LinearModel, spec: UncertaintySection, options: MonteCarloOptions): Promise<MonteCarloResult> {
  const plan = planMonteCarlo(model, spec);
  const parallel = options.workers > 0;
  const sharedModel = parallel ? shareModel(model) : model;
  const buffers = allocateDrawBuffers(plan, parallel);
  const D = plan.draws;
  const Q = plan.quantiles.length;
  const F = plan.focus.length;
  const countyRows = plan.years * F;
  const measureRows = plan.years * plan.measures;
  const stat = (rows: number): Float64Array => new Float64Array(parallel ? new SharedArrayBuffer(rows * (Q + 2) * 8) : new ArrayBuffer(rows * (Q + 2) * 8));
  const countyStats = stat(countyRows);
  const measureStats = stat(measureRows);

  const pool = parallel ? createWorkerPool(options.workers) : undefined;
  const key = `run-${++runs}`;
  const run = (task: MonteCarloTask): Promise<number> => (pool ? (pool.run(task) as Promise<number>) : Promise.resolve(runTask(task)));
  try {
    // about 40 tasks, and a task's local block of gaps (draws × years × counties, 4 bytes each) at most 4 MB
    const chunk = options.chunk ?? Math.max(1, Math.min(Math.ceil(D / 40), Math.floor(2 ** 22 / Math.max(1, 4 * plan.years * F))));
    let done = 0;
    options.onProgress?.('draws', 0, D);
    const tasks = ranges(D, chunk);
    const starts = streamStates(plan.seed, tasks.map(([first]) => first));
    await Promise.all(
      tasks.map(async ([first, end], t) => {
        done += await run({ kind: 'draws', key, model: sharedModel, plan, first, end, start: starts[t]!, buffers });
        options.onProgress?.('draws', done, D);
      }),
    );
    let summarized = 0;
    const rowChunk = Math.max(1, Math.ceil(countyRows / 32));
    options.onProgress?.('summaries', 0, countyRows + measureRows);
    await Promise.all([
      ...ranges(countyRows, rowChunk).map(async ([from, to]) => {
        summarized += await run({ kind: 'summarize', draws: buffers.gaps, D, from, to, quantiles: plan.quantiles, out: countyStats });
        options.onProgress?.('summaries', summarized, countyRows + measureRows);
      }),
      (async () => {
        summarized += await run({ kind: 'summarize', draws: buffers.measures, D, from: 0, to: measureRows, quantiles: plan.quantiles, out: measureStats });
        options.onProgress?.('summaries', summarized, countyRows + measureRows);
      })(),
    ]);
  } finally {
    await pool?.destroy();
  }
  return { plan, countyStats, measureStats };
}

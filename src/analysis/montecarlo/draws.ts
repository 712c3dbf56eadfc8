/**
 * Run a range of Monte Carlo draws: for each draw, sample every variable, evaluate the model
 * at that point (all years) and store the reported counties' gaps and the year measures.
 *
 * Reproducible whatever the split of draws between workers: draw d uses its own stream, the
 * seed's xoroshiro128+ generator jumped d times (2^64 values apart), and the variables are
 * sampled in a fixed order (variable, then national / province / county units in model order).
 */
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { RATE_PARAMETERS } from './parameters.ts';
import { EvaluationScratch, evaluatePoint, type Point } from '../evaluate.ts';
import type { LinearModel } from '../linearModel.ts';
import { sample } from './distributions.ts';
import { packFloat24Bits } from './packedFloat.ts';
import type { MonteCarloPlan } from './plan.ts';

export interface DrawBuffers {
  /** gap (yuan) of reported county f in year y, draw d: a 24-bit float (packedFloat.ts) at value index (y·F + f)·D + d */
  readonly gaps: Uint8Array;
  /** measure m of year y, draw d at ((y·M + m)·D + d) */
  readonly measures: Float64Array;
}

/** The generator of draw `first`: the seed's generator jumped `first` times. */
export function streamAt(seed: number, first: number): JumpableRandomGenerator {
  const g = xoroshiro128plus(seed);
  for (let i = 0; i < first; i++) g.jump();
  return g;
}

/**
 * The generator states of the draws `starts` (ascending), by jumping once from one to the next:
 * what each task needs to start at its first draw without jumping there from draw 0 (a jump
 * takes about a microsecond; 10,000 draws in 140 tasks would otherwise make 700,000 of them).
 */
export function streamStates(seed: number, starts: readonly number[]): Array<readonly number[]> {
  const g = xoroshiro128plus(seed);
  const out: Array<readonly number[]> = [];
  let at = 0;
  for (const first of starts) {
    if (first < at) throw new RangeError('stream starts must ascend');
    for (; at < first; at++) g.jump();
    out.push(g.getState());
  }
  return out;
}

export function allocateDrawBuffers(plan: MonteCarloPlan, shared: boolean): DrawBuffers {
  const F = plan.focus.length;
  const gapBytes = plan.years * F * plan.draws * 3;
  const measureBytes = plan.years * plan.measures * plan.draws * 8;
  const buffer = (bytes: number): ArrayBuffer | SharedArrayBuffer => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  return { gaps: new Uint8Array(buffer(gapBytes)), measures: new Float64Array(buffer(measureBytes)) };
}

/** Working memory of the draws of one model, kept between tasks (a worker runs many). */
export class DrawState {
  readonly scratch: EvaluationScratch;
  readonly arrays: Partial<Record<'population_growth' | 'revenue_growth' | 'own_revenue' | 'coverage' | 'unit_cost', Float64Array>>;
  readonly point: Point;
  readonly unitValues: Float64Array;
  readonly zeros: Int32Array;
  readonly identity: Int32Array;
  private block = new Float32Array(0);
  private blockBits = new Uint32Array(0);

  constructor(model: LinearModel, plan: MonteCarloPlan) {
    const n = model.n;
    const G = model.groups.length;
    // the draws read the reported counties alone: the provinces without one are evaluated only as far as the others need
    this.scratch = new EvaluationScratch(model, false, true);
    const uses = new Set(plan.variables.map((v) => v.variable.parameter));
    const perCounty = (p: string): Float64Array | undefined => (uses.has(p as never) ? new Float64Array(n) : undefined);
    const perGroup = (p: string): Float64Array | undefined => (uses.has(p as never) ? new Float64Array(n * G) : undefined);
    this.arrays = {
      population_growth: perCounty('population_growth'),
      revenue_growth: perCounty('revenue_growth'),
      own_revenue: perCounty('own_revenue'),
      coverage: perGroup('coverage'),
      unit_cost: perGroup('unit_cost'),
    };
    this.point = {
      populationGrowth: this.arrays.population_growth,
      revenueGrowth: this.arrays.revenue_growth,
      revenueLevel: this.arrays.own_revenue,
      coverage: this.arrays.coverage,
      unitCost: this.arrays.unit_cost,
    };
    this.unitValues = new Float64Array(Math.max(n, model.provinceCodes.length, 1));
    this.zeros = new Int32Array(n);
    this.identity = Int32Array.from({ length: n }, (_, i) => i);
  }

  /** A block of at least `size` values (reused), and the same memory as bit patterns. */
  blockOf(size: number): { values: Float32Array; bits: Uint32Array } {
    if (this.block.length < size) {
      this.block = new Float32Array(size);
      this.blockBits = new Uint32Array(this.block.buffer);
    }
    return { values: this.block, bits: this.blockBits };
  }
}

/**
 * Draws [first, end) into `out`. `start` is the generator state of draw `first` (streamStates);
 * without it the generator is jumped there from the seed.
 */
export function runDraws(
  model: LinearModel, plan: MonteCarloPlan, first: number, end: number, out: DrawBuffers, state: DrawState = new DrawState(model, plan), start?: readonly number[],
): void {
  const n = model.n;
  const G = model.groups.length;
  const P = model.provinceCodes.length;
  const D = plan.draws;
  const F = plan.focus.length;
  const { scratch, arrays, point, unitValues } = state;
  // the task's draws are kept in a local block [d − first][y][f] and transposed into the shared
  // [y][f][d] layout at the end, in tiles: writing each draw straight into the shared layout
  // would touch a cache line per value
  const span = end - first;
  const R = plan.years * F;
  const { values: block, bits } = state.blockOf(R * span);
  const stream = start ? xoroshiro128plusFromState(start) : streamAt(plan.seed, first);
  const focus = plan.focus;
  const M = plan.measures;
  const measures = out.measures;
  for (let d = first; d < end; d++) {
    const rng = stream.clone();
    stream.jump();
    arrays.own_revenue?.fill(1);
    arrays.coverage?.fill(1);
    arrays.unit_cost?.fill(1);
    for (const { variable: v, groups } of plan.variables) {
      const units = v.scope === 'national' ? 1 : v.scope === 'province' ? P : n;
      for (let u = 0; u < units; u++) unitValues[u] = sample(v.distribution, rng);
      const target = arrays[v.parameter as keyof DrawState['arrays']]!;
      // the unit of each county: 0 (national), its province, or itself
      const unit = v.scope === 'national' ? state.zeros : v.scope === 'province' ? model.provinceOf : state.identity;
      if (RATE_PARAMETERS.includes(v.parameter)) {
        for (let c = 0; c < n; c++) target[c] = unitValues[unit[c]!]!;
      } else if (v.parameter === 'own_revenue') {
        for (let c = 0; c < n; c++) target[c]! *= unitValues[unit[c]!]!;
      } else if (groups.length === G) {
        for (let c = 0; c < n; c++) {
          const x = unitValues[unit[c]!]!;
          for (let g = c * G; g < (c + 1) * G; g++) target[g]! *= x;
        }
      } else {
        for (let c = 0; c < n; c++) {
          const x = unitValues[unit[c]!]!;
          for (const g of groups) target[c * G + g]! *= x;
        }
      }
    }
    evaluatePoint(model, point, scratch);
    for (let y = 0; y < plan.years; y++) {
      const gap = scratch.gap[y]!;
      const b = (d - first) * R + y * F;
      for (let f = 0; f < F; f++) block[b + f] = gap[focus[f]!]! / 100;
      const m = scratch.measures[y]!;
      for (let k = 0; k < M; k++) measures[(y * M + k) * D + d] = m[k]!;
    }
  }
  const gaps = out.gaps;
  for (let r0 = 0; r0 < R; r0 += 16) {
    const r1 = Math.min(R, r0 + 16);
    for (let j = 0; j < span; j++) {
      const from = j * R;
      for (let r = r0; r < r1; r++) packFloat24Bits(gaps, r * D + first + j, bits[from + r]!);
    }
  }
}

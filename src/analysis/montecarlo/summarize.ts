/**
 * Summaries of the draws: quantiles (type 7, linear interpolation between order statistics),
 * the mean and the share of draws above zero (for gaps, the probability of a gap).
 *
 * The mean and the share are taken over the row in draw order; the order statistics are found
 * by selection (deterministic pivots) on a copy. Every figure depends only
 * on the row's values, not on which worker computed which row or in what order.
 */
import { unpackFloat24 } from './packedFloat.ts';

/** Quantile q of sorted values (type 7). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

type Row = Float32Array | Float64Array;

/** Draws stored as plain doubles, or as 24-bit floats (packedFloat.ts). */
export type DrawRows = Float64Array | Uint8Array;

/** Put the k-th smallest of a[from…to) at a[k], smaller ones before it, larger after (Hoare partition, median-of-three pivots). */
function select(a: Float64Array, from: number, to: number, k: number): void {
  let lo = from;
  let hi = to - 1;
  while (hi > lo) {
    if (hi - lo < 16) {
      for (let i = lo + 1; i <= hi; i++) {
        const x = a[i]!;
        let j = i - 1;
        while (j >= lo && a[j]! > x) {
          a[j + 1] = a[j]!;
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    const mid = (lo + hi) >>> 1;
    // median of three as the pivot
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** Place every order statistic ranks[r0…r1) (sorted, inside [from, to)) at its rank: the middle one first, then each side. */
function multiSelect(a: Float64Array, from: number, to: number, ranks: readonly number[], r0: number, r1: number): void {
  if (r0 >= r1) return;
  const m = (r0 + r1) >>> 1;
  const k = ranks[m]!;
  select(a, from, to, k);
  multiSelect(a, from, k, ranks, r0, m);
  multiSelect(a, k + 1, to, ranks, m + 1, r1);
}

/** Rows [from, to) of draws (row r at [r·D, (r + 1)·D)): writes quantiles…, mean, P(> 0) to out[r·(Q + 2)…]. */
export function summarizeRows(draws: DrawRows, D: number, from: number, to: number, quantiles: readonly number[], out: Row): void {
  const packed = draws instanceof Uint8Array;
  const Q = quantiles.length;
  // the order statistics type 7 needs: ⌊h⌋ and ⌊h⌋ + 1 for each quantile
  const ranks = [...new Set(quantiles.flatMap((q) => {
    const h = (D - 1) * q;
    const lo = Math.floor(h);
    return h > lo ? [lo, lo + 1] : [lo];
  }))].sort((x, y) => x - y);
  // a double-precision copy of each row: one array type for the selection (and the row stays in draw order)
  const a = new Float64Array(D);
  for (let r = from; r < to; r++) {
    const base = r * D;
    const o = r * (Q + 2);
    let sum = 0;
    let positive = 0;
    let nan = false;
    for (let i = 0; i < D; i++) {
      const x = packed ? unpackFloat24(draws, base + i) : draws[base + i]!;
      a[i] = x;
      if (x !== x) nan = true;
      sum += x;
      if (x > 0) positive++;
    }
    out[o + Q] = sum / D;
    out[o + Q + 1] = positive / D;
    if (nan) {
      // NaN sorts last in a typed-array sort; selection cannot order it
      a.sort();
      quantiles.forEach((q, k) => (out[o + k] = quantileSorted(a, q)));
      continue;
    }
    multiSelect(a, 0, D, ranks, 0, ranks.length);
    quantiles.forEach((q, k) => {
      const h = (D - 1) * q;
      const lo = Math.floor(h);
      const x = a[lo]!;
      // as quantileSorted (when h = ⌊h⌋ the second term is 0 whatever a[hi] holds)
      out[o + k] = x + (h - lo) * (a[Math.min(D - 1, lo + 1)]! - x);
    });
  }
}

/**
 * Summaries of the draws: quantiles (type 7, linear interpolation between order statistics),
 * the mean and the share of draws above zero (for gaps, the probability of a gap).
 *
 * The mean and the share are taken over the row in draw order. The order statistics of rows of
 * doubles are found by selection (deterministic pivots) on a copy; those of rows of 24-bit floats
 * (the gaps) by counting: each value has an order-preserving 24-bit key, a histogram of the keys'
 * high 16 bits finds the bucket of each rank, and the few values in those buckets are sorted. An
 * order statistic is a value of the row whatever the method, so every figure depends only on the
 * row's values, not on which worker computed which row or in what order.
 */
import { float24Key, float24Value, keyValue24, unpackFloat24 } from './packedFloat.ts';

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

/** The order statistics type 7 needs (⌊h⌋ and ⌊h⌋ + 1 for each quantile), ascending and distinct. */
function ranksOf(D: number, quantiles: readonly number[]): number[] {
  return [...new Set(quantiles.flatMap((q) => {
    const h = (D - 1) * q;
    const lo = Math.floor(h);
    return h > lo ? [lo, lo + 1] : [lo];
  }))].sort((x, y) => x - y);
}

/** Working memory of the counting selection, kept between calls (one per thread). */
let counting: { D: number; keys: Uint32Array; picked: Uint32Array; coarse: Uint32Array; fine: Uint32Array; tagged: Uint8Array } | undefined;

/**
 * Rows of 24-bit floats: the mean and P(> 0) in draw order, and the order statistics `ranks`
 * by counting (see the file's comment): a histogram of the keys' high 8 and high 16 bits, the
 * 16-bit bucket and the rank within it of each order statistic, then the values of those buckets
 * gathered in one pass and sorted.
 */
function summarizePackedRows(draws: Uint8Array, D: number, from: number, to: number, quantiles: readonly number[], ranks: readonly number[], out: Row): void {
  const Q = quantiles.length;
  const K = ranks.length;
  if (counting?.D !== D) counting = { D, keys: new Uint32Array(D), picked: new Uint32Array(D), coarse: new Uint32Array(1 << 8), fine: new Uint32Array(1 << 16), tagged: new Uint8Array(1 << 16) };
  const { keys, picked, coarse, fine, tagged } = counting;
  const target = new Int32Array(K);
  const within = new Int32Array(K);
  const stat = new Float64Array(K);
  for (let r = from; r < to; r++) {
    const base = r * D;
    const o = r * (Q + 2);
    let sum = 0;
    let positive = 0;
    let lowest = 0xffffff, highest = 0;
    for (let i = 0; i < D; i++) {
      const j = 3 * (base + i);
      const bits = draws[j]! | (draws[j + 1]! << 8) | (draws[j + 2]! << 16);
      const x = float24Value(bits);
      sum += x;
      if (x > 0) positive++;
      const key = float24Key(bits);
      keys[i] = key;
      coarse[key >>> 16]!++;
      fine[key >>> 8]!++;
      if (key < lowest) lowest = key;
      if (key > highest) highest = key;
    }
    out[o + Q] = sum / D;
    out[o + Q + 1] = positive / D;
    // the 16-bit bucket of each rank and its rank within the bucket
    let cb = 0, belowCoarse = 0, fb = 0, belowFine = 0;
    for (let k = 0; k < K; k++) {
      const rank = ranks[k]!;
      while (belowCoarse + coarse[cb]! <= rank) {
        belowCoarse += coarse[cb]!;
        cb++;
        fb = cb << 8;
        belowFine = belowCoarse;
      }
      while (belowFine + fine[fb]! <= rank) belowFine += fine[fb++]!;
      target[k] = fb;
      within[k] = rank - belowFine;
      tagged[fb] = 1;
    }
    // the values of those buckets, sorted: the buckets' values follow one another in key order
    let m = 0;
    for (let i = 0; i < D; i++) if (tagged[keys[i]! >>> 8]) picked[m++] = keys[i]!;
    const sorted = picked.subarray(0, m).sort();
    let start = 0;
    for (let k = 0; k < K; k++) {
      if (k > 0 && target[k] !== target[k - 1]) start += fine[target[k - 1]!]!;
      stat[k] = keyValue24(sorted[start + within[k]!]!);
    }
    for (let k = 0; k < K; k++) tagged[target[k]!] = 0;
    coarse.fill(0);
    fine.fill(0, lowest >>> 8, (highest >>> 8) + 1);
    quantiles.forEach((q, j) => {
      const h = (D - 1) * q;
      const lo = Math.floor(h);
      const x = stat[ranks.indexOf(lo)]!;
      // as quantileSorted (when h = ⌊h⌋ the second term is 0: stored values are finite)
      out[o + j] = h > lo ? x + (h - lo) * (stat[ranks.indexOf(lo + 1)]! - x) : x;
    });
  }
}

/** Rows [from, to) of draws (row r at [r·D, (r + 1)·D)): writes quantiles…, mean, P(> 0) to out[r·(Q + 2)…]. */
export function summarizeRows(draws: DrawRows, D: number, from: number, to: number, quantiles: readonly number[], out: Row): void {
  const packed = draws instanceof Uint8Array;
  const Q = quantiles.length;
  const ranks = ranksOf(D, quantiles);
  if (packed) {
    summarizePackedRows(draws, D, from, to, quantiles, ranks, out);
    return;
  }
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

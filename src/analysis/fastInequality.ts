/**
 * The inequality measures of src/model/measures/inequality.ts on typed arrays, for the
 * analytic paths that evaluate them many thousands of times (Monte Carlo, sweeps).
 *
 * Same definitions as the reference (tests check they agree to rounding), computed faster:
 * - the order is a radix sort on single-precision keys finished by an insertion pass with
 *   exact comparisons: the total order (value, index), found without a comparison sort, and
 *   the same whatever came before, so results do not depend on how draws are split;
 * - Theil takes one logarithm per county: with S = Σ w·x·ln x over a group of weight W and
 *   mean m, T = S ÷ (W·m) − ln m, for the whole set and for each group.
 */

export class InequalityScratch {
  /** indexes into the values, sorted by (value, index) after sort() */
  readonly order: Int32Array;
  private readonly spare: Int32Array;
  private readonly keys: Uint32Array;
  private readonly counts = new Uint32Array(256);
  private readonly f32 = new Float32Array(1);
  private readonly u32 = new Uint32Array(this.f32.buffer);
  private readonly groupW: Float64Array;
  private readonly groupX: Float64Array;
  private readonly groupS: Float64Array;

  constructor(
    readonly n: number,
    readonly groupOf: Int32Array,
    readonly nGroups: number,
  ) {
    this.order = new Int32Array(n);
    this.spare = new Int32Array(n);
    this.keys = new Uint32Array(n);
    this.groupW = new Float64Array(nGroups);
    this.groupX = new Float64Array(nGroups);
    this.groupS = new Float64Array(nGroups);
  }

  /**
   * Sort `order` by (values, index): an 8-bit LSD radix sort on the high 24 bits of
   * order-preserving 32-bit keys (the values rounded to single precision), stable from index
   * order, then one insertion pass with exact comparisons to order values that share a key. The
   * order (value, index) is a total order, so the result is the same whatever the radix passes
   * leave for the insertion pass; they only make it short.
   */
  sort(values: Float64Array): void {
    const n = this.n;
    const { keys, f32, u32, counts } = this;
    for (let i = 0; i < n; i++) {
      f32[0] = values[i]! + 0; // −0 → 0
      const b = u32[0]!;
      keys[i] = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
    }
    let src = this.order;
    let dst = this.spare;
    for (let i = 0; i < n; i++) src[i] = i;
    // the low byte is left out: keys equal in their high 24 bits (values within about 3e-5 of
    // each other, which seldom happens) stay in index order, and the insertion pass orders them
    for (let shift = 8; shift < 32; shift += 8) {
      counts.fill(0);
      for (let k = 0; k < n; k++) counts[(keys[k]! >>> shift) & 255]!++;
      let same = false;
      for (let b = 0; b < 256; b++) if (counts[b] === n) same = true;
      if (same) continue; // every key has the same digit here
      let sum = 0;
      for (let b = 0; b < 256; b++) {
        const c = counts[b]!;
        counts[b] = sum;
        sum += c;
      }
      for (let k = 0; k < n; k++) {
        const i = src[k]!;
        dst[counts[(keys[i]! >>> shift) & 255]!++] = i;
      }
      const t = src;
      src = dst;
      dst = t;
    }
    const o = this.order;
    if (src !== o) o.set(src);
    for (let k = 1; k < n; k++) {
      const i = o[k]!;
      const x = values[i]! + 0;
      let j = k - 1;
      while (j >= 0) {
        const m = o[j]!;
        const y = values[m]! + 0;
        if (y > x || (y === x && m > i)) {
          o[j + 1] = m;
          j--;
        } else break;
      }
      o[j + 1] = i;
    }
  }

  /** Gini alone (positive weights only): 1 − Σ (p1 − p0)(l0 + l1) over the Lorenz curve. */
  gini(values: Float64Array, weights: Float64Array): number {
    this.sort(values);
    return this.giniSorted(values, weights);
  }

  private giniSorted(values: Float64Array, weights: Float64Array): number {
    const o = this.order;
    let totalW = 0;
    let totalX = 0;
    for (let i = 0; i < o.length; i++) {
      const w = weights[i]!;
      if (!(w > 0)) continue;
      totalW += w;
      totalX += values[i]! * w;
    }
    let area = 0, cw = 0, cx = 0, p0 = 0, l0 = 0;
    for (let k = 0; k < o.length; k++) {
      const i = o[k]!;
      const w = weights[i]!;
      if (!(w > 0)) continue;
      cw += w;
      cx += values[i]! * w;
      const p1 = cw / totalW;
      const l1 = cx / totalX;
      area += (p1 - p0) * (l0 + l1);
      p0 = p1;
      l0 = l1;
    }
    return totalW > 0 ? 1 - area : Number.NaN;
  }

  /**
   * Write gini, theil (total, between, within), cv, max/min, decile ratio and mean of
   * `values` weighted by `weights` to out[offset…offset+7]. Only entries with a positive weight
   * count (as the reference after it drops counties without residents).
   */
  summarize(values: Float64Array, weights: Float64Array, out: Float64Array, offset: number): void {
    this.sort(values);
    const o = this.order;
    const n = o.length;
    const gw = this.groupW.fill(0);
    const gx = this.groupX.fill(0);
    const gs = this.groupS.fill(0);
    let totalW = 0, totalX = 0;
    let min = Number.POSITIVE_INFINITY, max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const w = weights[i]!;
      if (!(w > 0)) continue;
      const x = values[i]!;
      totalW += w;
      totalX += x * w;
      if (x < min) min = x;
      if (x > max) max = x;
      const g = this.groupOf[i]!;
      gw[g]! += w;
      gx[g]! += w * x;
      if (x > 0) gs[g]! += w * x * Math.log(x);
    }
    const mu = totalX / totalW;
    let total = Number.NaN, between = Number.NaN, within = Number.NaN;
    if (!(min < 0)) {
      let s = 0;
      between = 0;
      within = 0;
      for (let g = 0; g < this.nGroups; g++) {
        if (!(gw[g]! > 0)) continue;
        s += gs[g]!;
        const gm = gx[g]! / gw[g]!;
        const share = gx[g]! / totalX;
        if (gm > 0) {
          between += share * Math.log(gm / mu);
          within += share * (gs[g]! / gx[g]! - Math.log(gm));
        }
      }
      total = s / totalX - Math.log(mu);
    }
    let v = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i]!;
      if (w > 0) v += (w / totalW) * (values[i]! - mu) ** 2;
    }
    const tail = (fromTop: boolean): number => {
      let need = totalW / 10, sw = 0, sx = 0;
      for (let k = 0; k < n && need > 0; k++) {
        const i = o[fromTop ? n - 1 - k : k]!;
        const w = weights[i]!;
        if (!(w > 0)) continue;
        const take = Math.min(need, w);
        sw += take;
        sx += take * values[i]!;
        need -= take;
      }
      return sx / sw;
    };
    const bottom = tail(false);
    const top = tail(true);
    out[offset] = this.giniSorted(values, weights);
    out[offset + 1] = total;
    out[offset + 2] = between;
    out[offset + 3] = within;
    out[offset + 4] = Math.sqrt(v) / mu;
    out[offset + 5] = min > 0 ? max / min : Number.NaN;
    out[offset + 6] = bottom > 0 ? top / bottom : Number.NaN;
    out[offset + 7] = mu;
  }
}

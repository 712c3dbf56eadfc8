/**
 * Exact money. All money past the cost step is an integer number of fen (0.01 yuan).
 *
 * The one rounding rule: a county × item cost is computed from its inputs and rounded
 * once to the fen, half away from zero (ROUND_HALF_UP). Every other money figure is a
 * sum of such integers or an apportionment of one: splits and allocations use the
 * largest-remainder method, so parts always add up to the whole exactly, with ties going
 * to the earlier part (higher level of government first; counties in input order).
 *
 * Shares are held as integer parts per million (PPM = 1,000,000 = 100%), so that
 * splitting an integer amount by a share is exact integer arithmetic.
 */
import { Decimal } from 'decimal.js';

export const PPM = 1_000_000;
const FEN_PER_YUAN = 100;

/**
 * A money amount that cannot be held exactly: beyond ±(2^53 − 1) fen (about 90 trillion yuan),
 * or not a finite number. Thrown by the money helpers; the cost step adds the county and item,
 * the simulation the year, and the command line turns it into a plain error.
 */
export class MoneyOverflowError extends RangeError {
  readonly what: string;
  readonly value: number;
  readonly county?: string;
  readonly item?: string;
  readonly year?: number;
  constructor(what: string, value: number, where: { county?: string; item?: string; year?: number } = {}) {
    const at = [where.county !== undefined ? `county ${where.county}` : '', where.item !== undefined ? `item ${where.item}` : '', where.year !== undefined ? `year ${where.year}` : ''].filter(Boolean).join(', ');
    super(`${what}${at ? ` (${at})` : ''}: ${value} is not an exact number of fen; the largest amount money can hold exactly is ${Number.MAX_SAFE_INTEGER} fen (about 90 trillion yuan)`);
    this.name = 'MoneyOverflowError';
    this.what = what;
    this.value = value;
    this.county = where.county;
    this.item = where.item;
    this.year = where.year;
  }

  /** The same error with more of where it happened. */
  at(where: { county?: string; item?: string; year?: number }): MoneyOverflowError {
    return new MoneyOverflowError(this.what, this.value, { county: this.county ?? where.county, item: this.item ?? where.item, year: this.year ?? where.year });
  }
}

/** Throws unless `n` is a safe integer (money must stay exact). */
export function assertFen(n: number, what: string): number {
  if (!Number.isSafeInteger(n)) throw new MoneyOverflowError(what, n);
  return n;
}

/**
 * Round the product of the given factors (in yuan) to whole fen, half away from zero.
 * Uses doubles, and falls back to exact decimal arithmetic when the double result is
 * too close to a half-fen to be trusted.
 */
export function productToFen(factors: readonly number[], what = 'amount'): number {
  let v = FEN_PER_YUAN;
  for (const f of factors) v *= f;
  return yuanProductToFen(v / FEN_PER_YUAN, () => factors, what);
}

/** productToFen([a, b]) without the list (hot paths): the same double product (100 × a × b, left to right), the same rounding. */
export function product2ToFen(a: number, b: number, what = 'amount'): number {
  const yuan = (FEN_PER_YUAN * a * b) / FEN_PER_YUAN;
  return nearHalfFen(yuan) ? exactProductToFen([a, b], what) : roundYuanToFen(yuan);
}

/** productToFen([a, b, c]) without the list (hot paths): the same double product, the same rounding. */
export function product3ToFen(a: number, b: number, c: number, what = 'amount'): number {
  const yuan = (FEN_PER_YUAN * a * b * c) / FEN_PER_YUAN;
  return nearHalfFen(yuan) ? exactProductToFen([a, b, c], what) : roundYuanToFen(yuan);
}

/**
 * Round `yuan` (a product of factors computed in doubles) to whole fen, half away from zero.
 * `factors` is asked for only when the double is too close to a half-fen to be trusted;
 * the exact product of the factors is then rounded with decimal arithmetic.
 */
export function yuanProductToFen(yuan: number, factors: () => readonly number[], what = 'amount'): number {
  return nearHalfFen(yuan) ? exactProductToFen(factors(), what) : roundYuanToFen(yuan);
}

/** Whether a double amount of yuan is too close to a half-fen (or too large) to round safely. */
export function nearHalfFen(yuan: number): boolean {
  const abs = Math.abs(yuan * FEN_PER_YUAN);
  const frac = abs - Math.floor(abs);
  return !(Math.abs(frac - 0.5) > Math.max(1e-9, abs * 1e-12) && abs < 2 ** 52);
}

/** Round a double amount of yuan to fen, half away from zero (only where nearHalfFen is false). */
export function roundYuanToFen(yuan: number): number {
  const v = yuan * FEN_PER_YUAN;
  const fen = v < 0 ? -Math.floor(-v + 0.5) : Math.floor(v + 0.5);
  return fen === 0 ? 0 : fen;
}

/**
 * The exact product of the factors (× 100) rounded half away from zero: decimal arithmetic
 * (decimalProductToFen), computed in integers where that gives provably the same result
 * (integerProductToFen).
 */
export function exactProductToFen(factors: readonly number[], what = 'cost'): number {
  const fen = integerProductToFen(factors);
  return Number.isNaN(fen) ? decimalProductToFen(factors, what) : fen;
}

/** The product of the factors (× 100) rounded half away from zero in decimal.js (20 significant digits). */
export function decimalProductToFen(factors: readonly number[], what = 'cost'): number {
  let d = new Decimal(FEN_PER_YUAN);
  for (const f of factors) d = d.times(f);
  const fen = d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  return assertFen(fen === 0 ? 0 : fen, what);
}

/** 10^0 … 10^22: every one an exact double. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
/** Decimals beyond this many digits are left to decimal.js (the product of the mantissas would not stay safe anyway). */
const MAX_DECIMALS = 15;

/**
 * The value decimal.js gives a double, as m × 10^-s with m a safe integer, or NaN when it has no
 * such form or it cannot be told for certain. The digits are written to `out.decimals`.
 *
 * decimal.js reads a number through its shortest round-trip string (Number.prototype.toString;
 * small integers directly, the same value). For a non-integer f the decimals d that round-trip to
 * f with s digits after the point are, by the monotony of rounding, a run of consecutive integers
 * m (d = m × 10^-s); the run is empty for s below the shortest string's digit count s₀, holds the
 * shortest string's mantissa at s = s₀, and holds its 10^(s−s₀) multiple (the same value) above.
 * A candidate m = round(f × 10^s) is accepted at the first s where it round-trips
 * (m / 10^s === f: both exact doubles, so the division is correctly rounded exactly as parsing
 * would be) and neither neighbour m ± 1 does: the run is then {m}, which is the shortest string's
 * value whatever s is. Otherwise the answer is NaN (the caller falls back to decimal.js).
 */
function decimalMantissa(f: number, out: { decimals: number }): number {
  if (Number.isInteger(f)) {
    out.decimals = 0;
    return Math.abs(f) <= Number.MAX_SAFE_INTEGER ? f : Number.NaN;
  }
  for (let s = 1; s <= MAX_DECIMALS; s++) {
    const p = POW10[s]!;
    const m = Math.round(f * p);
    if (!(Math.abs(m) < Number.MAX_SAFE_INTEGER)) return Number.NaN;
    if (m / p !== f) continue;
    if ((m - 1) / p === f || (m + 1) / p === f) return Number.NaN;
    out.decimals = s;
    return m;
  }
  return Number.NaN;
}

const digits = { decimals: 0 };

/**
 * decimalProductToFen in integer arithmetic, or NaN where it cannot be sure of the same result.
 *
 * Proof of equality. Each factor is read as decimal.js reads it, m_j × 10^-s_j (decimalMantissa).
 * The running product M = Π m_j is kept only while it is a safe integer (|M| ≤ 2^53 − 1): a
 * double product of integers whose exact value is at most 2^53 − 1 is exact, and one whose exact
 * value is larger comes out larger too (rounding is monotone), so the check cannot pass wrongly.
 * Every intermediate decimal.js product 100 × m_1 × … × m_j then has at most 16 significant
 * digits (|m_j| ≥ 1 for non-zero factors, so each partial product is at most |M|; a zero factor
 * makes every later product 0), below decimal.js's 20-digit precision, so `times` rounds nothing
 * and decimal.js rounds the exact value 100 × M × 10^-S (S = Σ s_j) once, half away from zero.
 * Here: with S ≤ 2 that value is the integer M × 10^(2−S) (kept only when safe); with k = S − 2 > 0
 * it is |M| / 10^k, whose remainder r = |M| mod 10^k is exact in doubles (fmod is exact) and whose
 * quotient (|M| − r) / 10^k is an exact division; half away from zero adds 1 when 2r ≥ 10^k.
 * For k > 22, 10^k > 2|M|, so the result is 0. Results that are not safe integers (where
 * decimal.js would throw MoneyOverflowError) return NaN, leaving the error to decimal.js.
 */
export function integerProductToFen(factors: readonly number[]): number {
  let product = 1;
  let decimals = 0;
  for (let j = 0; j < factors.length; j++) {
    const m = decimalMantissa(factors[j]!, digits);
    if (Number.isNaN(m)) return Number.NaN;
    product *= m;
    if (!(Math.abs(product) <= Number.MAX_SAFE_INTEGER)) return Number.NaN;
    decimals += digits.decimals;
  }
  const a = Math.abs(product);
  let fen: number;
  if (decimals <= 2) {
    fen = a * POW10[2 - decimals]!;
    if (!(fen <= Number.MAX_SAFE_INTEGER)) return Number.NaN;
  } else if (decimals - 2 > 22) {
    fen = 0;
  } else {
    const p = POW10[decimals - 2]!;
    const r = a % p;
    fen = (a - r) / p + (2 * r >= p ? 1 : 0);
  }
  return product < 0 && fen !== 0 ? -fen : fen;
}

/** A share in [0, 1] as integer parts per million; refuses shares with more than 6 decimals. */
export function toPpm(share: number, what: string): number {
  if (!(share >= 0 && share <= 1)) throw new RangeError(`${what}: share ${share} is outside 0–1`);
  const ppm = Math.round(share * PPM);
  if (Math.abs(ppm / PPM - share) > 1e-12) throw new RangeError(`${what}: share ${share} has more than 6 decimals`);
  return ppm;
}

/** floor(amount × ppm / PPM) and the remainder (in 1/PPM fen), exactly, for amount ≥ 0. */
function mulPpm(amount: number, ppm: number): { floor: number; remainder: number } {
  const hi = Math.floor(amount / PPM);
  const lo = amount - hi * PPM;
  const loProduct = lo * ppm; // < 1e12, exact
  const loFloor = Math.floor(loProduct / PPM);
  return { floor: hi * ppm + loFloor, remainder: loProduct - loFloor * PPM };
}

/** amount × share rounded half up, exactly (amount in fen ≥ 0, share in ppm). */
export function takeShare(amount: number, ppm: number): number {
  // mulPpm without the object it returns (the hot path: no allocation)
  const hi = Math.floor(amount / PPM);
  const loProduct = (amount - hi * PPM) * ppm; // < 1e12, exact
  const loFloor = Math.floor(loProduct / PPM);
  const floor = hi * ppm + loFloor;
  return (loProduct - loFloor * PPM) * 2 >= PPM ? floor + 1 : floor;
}

/**
 * Split `amount` fen into parts by shares in ppm that sum to PPM, by largest remainder.
 * Ties go to the earlier part.
 */
export function splitByPpm(amount: number, shares: readonly number[]): number[] {
  assertFen(amount, 'amount to split');
  if (amount < 0) return splitByPpm(-amount, shares).map((p) => (p === 0 ? 0 : -p));
  let sum = 0;
  for (const s of shares) sum += s;
  if (sum !== PPM) throw new RangeError(`shares sum to ${sum / PPM}, not 1`);
  const parts: number[] = [];
  const remainders: number[] = [];
  let allocated = 0;
  for (const s of shares) {
    const { floor, remainder } = mulPpm(amount, s);
    parts.push(floor);
    remainders.push(remainder);
    allocated += floor;
  }
  let left = amount - allocated;
  if (left > 0) {
    const order = remainders.map((r, i) => i).sort((a, b) => remainders[b]! - remainders[a]! || a - b);
    for (const i of order) {
      if (left === 0) break;
      parts[i]! += 1;
      left -= 1;
    }
  }
  return parts;
}

/**
 * Split `amount` fen (≥ 0) into three parts by ppm shares summing to PPM, by largest
 * remainder with ties to the earlier part: the hot-path form of splitByPpm.
 */
export function splitThree(amount: number, a: number, b: number, c: number): [number, number, number] {
  return splitThreeInto([0, 0, 0], amount, a, b, c);
}

/** splitThree writing into `out` (no allocation). */
export function splitThreeInto(out: [number, number, number], amount: number, a: number, b: number, c: number): [number, number, number] {
  if (a + b + c !== PPM) throw new RangeError(`shares sum to ${(a + b + c) / PPM}, not 1`);
  if (amount < 0) {
    splitThreeInto(out, -amount, a, b, c);
    out[0] = out[0] === 0 ? 0 : -out[0];
    out[1] = out[1] === 0 ? 0 : -out[1];
    out[2] = out[2] === 0 ? 0 : -out[2];
    return out;
  }
  const hi = Math.floor(amount / PPM);
  const lo = amount - hi * PPM;
  const pa = lo * a, pb = lo * b, pc = lo * c;
  const fa = Math.floor(pa / PPM), fb = Math.floor(pb / PPM), fc = Math.floor(pc / PPM);
  let x = hi * a + fa;
  let y = hi * b + fb;
  let z = hi * c + fc;
  let left = amount - x - y - z;
  if (left > 0) {
    let ra = pa - fa * PPM, rb = pb - fb * PPM, rc = pc - fc * PPM;
    // order by remainder, ties to the earlier part; at most two fen are left over
    // give the left-over fen (at most two) by remainder, ties to the earlier part
    while (left > 0) {
      if (ra >= rb && ra >= rc && ra >= 0) {
        x++;
        ra = -1;
      } else if (rb >= rc && rb >= 0) {
        y++;
        rb = -1;
      } else {
        z++;
        rc = -1;
      }
      left--;
    }
  }
  out[0] = x;
  out[1] = y;
  out[2] = z;
  return out;
}

/**
 * Allocate `pool` fen in proportion to non-negative integer weights (e.g. gaps in fen),
 * by largest remainder, exactly. Ties go to the earlier entry.
 * All weights zero: throws (the caller decides the fallback).
 *
 * Exact in plain numbers when pool × the largest weight is a safe integer (every product
 * pool × w is then exact, its remainder mod the total exact by fmod, and the quotient an exact
 * division); otherwise in BigInt. Either way the remainders are compared as numbers when the
 * total is a safe integer (each remainder is below it, so converts exactly), else as BigInt.
 */
export function allocateByWeights(pool: number, weights: readonly number[]): number[] {
  assertFen(pool, 'pool');
  if (pool < 0) throw new RangeError(`pool ${pool} is negative`);
  let total = 0;
  let largest = 0;
  for (let i = 0; i < weights.length; i++) {
    const x = weights[i]!;
    if (x >= 0 && !Number.isSafeInteger(x)) throw new MoneyOverflowError(`weight ${i} of an allocation`, x);
    if (!Number.isSafeInteger(x) || x < 0) throw new RangeError(`weight ${i} (${x}) must be a non-negative integer`);
    total += x;
    if (x > largest) largest = x;
  }
  if (total === 0) throw new RangeError('all weights are zero');
  const n = weights.length;
  const parts = new Array<number>(n);
  if (total <= Number.MAX_SAFE_INTEGER && pool * largest <= Number.MAX_SAFE_INTEGER) {
    const rems = new Float64Array(n);
    let allocated = 0;
    for (let i = 0; i < n; i++) {
      const num = pool * weights[i]!;
      const r = num % total;
      rems[i] = r;
      parts[i] = (num - r) / total;
      allocated += parts[i]!;
    }
    giveLeftOverByRemainder(parts, pool - allocated, rems);
    return parts;
  }
  // the total in BigInt: past 2^53 the number sum above is rounded
  const T = total <= Number.MAX_SAFE_INTEGER ? BigInt(total) : weights.reduce((a, x) => a + BigInt(x), 0n);
  const P = BigInt(pool);
  const big: bigint[] = new Array<bigint>(n);
  let allocated = 0n;
  for (let i = 0; i < n; i++) {
    const num = P * BigInt(weights[i]!);
    const q = num / T;
    parts[i] = Number(q);
    big[i] = num - q * T;
    allocated += q;
  }
  const left = Number(P - allocated);
  if (total <= Number.MAX_SAFE_INTEGER) {
    const rems = new Float64Array(n);
    for (let i = 0; i < n; i++) rems[i] = Number(big[i]!);
    giveLeftOverByRemainder(parts, left, rems);
  } else {
    giveLeftOver(parts, left, (a, b) => (big[b]! > big[a]! ? 1 : big[b]! < big[a]! ? -1 : a - b));
  }
  return parts;
}

/** One more fen to each of the first `left` entries in the order `byRemainder` (largest remainder first, ties to the earlier). */
function giveLeftOver(parts: number[], left: number, byRemainder: (a: number, b: number) => number): void {
  if (left <= 0) return;
  const order = Array.from(parts, (_, i) => i).sort(byRemainder);
  for (let j = 0; j < left && j < order.length; j++) parts[order[j]!]! += 1;
}

/**
 * giveLeftOver in the order largest remainder first, ties to the earlier entry, without sorting
 * the entries: the same entries get the fen. The first `left` entries of that order are every
 * entry whose remainder is above the left-th largest remainder r* (counted with repeats; there
 * are fewer than `left` of them) and, of the entries whose remainder is r*, the earliest ones
 * up to `left`. r* is read from the remainders sorted as numbers (they are finite). With
 * `left` ≥ the entry count, every entry gets one, as the loop of giveLeftOver does.
 */
export function giveLeftOverByRemainder(parts: number[], left: number, remainders: Float64Array): void {
  if (left <= 0) return;
  const n = parts.length;
  if (left >= n) {
    for (let i = 0; i < n; i++) parts[i]! += 1;
    return;
  }
  const threshold = remainders.slice().sort()[n - left]!;
  let above = 0;
  for (let i = 0; i < n; i++) if (remainders[i]! > threshold) above++;
  let atThreshold = left - above;
  for (let i = 0; i < n; i++) {
    const r = remainders[i]!;
    if (r > threshold) parts[i]! += 1;
    else if (r === threshold && atThreshold > 0) {
      parts[i]! += 1;
      atThreshold--;
    }
  }
}

/** Sum of fen, checked to stay exact. */
export function sumFen(values: Iterable<number>): number {
  let s = 0;
  for (const v of values) s += v;
  return assertFen(s, 'sum');
}

/** Format fen as a yuan string with two decimals (no thousands separators): 12345 → "123.45". */
export function fenToYuanString(fen: number): string {
  assertFen(fen, 'amount');
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs - yuan * 100;
  return `${sign}${yuan}.${cents.toString().padStart(2, '0')}`;
}

/** Exact fen of a yuan string with at most two decimals ("-1234.5" → -123450). */
export function yuanToFen(s: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(s.trim());
  if (!m) throw new RangeError(`"${s}" is not an amount of yuan`);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/** Format fen as yuan with thousands separators, for terminal summaries. */
export function formatYuan(fen: number): string {
  const [int, dec] = fenToYuanString(fen).split('.');
  return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec!}`;
}

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

/** The exact product of the factors (× 100) rounded half away from zero, in decimal arithmetic. */
export function exactProductToFen(factors: readonly number[], what = 'cost'): number {
  let d = new Decimal(FEN_PER_YUAN);
  for (const f of factors) d = d.times(f);
  const fen = d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  return assertFen(fen === 0 ? 0 : fen, what);
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
  const { floor, remainder } = mulPpm(amount, ppm);
  return remainder * 2 >= PPM ? floor + 1 : floor;
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
 * by largest remainder with exact BigInt arithmetic. Ties go to the earlier entry.
 * All weights zero: throws (the caller decides the fallback).
 */
export function allocateByWeights(pool: number, weights: readonly number[]): number[] {
  assertFen(pool, 'pool');
  if (pool < 0) throw new RangeError(`pool ${pool} is negative`);
  const w = weights.map((x, i) => {
    if (x >= 0 && !Number.isSafeInteger(x)) throw new MoneyOverflowError(`weight ${i} of an allocation`, x);
    if (!Number.isSafeInteger(x) || x < 0) throw new RangeError(`weight ${i} (${x}) must be a non-negative integer`);
    return BigInt(x);
  });
  const total = w.reduce((a, b) => a + b, 0n);
  if (total === 0n) throw new RangeError('all weights are zero');
  const P = BigInt(pool);
  const parts: bigint[] = [];
  const rems: bigint[] = [];
  let allocated = 0n;
  for (const x of w) {
    const num = P * x;
    const q = num / total;
    parts.push(q);
    rems.push(num - q * total);
    allocated += q;
  }
  let left = P - allocated;
  const order = rems.map((_, i) => i).sort((a, b) => (rems[b]! > rems[a]! ? 1 : rems[b]! < rems[a]! ? -1 : a - b));
  for (const i of order) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p));
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

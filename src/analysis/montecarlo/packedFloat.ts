/**
 * 24-bit floats: single precision with the low 8 mantissa bits rounded off (1 sign, 8 exponent,
 * 15 stored mantissa bits: relative precision 2^-16 ≈ 1.5e-5, about 5 significant digits).
 * The Monte Carlo keeps every draw's gaps in this form, three bytes a value instead of four,
 * which is what holds a 10,000-draw national run under 1 GB. Rounding is deterministic.
 */
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Store x (rounded to 24 bits) at bytes[3i…3i+2]. */
export function packFloat24(bytes: Uint8Array, i: number, x: number): void {
  f32[0] = x;
  packFloat24Bits(bytes, i, u32[0]!);
}

/** Store the single-precision float with bit pattern b (rounded to 24 bits) at bytes[3i…3i+2]. */
export function packFloat24Bits(bytes: Uint8Array, i: number, b: number): void {
  // round the magnitude half up at bit 8; a carry moves into the exponent as it should
  const r = ((b & 0x7fffffff) + 0x80) >>> 8;
  const s = b & 0x80000000 ? 0x800000 : 0;
  const v = Math.min(r, 0x7f8000 - 1) | s; // never round a finite value up to infinity
  bytes[3 * i] = v & 255;
  bytes[3 * i + 1] = (v >>> 8) & 255;
  bytes[3 * i + 2] = v >>> 16;
}

/** The value stored at bytes[3i…3i+2]. */
export function unpackFloat24(bytes: Uint8Array, i: number): number {
  u32[0] = ((bytes[3 * i]! | (bytes[3 * i + 1]! << 8) | (bytes[3 * i + 2]! << 16)) << 8) >>> 0;
  return f32[0]!;
}

/** The value of 24 stored bits (as unpackFloat24). */
export function float24Value(bits: number): number {
  u32[0] = (bits << 8) >>> 0;
  return f32[0]!;
}

/**
 * An order-preserving key of 24 stored bits: keys compare as the values do (−0 takes the key
 * of 0, the values being equal). Stored values are finite (packing clamps), so keys are 24-bit.
 */
export function float24Key(bits: number): number {
  const magnitude = bits & 0x7fffff;
  return bits & 0x800000 && magnitude !== 0 ? 0x7fffff - magnitude : 0x800000 + magnitude;
}

/** The value of a key of float24Key. */
export function keyValue24(key: number): number {
  return float24Value(key >= 0x800000 ? key - 0x800000 : 0x800000 | (0x7fffff - key));
}

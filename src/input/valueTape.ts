/**
 * Plain data (what the loaders return: plain objects, arrays, Maps, strings, numbers,
 * booleans, null, undefined) to bytes and back, exactly: the same keys in the same order, the
 * same number bits. Numbers go to one Float64Array and the structure to one Int32Array, so that
 * reading back parses no number text: the national county file comes back in a few
 * milliseconds. Anything else (a class instance, a function, a typed array) is refused with an
 * error, so that a value that would not come back the same is never stored.
 *
 * Properties named in `lazyKeys` (when an object's value under such a key is itself an object)
 * are stored as blocks a reader may skip: read back lazily, the object has that property as an
 * enumerable accessor whose value is read from the bytes the first time it is asked for, and
 * which then becomes a plain data property holding it. Spread, JSON, Object.entries, structured clone and deep equality see the same value. A
 * command that reads a few counties of the national file in full (explain) then builds the
 * others' drivers and fiscal columns never.
 */

const MAGIC = 'FSTAPE1\n';
const HEADER_BYTES = 24; // magic (8), then numbers, ops and text lengths (u32 each), then 4 spare

const NUM = 0;
const STR = 1;
const TRUE = 2;
const FALSE = 3;
const NULL = 4;
const UNDEFINED = 5;
const ARRAY = 6;
const OBJECT = 7;
const MAP = 8;
const LAZY = 9;

export class UnstorableValueError extends Error {}

/** The bytes of `value`; throws UnstorableValueError when it holds anything but plain data. */
export function encodeValue(value: unknown, lazyKeys: readonly string[] = []): Buffer {
  const lazy = new Set(lazyKeys);
  const ops: number[] = [];
  const nums: number[] = [];
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const shapes: string[][] = [];
  const shapeIds = new Map<string, number>();
  const stringId = (s: string): number => {
    let id = stringIds.get(s);
    if (id === undefined) {
      id = strings.length;
      strings.push(s);
      stringIds.set(s, id);
    }
    return id;
  };
  const put = (v: unknown): void => {
    if (v === null) ops.push(NULL);
    else if (v === undefined) ops.push(UNDEFINED);
    else if (v === true) ops.push(TRUE);
    else if (v === false) ops.push(FALSE);
    else if (typeof v === 'number') {
      ops.push(NUM);
      nums.push(v);
    } else if (typeof v === 'string') ops.push(STR, stringId(v));
    else if (Array.isArray(v)) {
      ops.push(ARRAY, v.length);
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) throw new UnstorableValueError('an array with holes');
        put(v[i]);
      }
    } else if (v instanceof Map) {
      ops.push(MAP, v.size);
      for (const [k, x] of v) {
        put(k);
        put(x);
      }
    } else if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype && Object.getOwnPropertySymbols(v).length === 0) {
      const keys = Object.keys(v);
      if (Object.getOwnPropertyNames(v).length !== keys.length) throw new UnstorableValueError('an object with a hidden property');
      const signature = JSON.stringify(keys);
      let id = shapeIds.get(signature);
      if (id === undefined) {
        id = shapes.length;
        shapes.push(keys);
        shapeIds.set(signature, id);
      }
      ops.push(OBJECT, id);
      for (const k of keys) {
        const x = (v as Record<string, unknown>)[k];
        if (lazy.has(k) && typeof x === 'object' && x !== null) {
          // a block the reader can skip: its length in ops and in numbers, then the value
          ops.push(LAZY, 0, 0);
          const at = ops.length - 2;
          const op0 = ops.length;
          const num0 = nums.length;
          put(x);
          ops[at] = ops.length - op0;
          ops[at + 1] = nums.length - num0;
        } else put(x);
      }
    } else {
      const proto: unknown = typeof v === 'object' ? Object.getPrototypeOf(v) : undefined;
      const kind = proto && typeof proto === 'object' && 'constructor' in proto && typeof proto.constructor === 'function' ? proto.constructor.name : typeof v;
      throw new UnstorableValueError(`cannot store a value of type ${kind}`);
    }
  };
  put(value);
  const text = Buffer.from(JSON.stringify([strings, shapes]), 'utf8');
  const out = Buffer.alloc(HEADER_BYTES + nums.length * 8 + ops.length * 4 + text.length);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(nums.length, 8);
  out.writeUInt32LE(ops.length, 12);
  out.writeUInt32LE(text.length, 16);
  const numView = new Float64Array(out.buffer, out.byteOffset + HEADER_BYTES, nums.length);
  numView.set(nums);
  const opView = new Int32Array(out.buffer, out.byteOffset + HEADER_BYTES + nums.length * 8, ops.length);
  opView.set(ops);
  text.copy(out, HEADER_BYTES + nums.length * 8 + ops.length * 4);
  return out;
}

/**
 * A function that builds an object of the given keys from successive values, as one object
 * literal: every object of a shape is then built the same fast way, where storing keys one by
 * one into an empty object goes through a slow generic path each time. The keys are written as
 * JSON strings (a computed key for __proto__, which a literal would take as the prototype).
 */
function objectBuilder(keys: readonly string[]): (take: () => unknown) => object {
  const fields = keys.map((k) => `${k === '__proto__' ? `[${JSON.stringify(k)}]` : JSON.stringify(k)}: take()`);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('take', `return { ${fields.join(', ')} };`) as (take: () => unknown) => object;
}

/** A block stored lazily: where its value starts in the ops and the numbers. */
class LazyBlock {
  constructor(
    readonly op: number,
    readonly num: number,
    readonly read: (op: number, num: number) => unknown,
  ) {}
}

/** Per object read back with lazy properties: the block of each such property not read yet. */
const lazyBlocks = new WeakMap<object, Map<string, LazyBlock>>();

/**
 * One accessor per property name, shared by every object (so that they share their shape). The
 * first read makes the property a plain data property holding the value (as a literal would
 * have it: writable, enumerable, configurable), so that later reads are ordinary ones, and the
 * objects, read alike, share their shape again.
 */
const accessors = new Map<string, PropertyDescriptor>();
function lazyAccessor(key: string): PropertyDescriptor {
  let d = accessors.get(key);
  if (!d) {
    d = {
      get(this: object): unknown {
        // the object holding the property (this, or a prototype of it)
        // eslint-disable-next-line @typescript-eslint/no-this-alias -- the walk starts at this and goes up its prototypes
        let holder: object | null = this;
        while (holder !== null && !lazyBlocks.get(holder)?.has(key)) holder = Object.getPrototypeOf(holder) as object | null;
        if (holder === null) return undefined;
        const blocks = lazyBlocks.get(holder)!;
        const block = blocks.get(key)!;
        const value = block.read(block.op, block.num);
        blocks.delete(key);
        Object.defineProperty(holder, key, { value, writable: true, enumerable: true, configurable: true });
        return value;
      },
      enumerable: true,
      configurable: true,
    };
    accessors.set(key, d);
  }
  return d;
}

/** The object with each LazyBlock among its own values made a lazy accessor (the same keys in the same order); the object itself when it has none. */
function withLazyProperties(o: Record<string, unknown>): object {
  const keys = Object.keys(o);
  if (!keys.some((k) => o[k] instanceof LazyBlock)) return o;
  const out: Record<string, unknown> = {};
  const blocks = new Map<string, LazyBlock>();
  for (const k of keys) {
    const x = o[k];
    if (x instanceof LazyBlock) {
      Object.defineProperty(out, k, lazyAccessor(k));
      blocks.set(k, x);
    } else if (k === '__proto__') Object.defineProperty(out, k, { value: x, writable: true, enumerable: true, configurable: true });
    else out[k] = x;
  }
  lazyBlocks.set(out, blocks);
  return out;
}

/**
 * The value `encodeValue` stored in `bytes`; throws when the bytes are not such a value. With
 * `lazily`, properties stored lazily are read when first asked for; without, all at once (plain
 * data properties, as if stored without lazy keys).
 */
export function decodeValue(bytes: Uint8Array, lazily = false): unknown {
  if (bytes.length < HEADER_BYTES || Buffer.from(bytes.buffer, bytes.byteOffset, 8).toString('latin1') !== MAGIC) throw new Error('not a stored value');
  // the typed views need aligned memory: copy when the bytes do not start on an 8-byte boundary
  const b = bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
  const header = new DataView(b.buffer, b.byteOffset, HEADER_BYTES);
  const numCount = header.getUint32(8, true);
  const opCount = header.getUint32(12, true);
  const textBytes = header.getUint32(16, true);
  const opsAt = HEADER_BYTES + numCount * 8;
  const textAt = opsAt + opCount * 4;
  if (textAt + textBytes !== b.length) throw new Error('stored value has the wrong length');
  const nums = new Float64Array(b.buffer, b.byteOffset + HEADER_BYTES, numCount);
  const ops = new Int32Array(b.buffer, b.byteOffset + opsAt, opCount);
  const [strings, shapes] = JSON.parse(Buffer.from(b.buffer, b.byteOffset + textAt, textBytes).toString('utf8')) as [string[], string[][]];
  const builders: Array<(take: () => unknown) => object> = [];
  let op = 0;
  let num = 0;
  /** lazy blocks met so far (an object met one among its values when this grew while it was built) */
  let lazyMet = 0;
  /** a lazy block's value: read from its place, the reader's place kept */
  const readAt = (at: number, numAt: number): unknown => {
    const [savedOp, savedNum] = [op, num];
    op = at;
    num = numAt;
    try {
      return take();
    } finally {
      op = savedOp;
      num = savedNum;
    }
  };
  const take = (): unknown => {
    const tag = ops[op++];
    switch (tag) {
      case NUM:
        return nums[num++];
      case STR:
        return strings[ops[op++]!];
      case TRUE:
        return true;
      case FALSE:
        return false;
      case NULL:
        return null;
      case UNDEFINED:
        return undefined;
      case ARRAY: {
        const n = ops[op++]!;
        const a: unknown[] = new Array<unknown>(n);
        for (let i = 0; i < n; i++) a[i] = take();
        return a;
      }
      case MAP: {
        const n = ops[op++]!;
        const m = new Map<unknown, unknown>();
        for (let i = 0; i < n; i++) {
          const k = take();
          m.set(k, take());
        }
        return m;
      }
      case OBJECT: {
        const id = ops[op++]!;
        const before = lazyMet;
        const o = (builders[id] ??= objectBuilder(shapes[id]!))(take);
        return lazyMet === before ? o : withLazyProperties(o as Record<string, unknown>);
      }
      case LAZY: {
        const opSpan = ops[op++]!;
        const numSpan = ops[op++]!;
        if (opSpan < 0 || numSpan < 0 || op + opSpan > opCount || num + numSpan > numCount) throw new Error('stored value has a damaged lazy block');
        if (!lazily) return take();
        const block = new LazyBlock(op, num, readAt);
        op += opSpan;
        num += numSpan;
        lazyMet++;
        return block;
      }
      default:
        throw new Error(`stored value has an unknown tag ${String(tag)}`);
    }
  };
  const value = take();
  if (op !== opCount || num !== numCount) throw new Error('stored value has trailing data');
  return value;
}

/**
 * The input cache (src/input/inputCache.ts) and its stored form (valueTape.ts): a value comes
 * back exactly; an entry serves only the exact bytes it was built from, so a changed data file is
 * parsed and validated again (with the same errors as without a cache); a damaged entry is never
 * read; files outside the bundled folder are never cached.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedLoad, isBundled, type CacheOptions } from '../../src/input/inputCache.ts';
import { decodeValue, encodeValue, UnstorableValueError } from '../../src/input/valueTape.ts';
import { loadPolicyData } from '../../src/input/policyData.ts';
import { cachedPolicyData } from '../../src/input/policySources.ts';
import { loadCountyFile } from '../../src/input/countyFile.ts';
import { DEFAULT_COUNTIES, DEFAULT_DATA_DIR, NATIONAL_COUNTIES } from '../../src/input/bundledPaths.ts';
import { InputError } from '../../src/input/inputError.ts';

const NO_CACHE: CacheOptions = { dir: undefined };

describe('valueTape', () => {
  const plain = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.double(),
      fc.integer(),
      fc.string(),
      fc.constantFrom(true, false, null, undefined),
      fc.array(tie('value')),
      fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('2012', '0', 'constructor')), tie('value'), { noNullPrototype: true }),
      fc.array(fc.tuple(fc.oneof(fc.string(), fc.double()), tie('value'))).map((entries) => new Map(entries)),
    ),
  })).value;

  it('gives back every plain value exactly: keys in order, number bits (-0, NaN), Maps, undefined', () => {
    fc.assert(
      fc.property(plain, (v: unknown) => {
        const back = decodeValue(encodeValue(v));
        return isDeepStrictEqual(back, v) && JSON.stringify(Object.keys(Object(back) as object)) === JSON.stringify(Object.keys(Object(v) as object));
      }),
      { numRuns: 300 },
    );
  });

  it('with lazy keys: every value the same (deeply, keys in order, through JSON, spread and structured clone), a lazy property read when first asked for', () => {
    const lazyKeys = ['drivers', 'fiscal', 'a', '__proto__'];
    const withLazy = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        plain,
        fc.array(tie('value')),
        fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('drivers', 'fiscal', 'a', '__proto__')), tie('value'), { noNullPrototype: true }),
      ),
    })).value;
    fc.assert(
      fc.property(withLazy, (v: unknown) => {
        const bytes = encodeValue(v, lazyKeys);
        const back = decodeValue(bytes, true);
        return isDeepStrictEqual(decodeValue(bytes), v) && isDeepStrictEqual(back, v) && JSON.stringify(back) === JSON.stringify(v) && isDeepStrictEqual(structuredClone(back), structuredClone(v));
      }),
      { numRuns: 300 },
    );
    const counties = [{ code: '440232', drivers: { resident_pop: 1.5, pupils: 2 }, fiscal: { own_revenue: { 2012: 3 } }, cost: 1 }, { code: '440233', drivers: { resident_pop: -0 }, fiscal: {}, cost: 2 }];
    const bytes = encodeValue(counties, ['drivers', 'fiscal']);
    const back = decodeValue(bytes, true) as typeof counties;
    expect(Object.keys(Object.getOwnPropertyDescriptor(back[0], 'drivers')!)).toEqual(['get', 'set', 'enumerable', 'configurable']);
    // read at once (not lazily), the same bytes give plain data properties
    expect(Object.keys(Object.getOwnPropertyDescriptor((decodeValue(bytes) as typeof counties)[0], 'drivers')!)).toEqual(['value', 'writable', 'enumerable', 'configurable']);
    expect(Object.keys(back[1]!)).toEqual(['code', 'drivers', 'fiscal', 'cost']);
    // read twice: the same object, a plain data property after the first read
    expect(back[0]!.drivers).toBe(back[0]!.drivers);
    expect(Object.keys(Object.getOwnPropertyDescriptor(back[0], 'drivers')!)).toEqual(['value', 'writable', 'enumerable', 'configurable']);
    expect(Object.keys(back[0]!)).toEqual(['code', 'drivers', 'fiscal', 'cost']);
    // read through an object whose prototype it is: the value, held by the prototype
    expect((Object.create(back[1]!) as typeof counties[number]).fiscal).toEqual({});
    expect(Object.getOwnPropertyDescriptor(back[1], 'fiscal')!.value).toEqual({});
    expect(Object.is(back[1]!.drivers.resident_pop, -0)).toBe(true);
    expect({ ...back[0]! }).toEqual(counties[0]);
    expect(back).toStrictEqual(counties);
  });

  it('keeps an own __proto__ key as a key, not as the prototype', () => {
    const v = JSON.parse('{"__proto__": {"polluted": 1}, "a": 2}') as Record<string, unknown>;
    const back = decodeValue(encodeValue(v)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses what would not come back the same', () => {
    const holes: unknown[] = [1];
    holes[2] = 3;
    for (const [what, v] of Object.entries({ date: new Date(0), fn: () => 1, typed: new Float64Array(2), set: { a: new Set([1]) }, holes, bigint: 10n, symbol: Symbol('s') })) {
      expect(() => encodeValue(v), what).toThrow(UnstorableValueError);
    }
  });

  it('refuses bytes that are not a stored value, or are cut short', () => {
    const bytes = encodeValue({ a: [1, 2, 3], b: 'x' });
    expect(() => decodeValue(bytes.subarray(0, bytes.length - 1))).toThrow(/wrong length/);
    expect(() => decodeValue(Buffer.from('not a value at all, just text'))).toThrow(/not a stored value/);
  });
});

describe('cachedLoad', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const source = (text: string) => [{ file: '/x/data/a.yaml', bytes: Buffer.from(text) }];

  it('loads once for the same bytes, again for other bytes, and keeps one entry per slot', () => {
    let loads = 0;
    const load = (v: number) => () => (loads++, { v, list: [v, 'a'] });
    expect(cachedLoad('k', 'slot', source('one'), load(1), { dir })).toEqual({ v: 1, list: [1, 'a'] });
    expect(loads).toBe(1);
    // the same bytes: from the entry (load is not called; what it would return differs)
    expect(cachedLoad('k', 'slot', source('one'), load(99), { dir })).toEqual({ v: 1, list: [1, 'a'] });
    expect(loads).toBe(1);
    // one byte changed: loaded again, and the older entry of the slot replaced
    expect(cachedLoad('k', 'slot', source('onf'), load(2), { dir })).toEqual({ v: 2, list: [2, 'a'] });
    expect(loads).toBe(2);
    expect(readdirSync(dir)).toHaveLength(1);
    // another slot keeps its own entry
    cachedLoad('k', 'other', source('one'), load(3), { dir });
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('never reads a damaged entry: a changed byte means loading again', () => {
    let loads = 0;
    cachedLoad('k', 'slot', source('one'), () => (loads++, { v: 1 }), { dir });
    const [entry] = readdirSync(dir);
    const bytes = readFileSync(join(dir, entry!));
    bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 0xff;
    writeFileSync(join(dir, entry!), bytes);
    expect(cachedLoad('k', 'slot', source('one'), () => (loads++, { v: 2 }), { dir })).toEqual({ v: 2 });
    expect(loads).toBe(2);
  });

  it('an error of the loader propagates and stores nothing', () => {
    expect(() => cachedLoad('k', 'slot', source('bad'), () => { throw new InputError([{ file: 'a.yaml', message: 'bad' }]); }, { dir })).toThrow(InputError);
    expect(readdirSync(dir)).toHaveLength(0);
  });

  it('a folder that cannot be written just means no cache', () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    expect(cachedLoad('k', 'slot', source('one'), () => ({ v: 1 }), { dir: join(file, 'sub') })).toEqual({ v: 1 });
  });
});

describe('the bundled inputs through the cache', () => {
  let dir: string;
  let data: string;
  let cache: CacheOptions;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-cache-data-'));
    data = join(dir, 'data');
    cpSync(DEFAULT_DATA_DIR, data, { recursive: true, filter: (src) => !src.includes('china_2012') });
    cache = { dir: join(dir, 'cache'), bundledData: data };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('only files in the bundled folder count as bundled', () => {
    expect(isBundled(DEFAULT_COUNTIES)).toBe(true);
    expect(isBundled(DEFAULT_DATA_DIR)).toBe(true);
    expect(isBundled(join(DEFAULT_DATA_DIR, '..', 'scenarios', 'x.yaml'))).toBe(false);
    expect(isBundled('/tmp/data/counties.csv')).toBe(false);
    expect(isBundled(join(data, 'counties', 'a.csv'), data)).toBe(true);
    expect(isBundled(`${data}-other/a.csv`, data)).toBe(false);
  });

  it('the policy data: the same from the cache as parsed; a changed file is read again, never stale', () => {
    const parsed = loadPolicyData(data, NO_CACHE);
    expect(loadPolicyData(data, cache)).toEqual(parsed);
    expect(readdirSync(cache.dir!)).toHaveLength(1);
    const fromCache = loadPolicyData(data, cache);
    expect(isDeepStrictEqual(fromCache, parsed)).toBe(true);
    // change the standard revenue rate in the file: the cache must not serve the old value
    const file = join(data, 'transfers', 'general.yaml');
    const text = readFileSync(file, 'utf8');
    const changed = text.replace(/(standard_revenue_rate:[\s\S]*?2011: )([\d.]+)/, (_, head: string) => `${head}0.5`);
    expect(changed).not.toBe(text);
    writeFileSync(file, changed);
    const after = loadPolicyData(data, cache);
    expect(after).toEqual(loadPolicyData(data, NO_CACHE));
    expect(after.transfers['standard_revenue_rate']).not.toEqual(parsed.transfers['standard_revenue_rate']);
    expect(readdirSync(cache.dir!)).toHaveLength(1);
  });

  it('cachedPolicyData (no parser): nothing before the cache is filled, the parsed data after, nothing once a file changes or the cache is off', () => {
    expect(cachedPolicyData(data, cache)).toBeUndefined();
    const parsed = loadPolicyData(data, cache);
    expect(isDeepStrictEqual(cachedPolicyData(data, cache), parsed)).toBe(true);
    expect(cachedPolicyData(data, NO_CACHE)).toBeUndefined();
    // a folder other than the bundled one is never taken from the cache
    expect(cachedPolicyData(data, { dir: cache.dir })).toBeUndefined();
    const file = join(data, 'transfers', 'general.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(standard_revenue_rate:[\s\S]*?2011: )([\d.]+)/, (_, head: string) => `${head}0.5`));
    expect(cachedPolicyData(data, cache)).toBeUndefined();
    const changed = loadPolicyData(data, cache);
    expect(changed.transfers['standard_revenue_rate']).not.toEqual(parsed.transfers['standard_revenue_rate']);
    expect(isDeepStrictEqual(cachedPolicyData(data, cache), changed)).toBe(true);
    // a file that cannot be read: no cached value (loadPolicyData then reports it)
    rmSync(join(data, 'sharing', 'rules.yaml'));
    expect(cachedPolicyData(data, cache)).toBeUndefined();
  });

  it('the policy data: a broken file gives the same error with the cache as without', () => {
    loadPolicyData(data, cache);
    const file = join(data, 'sharing', 'rules.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/central_share:/, 'central_shar:'));
    const without = messageOf(() => loadPolicyData(data, NO_CACHE));
    expect(without).toMatch(/rules\.yaml:\d+/);
    expect(messageOf(() => loadPolicyData(data, cache))).toBe(without);
  });

  it('a county file: the same from the cache as parsed; a changed cell is read again; a bad cell gives the same error', () => {
    const file = join(data, 'counties', 'guangdong_2012.csv');
    const parsed = loadCountyFile(file, NO_CACHE);
    expect(isDeepStrictEqual(loadCountyFile(file, cache), parsed)).toBe(true);
    expect(isDeepStrictEqual(loadCountyFile(file, cache), parsed)).toBe(true);
    const lines = readFileSync(file, 'utf8').split('\n');
    const header = lines[0]!.split(',');
    const col = header.indexOf('tier_2018');
    const row = lines[1]!.split(',');
    const tier = row[col] === '5' ? '4' : '5';
    row[col] = tier;
    lines[1] = row.join(',');
    writeFileSync(file, lines.join('\n'));
    const after = loadCountyFile(file, cache);
    expect(after.counties[0]!.tier2018).toBe(Number(tier));
    expect(isDeepStrictEqual(after, loadCountyFile(file, NO_CACHE))).toBe(true);
    row[col] = 'abc';
    lines[1] = row.join(',');
    writeFileSync(file, lines.join('\n'));
    const without = messageOf(() => loadCountyFile(file, NO_CACHE));
    expect(without).toMatch(/guangdong_2012\.csv:2:tier_2018: "abc" is not a number/);
    expect(messageOf(() => loadCountyFile(file, cache))).toBe(without);
  });

  it('the national county file comes back from the cache exactly as parsed', () => {
    const national = { dir: join(dir, 'cache') };
    const parsed = loadCountyFile(NATIONAL_COUNTIES, NO_CACHE);
    loadCountyFile(NATIONAL_COUNTIES, national);
    expect(isDeepStrictEqual(loadCountyFile(NATIONAL_COUNTIES, national), parsed)).toBe(true);
    // and read lazily (explain): drivers and dated columns as accessors, every value the same
    const lazily = loadCountyFile(NATIONAL_COUNTIES, { ...national, lazily: true });
    expect(Object.getOwnPropertyDescriptor(lazily.counties[0], 'drivers')!.value).toBeUndefined();
    expect(isDeepStrictEqual(lazily, parsed)).toBe(true);
    expect(JSON.stringify(lazily.counties)).toBe(JSON.stringify(parsed.counties));
  });

  it('a file outside the bundled folder is never cached', () => {
    const own = join(dir, 'own.csv');
    cpSync(DEFAULT_COUNTIES, own);
    loadCountyFile(own, cache);
    loadPolicyData(data, { dir: cache.dir });
    expect(readdirSync(dir)).not.toContain('cache');
  });
});

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('no error');
}

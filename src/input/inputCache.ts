/**
 * A cache of the bundled inputs as loaded and validated (the county files and policy data under
 * data/), so that a command does not parse and validate the same 3.5 MB of CSV and YAML on
 * every start. An entry is valid only for the exact bytes it was built from: its key is a
 * SHA-256 of every source file's path and content, of the loader code (every file of this
 * folder, input/, where the parsers and schemas live), of package.json (the parsing libraries'
 * versions) and of the V8 version. A changed data file therefore has a new key, and is parsed
 * and validated as if there were no cache, with the same errors.
 *
 * Entries live in dist/.input-cache/ below the package root (FISCAL_SIM_CACHE_DIR overrides
 * it; FISCAL_SIM_CACHE=off turns the cache off). They are written whole under a temporary
 * name and renamed, and hold a SHA-256 of their content, so a torn or damaged entry is never
 * read. A folder that cannot be written (a read-only install) just means no cache. Only the
 * bundled files are cached: files the user gives are always parsed and validated.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from './bundledPaths.ts';
import { decodeValue, encodeValue, UnstorableValueError } from './valueTape.ts';

/** Raise when the stored form changes, so that older entries are not read. */
const FORMAT = 'fiscal-sim input cache 1';

const BUNDLED_DATA = resolve(PACKAGE_ROOT, 'data');

/** Where entries are kept, or undefined when the cache is off. */
export function inputCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env['FISCAL_SIM_CACHE'] === 'off') return undefined;
  return env['FISCAL_SIM_CACHE_DIR'] || join(PACKAGE_ROOT, 'dist', '.input-cache');
}

/** Whether a file or folder is one of the bundled inputs (inside the package's data/, or `root`). */
export function isBundled(path: string, root: string = BUNDLED_DATA): boolean {
  const r = relative(resolve(root), resolve(path));
  return !isAbsolute(r) && r !== '..' && !r.startsWith(`..${sep}`);
}

/** The folder of the loader code: src/input/ or dist/input/. */
const LOADER_DIR = dirname(fileURLToPath(import.meta.url));

let codeFingerprint: string | undefined;

/** A hash of the loader code (this folder's files), package.json and the V8 version, read once. */
function loaderFingerprint(): string {
  if (codeFingerprint === undefined) {
    const h = createHash('sha256').update(FORMAT).update('\0').update(process.versions.v8);
    for (const name of readdirSync(LOADER_DIR).sort()) {
      h.update('\0').update(name).update('\0');
      try {
        h.update(readFileSync(join(LOADER_DIR, name)));
      } catch {
        h.update('(unreadable)');
      }
    }
    h.update('\0package.json\0').update(readFileSync(join(PACKAGE_ROOT, 'package.json')));
    codeFingerprint = h.digest('hex');
  }
  return codeFingerprint;
}

/** A source of an entry: a file's path and its bytes as read. */
export interface SourceBytes {
  readonly file: string;
  readonly bytes: Uint8Array;
}

export interface CacheOptions {
  /** the folder of entries; undefined: no cache */
  readonly dir: string | undefined;
  /** the folder whose files count as bundled (default: the package's data/) */
  readonly bundledData?: string;
  /** read the properties an entry stores lazily (cachedLoad's lazyKeys) only when first asked for (valueTape.ts) */
  readonly lazily?: boolean;
}

/** The cache as the program uses it: inputCacheDir(), for the package's data/. */
export function defaultCache(): CacheOptions {
  return { dir: inputCacheDir() };
}

/** Whether `path` is cached under `options`: the cache is on and the path is bundled. */
export function cachesPath(path: string, options: CacheOptions): boolean {
  return options.dir !== undefined && isBundled(path, options.bundledData);
}

/** Where the entry for `sources` is kept, and its key (a hash of the loader code, kind, slot and every source's path and bytes). */
interface EntryPlace {
  readonly dir: string;
  /** the start of the names of the slot's entries */
  readonly prefix: string;
  readonly path: string;
  readonly key: string;
}

function entryPlace(dir: string, kind: string, slot: string, sources: readonly SourceBytes[]): EntryPlace {
  const h = createHash('sha256').update(loaderFingerprint()).update('\0').update(kind).update('\0').update(slot);
  for (const s of sources) h.update('\0').update(resolve(s.file)).update('\0').update(String(s.bytes.length)).update('\0').update(s.bytes);
  const key = h.digest('hex');
  // the slot is also the loader's folder: the sources (src/input, under tests) and the compiled
  // CLI (dist/input) keep an entry each rather than replacing each other's
  const prefix = `${kind}-${createHash('sha256').update(slot).update('\0').update(LOADER_DIR).digest('hex').slice(0, 16)}-`;
  return { dir, prefix, path: join(dir, `${prefix}${key.slice(0, 32)}.bin`), key };
}

/**
 * The value stored for exactly `sources` (see cachedLoad), or undefined when the cache is off or
 * holds no such entry. For a caller that would rather not load its parser until it knows it
 * must parse (cachedLoad then parses and stores).
 */
export function cachedValue(kind: string, slot: string, sources: readonly SourceBytes[], options: CacheOptions = defaultCache()): unknown {
  if (options.dir === undefined) return undefined;
  const place = entryPlace(options.dir, kind, slot, sources);
  return readEntry(place.path, place.key);
}

/**
 * The value `load` returns for `sources`, from the cache when an entry for exactly these bytes
 * exists, else by calling `load` (whose errors propagate as they are) and storing its result.
 * `kind` and `slot` name the entry (a kind of input and where it comes from), so that a new
 * entry replaces the older ones of the same slot rather than piling up. Objects' properties named
 * in `lazyKeys` are stored so that a reader with `options.lazily` reads them when first asked for
 * (valueTape.ts).
 */
export function cachedLoad<T>(kind: string, slot: string, sources: readonly SourceBytes[], load: () => T, options: CacheOptions = defaultCache(), lazyKeys: readonly string[] = []): T {
  if (options.dir === undefined) return load();
  const place = entryPlace(options.dir, kind, slot, sources);
  const stored = readEntry(place.path, place.key, options.lazily === true);
  if (stored !== undefined) return stored as T;
  const value = load();
  writeEntry(place.dir, place.prefix, place.path, place.key, value, lazyKeys);
  return value;
}

/** Store `value` as the entry for exactly `sources` (as cachedLoad stores what it loads); nothing happens when the cache is off or the value cannot be stored. */
export function storeValue(kind: string, slot: string, sources: readonly SourceBytes[], value: unknown, options: CacheOptions = defaultCache()): void {
  if (options.dir === undefined) return;
  const place = entryPlace(options.dir, kind, slot, sources);
  writeEntry(place.dir, place.prefix, place.path, place.key, value);
}

const KEY_BYTES = 32;
const SUM_BYTES = 32;

/** The value stored at `path` under `key`; undefined when there is none, or it is for another key, or damaged. */
function readEntry(path: string, key: string, lazily = false): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  if (bytes.length < KEY_BYTES + SUM_BYTES) return undefined;
  if (!bytes.subarray(0, KEY_BYTES).equals(Buffer.from(key, 'hex'))) return undefined;
  const body = bytes.subarray(KEY_BYTES + SUM_BYTES);
  if (!createHash('sha256').update(body).digest().equals(bytes.subarray(KEY_BYTES, KEY_BYTES + SUM_BYTES))) return undefined;
  try {
    return decodeValue(body, lazily);
  } catch {
    return undefined;
  }
}

/** Store `value` whole (temporary name, then rename); remove older entries of the same slot. Failures only mean no cache. */
function writeEntry(dir: string, prefix: string, path: string, key: string, value: unknown, lazyKeys: readonly string[] = []): void {
  let body: Buffer;
  try {
    body = encodeValue(value, lazyKeys);
  } catch (e) {
    if (e instanceof UnstorableValueError) return;
    throw e;
  }
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, Buffer.concat([Buffer.from(key, 'hex'), createHash('sha256').update(body).digest(), body]));
    renameSync(temp, path);
    const name = path.slice(dir.length + 1);
    for (const other of readdirSync(dir)) {
      if (other.startsWith(prefix) && other.endsWith('.bin') && other !== name) rmSync(join(dir, other), { force: true });
    }
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing was written
    }
  }
}

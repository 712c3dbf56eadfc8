/**
 * Write a set of output files so that none is left half-written: every file goes to a
 * temporary name in its target folder first, and only when all are written are they renamed
 * into place. If anything fails before that, every temporary file is removed and no output
 * file is touched.
 *
 * `writeFilesAtomically` takes contents already in memory; `OutputSet` streams: it hands out
 * chunked text writers (src/report/stream/chunkedWriter.ts) and temporary paths for other
 * streaming writers (the workbook), then renames them all at once in `commit`.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ChunkedTextWriter } from './stream/chunkedWriter.ts';

export interface OutputFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}

let sequence = 0;

/** A temporary name beside `path` that no other writer of this process uses. */
function tempPathFor(path: string): string {
  return `${path}.tmp-${process.pid}-${sequence++}`;
}

export function writeFilesAtomically(files: readonly OutputFile[]): void {
  const set = new OutputSet();
  try {
    for (const f of files) writeFileSync(set.tempFor(f.path), f.content);
  } catch (e) {
    set.abort();
    throw e;
  }
  set.commit();
}

/** A set of output files written to temporary names and renamed into place together. */
export class OutputSet {
  private readonly files: Array<{ readonly path: string; readonly temp: string }> = [];
  private readonly open: ChunkedTextWriter[] = [];
  private done = false;

  /** Reserve the temporary path for `path` (its folder is created); the caller writes it. */
  tempFor(path: string): string {
    if (this.done) throw new Error('output set already committed or aborted');
    mkdirSync(dirname(path), { recursive: true });
    const temp = tempPathFor(path);
    this.files.push({ path, temp });
    return temp;
  }

  /** A chunked text writer to the temporary file of `path`. */
  text(path: string, opts: { sha256?: boolean; chunkBytes?: number } = {}): ChunkedTextWriter {
    const w = new ChunkedTextWriter(this.tempFor(path), opts.chunkBytes, opts);
    this.open.push(w);
    return w;
  }

  /** The final paths, in the order they were added. */
  get paths(): string[] {
    return this.files.map((f) => f.path);
  }

  /** Close every writer, then rename every temporary file into place. */
  commit(): void {
    try {
      for (const w of this.open) w.close();
    } catch (e) {
      this.abort();
      throw e;
    }
    this.done = true;
    for (const f of this.files) renameSync(f.temp, f.path);
  }

  /** Remove every temporary file; no output file is touched. */
  abort(): void {
    this.done = true;
    for (const w of this.open) w.discard();
    for (const f of this.files) rmSync(f.temp, { force: true });
  }
}

/** Run `fill` on a fresh output set; commit it if `fill` succeeds, otherwise remove every temporary file and rethrow. */
export async function writeOutputSet<T>(fill: (set: OutputSet) => T | Promise<T>): Promise<{ value: T; paths: string[] }> {
  const set = new OutputSet();
  let value: T;
  try {
    value = await fill(set);
  } catch (e) {
    set.abort();
    throw e;
  }
  set.commit();
  return { value, paths: set.paths };
}

/** The same, for fills that do not wait on anything. */
export function writeOutputSetSync<T>(fill: (set: OutputSet) => T): { value: T; paths: string[] } {
  const set = new OutputSet();
  let value: T;
  try {
    value = fill(set);
  } catch (e) {
    set.abort();
    throw e;
  }
  set.commit();
  return { value, paths: set.paths };
}

/**
 * A text file written in chunks: each piece of text is encoded (UTF-8) straight into a
 * reused byte buffer of about a megabyte, which is written to the file when full. Memory stays
 * at one buffer whatever the file's size; no long string is built (joining the pieces into a
 * megabyte string and encoding it at once cost more than the rest of a national run's output:
 * flattening the string, a fresh buffer per chunk and the garbage they leave).
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';

/** Bytes held before a chunk is written. */
export const CHUNK_BYTES = 1 << 20;

/** UTF-8 bytes a UTF-16 code unit can take at most (a surrogate pair, two units, takes four). */
const MAX_BYTES_PER_UNIT = 3;

export class ChunkedTextWriter {
  private fd: number | undefined;
  private readonly chunk: Buffer;
  private used = 0;
  /** the buffer of a piece larger than a chunk, between room and advance */
  private large: Buffer | undefined;
  private readonly hash: Hash | undefined;
  /** bytes written to the file so far (after close: the file's size) */
  bytes = 0;

  constructor(
    readonly path: string,
    chunkBytes = CHUNK_BYTES,
    opts: { sha256?: boolean } = {},
  ) {
    this.hash = opts.sha256 ? createHash('sha256') : undefined;
    this.chunk = Buffer.allocUnsafe(Math.max(1, chunkBytes));
    this.fd = openSync(path, 'w');
  }

  /** The SHA-256 of the bytes written (hex), when asked for at construction; call after close. */
  sha256(): string {
    if (!this.hash) throw new Error(`${this.path}: no checksum was asked for`);
    if (this.fd !== undefined) throw new Error(`${this.path}: close it before asking for its checksum`);
    return this.hash.copy().digest('hex');
  }

  write(text: string): void {
    if (this.fd === undefined) throw new Error(`${this.path} is already closed`);
    const most = text.length * MAX_BYTES_PER_UNIT;
    if (most > this.chunk.length - this.used) {
      this.flush();
      // longer than a whole chunk: encoded and written by itself
      if (most > this.chunk.length) {
        this.writeBytes(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += this.chunk.write(text, this.used, 'utf8');
  }

  /**
   * Room for `bytes` bytes, for a writer that puts bytes in itself: it writes into `buffer`
   * from `at` on, then calls `advance` with the end. The chunk is written out first when it has
   * less room; a piece larger than a whole chunk gets a buffer of its own, written by `advance`.
   */
  room(bytes: number): { readonly buffer: Buffer; readonly at: number } {
    if (this.fd === undefined) throw new Error(`${this.path} is already closed`);
    if (bytes > this.chunk.length - this.used) this.flush();
    if (bytes > this.chunk.length) {
      this.large = Buffer.allocUnsafe(bytes);
      return { buffer: this.large, at: 0 };
    }
    return { buffer: this.chunk, at: this.used };
  }

  /** The end of what a writer put in the buffer `room` gave (see there). */
  advance(to: number): void {
    const large = this.large;
    if (large) {
      this.large = undefined;
      if (to < 0 || to > large.length) throw new RangeError(`${this.path}: cannot end the piece at ${to}`);
      this.writeBytes(large.subarray(0, to));
      return;
    }
    if (to < this.used || to > this.chunk.length) throw new RangeError(`${this.path}: cannot end the chunk at ${to}`);
    this.used = to;
  }

  /** The chunk's size in bytes. */
  get chunkBytes(): number {
    return this.chunk.length;
  }

  flush(): void {
    if (this.fd === undefined) throw new Error(`${this.path} is already closed`);
    if (this.used === 0) return;
    const used = this.used;
    this.used = 0;
    this.writeBytes(this.chunk.subarray(0, used));
  }

  private writeBytes(bytes: Buffer): void {
    this.hash?.update(bytes);
    let off = 0;
    while (off < bytes.length) off += writeSync(this.fd!, bytes, off, bytes.length - off);
    this.bytes += bytes.length;
  }

  /** Write what is held and close the file (a second close does nothing). */
  close(): void {
    if (this.fd === undefined) return;
    this.flush();
    closeSync(this.fd);
    this.fd = undefined;
  }

  /** Close without writing what is held (the file is about to be removed). */
  discard(): void {
    this.used = 0;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * A text file written in chunks: pieces of text are gathered until about a megabyte is
 * held, then written to the file (UTF-8) and dropped. Memory stays at one chunk whatever
 * the file's size, and no string ever approaches V8's largest string.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';

/** Characters held before a chunk is written (about 1 MB of ASCII, up to 3 MB of Chinese). */
export const CHUNK_CHARS = 1 << 20;

export class ChunkedTextWriter {
  private fd: number | undefined;
  private buffer = '';
  private readonly hash: Hash | undefined;
  /** bytes written to the file so far (after close: the file's size) */
  bytes = 0;

  constructor(
    readonly path: string,
    private readonly chunkChars = CHUNK_CHARS,
    opts: { sha256?: boolean } = {},
  ) {
    this.hash = opts.sha256 ? createHash('sha256') : undefined;
    this.fd = openSync(path, 'w');
  }

  /** The SHA-256 of the bytes written (hex), when asked for at construction; call after close. */
  sha256(): string {
    if (!this.hash) throw new Error(`${this.path}: no checksum was asked for`);
    if (this.fd !== undefined) throw new Error(`${this.path}: close it before asking for its checksum`);
    return this.hash.copy().digest('hex');
  }

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= this.chunkChars) this.flush();
  }

  flush(): void {
    if (this.fd === undefined) throw new Error(`${this.path} is already closed`);
    if (this.buffer.length === 0) return;
    const chunk = Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    this.hash?.update(chunk);
    let off = 0;
    while (off < chunk.length) off += writeSync(this.fd, chunk, off, chunk.length - off);
    this.bytes += chunk.length;
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
    this.buffer = '';
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

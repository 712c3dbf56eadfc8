/**
 * Limits on input files, checked BEFORE anything is read, and the largest values the model
 * accepts. They are documented in the README ("Limits"). A file or value past a limit is
 * refused with an InputError naming the file, the value, why, and the largest accepted value.
 *
 * - Only regular files are read: devices (/dev/zero), FIFOs, sockets and directories are
 *   refused, also when reached through a symlink (the link is followed and its target checked).
 * - Size: a YAML/JSON file (scenario, catalog, settings) at most MAX_YAML_BYTES; a county CSV at
 *   most MAX_COUNTY_BYTES. The size is taken from the open file descriptor and the read stops at
 *   the limit, so a file that grows while it is read cannot get past it.
 * - Rows: a county file at most MAX_COUNTY_ROWS data rows.
 * - Amounts: money stays exact as integer fen below 2^53 (≈ 90 trillion yuan); the value limits
 *   below keep every input far inside that, and a computed amount that still passes it is
 *   refused by the money helpers (MoneyOverflowError) with the county, item and year.
 */
import { say } from '../i18n/messageLang.ts';
import { closeSync, fstatSync, openSync, readSync, constants as fsConstants } from 'node:fs';
import { InputError } from './inputError.ts';

/** Largest scenario, catalog or settings file (YAML or JSON): 1 MiB. */
export const MAX_YAML_BYTES = 1 << 20;
/** Largest county CSV file: 64 MiB (the bundled national file is 1.6 MB). */
export const MAX_COUNTY_BYTES = 64 << 20;
/** Most data rows in a county CSV (China has about 2,850 county-level units). */
export const MAX_COUNTY_ROWS = 100_000;
/** Most YAML aliases in one file (anchors reused with *name); past it the file is refused (alias bombs). */
export const MAX_YAML_ALIASES = 100;
/** Most files in a scenario `extends` chain. */
export const MAX_EXTENDS_DEPTH = 20;
export { MAX_LISTED_PROBLEMS } from './inputError.ts';

/** Latest year a run or scenario may reach (projection from the 2010 census and 2012 fiscal data). */
export const MAX_YEAR = 2040;
/** Earliest year a run or scenario may ask for. */
export const MIN_YEAR = 2000;
/** Largest count of people in one county column (the largest county-level unit has a few million). */
export const MAX_COUNT = 100_000_000;
/** Largest money figure in a county file or an amount parameter (pools): 10 trillion yuan. */
export const MAX_AMOUNT_YUAN = 10_000_000_000_000;
/** Largest unit standard or central amount per beneficiary and period: 1 million yuan. */
export const MAX_STANDARD_YUAN = 1_000_000;
/** Largest cost index of a county. */
export const MAX_COST_INDEX = 10;
/** Largest multiplier a sweep applies to unit standards, coverage or own revenue. */
export const MAX_MULTIPLIER = 1000;
/** Shares are held as parts per million: at most 6 decimals. */
export const SHARE_DECIMALS = 6;
/**
 * Decimals of a coverage or eligibility share in a scenario. These multiply beneficiaries, not
 * money splits, and the catalog itself holds rates finer than a millionth (orphans per resident,
 * 0.0000713), so a scenario may state them to the billionth.
 */
export const RATIO_DECIMALS = 9;

/** Format a limit for messages: 100000000 → "100,000,000". */
export function formatLimit(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

function kindOf(mode: number): string {
  const t = mode & fsConstants.S_IFMT;
  if (t === fsConstants.S_IFDIR) return say({ zh: '目录', en: 'a directory' });
  if (t === fsConstants.S_IFCHR) return say({ zh: '字符设备', en: 'a character device' });
  if (t === fsConstants.S_IFBLK) return say({ zh: '块设备', en: 'a block device' });
  if (t === fsConstants.S_IFIFO) return say({ zh: '命名管道', en: 'a FIFO (named pipe)' });
  if (t === fsConstants.S_IFSOCK) return say({ zh: '套接字', en: 'a socket' });
  return say({ zh: '非普通文件', en: 'not a regular file' });
}

/**
 * Read a whole input file, refusing anything that is not a regular file or is larger than
 * `maxBytes`, before reading any of it. Non-blocking open, so a FIFO without a writer cannot
 * hang the program. Errors are InputErrors naming the file.
 */
export function readInputFile(file: string, maxBytes: number, what: string): Buffer {
  let fd: number;
  try {
    fd = openSync(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError([{ file, message: say({ zh: '找不到文件', en: `file not found` }) }]);
    throw new InputError([{ file, message: say({ zh: `无法读取文件：${(e as Error).message}`, en: `cannot read file: ${(e as Error).message}` }) }]);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      throw new InputError([{ file, message: say({ zh: `拒绝读取：${kindOf(st.mode)}，不是普通文件`, en: `refused: ${kindOf(st.mode)}, not a regular file (a ${what} must be a regular file)` }) }]);
    }
    if (st.size > maxBytes) {
      throw new InputError([{ file, message: say({ zh: `拒绝读取：文件有 ${formatLimit(st.size)} 字节，超过上限 ${formatLimit(maxBytes)} 字节`, en: `refused: the file is ${formatLimit(st.size)} bytes; the largest ${what} accepted is ${formatLimit(maxBytes)} bytes` }) }]);
    }
    // read at most size + 1 bytes: a file that grows while it is read (or a /proc file that
    // reports size 0) is refused rather than read past its limit
    const buf = Buffer.allocUnsafe(st.size + 1);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, total, buf.length - total, null);
      if (n === 0) break;
      total += n;
      if (total > st.size) {
        throw new InputError([{ file, message: say({ zh: `拒绝读取：文件在读取时大小发生变化（开始时为 ${formatLimit(st.size)} 字节）`, en: `refused: the file changed size while it was read (${formatLimit(st.size)} bytes at the start)` }) }]);
      }
    }
    return buf.subarray(0, total);
  } finally {
    closeSync(fd);
  }
}

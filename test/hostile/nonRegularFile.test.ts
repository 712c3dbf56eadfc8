/** Non-regular file: devices, symlinks to devices, FIFOs and directories are refused before reading. */
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCountyFile } from '../../src/input/countyFile.ts';
import { InputError } from '../../src/input/inputError.ts';
import { readYamlFile } from '../../src/input/yamlFile.ts';
import { cli, expectRefused, tempDir, write } from './helpers.ts';

function message(load: () => unknown): string {
  try {
    load();
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('non-regular file', () => {
  const dir = tempDir('nonreg');
  const zeroLink = join(dir, 'zero.yaml');
  symlinkSync('/dev/zero', zeroLink);
  const fifo = join(dir, 'pipe.csv');
  execFileSync('mkfifo', [fifo]);

  it('extends: /dev/zero, /dev/urandom and a symlink to them are refused at once', async () => {
    for (const target of ['/dev/zero', '/dev/urandom', zeroLink]) {
      const file = write(dir, 'dev.yaml', `title: device\nextends: ${target}\n`);
      const out = join(dir, 'out');
      const r = await cli('run', '--scenario', file, '--reference', 'none', '--out', out, '--quiet');
      expectRefused(r, out, /refused: a character device, not a regular file/);
    }
  });

  it('a county file that is a FIFO, a device or a directory is refused without blocking', () => {
    expect(message(() => loadCountyFile(fifo))).toMatch(/pipe\.csv: refused: a FIFO \(named pipe\), not a regular file/);
    expect(message(() => loadCountyFile('/dev/zero'))).toMatch(/refused: a character device/);
    expect(message(() => loadCountyFile(dir))).toMatch(/refused: a directory/);
    expect(message(() => readYamlFile(fifo))).toMatch(/refused: a FIFO/);
  });

  it('a missing file is a plain error', async () => {
    const out = join(dir, 'out-missing');
    expectRefused(await cli('run', '--counties', join(dir, 'nope.csv'), '--out', out, '--quiet'), out, /nope\.csv: file not found/);
  });
});

/**
 * A test file's own input cache: FISCAL_SIM_CACHE_DIR set to a fresh temporary folder (and the
 * cache switched on) before its tests, both variables restored and the folder removed after.
 * Returns a function giving the temporary folder (the cache is its `cache` subfolder).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

export function useTempCache(prefix: string): () => string {
  let dir = '';
  const saved = { cache: process.env['FISCAL_SIM_CACHE'], dir: process.env['FISCAL_SIM_CACHE_DIR'] };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    delete process.env['FISCAL_SIM_CACHE'];
    process.env['FISCAL_SIM_CACHE_DIR'] = join(dir, 'cache');
  });
  afterAll(() => {
    for (const [name, value] of [['FISCAL_SIM_CACHE', saved.cache], ['FISCAL_SIM_CACHE_DIR', saved.dir]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}

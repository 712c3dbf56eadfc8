/**
 * `explain` on the bundled data prints the same bytes whether the inputs come from the input
 * cache or are parsed (FISCAL_SIM_CACHE=off), in Chinese and English; and the cache it fills
 * holds the bundled files only.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cliInProcess.ts';

const SLOW = 240_000;
let dir: string;
const saved = { cache: process.env['FISCAL_SIM_CACHE'], dir: process.env['FISCAL_SIM_CACHE_DIR'] };

async function explain(cache: 'off' | 'on', ...args: string[]): Promise<string> {
  if (cache === 'off') process.env['FISCAL_SIM_CACHE'] = 'off';
  else delete process.env['FISCAL_SIM_CACHE'];
  process.env['FISCAL_SIM_CACHE_DIR'] = dir;
  const r = await cli('explain', ...args);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return r.out;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-explain-cache-'));
});
afterAll(() => {
  for (const [name, value] of [['FISCAL_SIM_CACHE', saved.cache], ['FISCAL_SIM_CACHE_DIR', saved.dir]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('explain with the input cache', () => {
  it('prints the same bytes from the cache as from parsing, in Chinese and in English', async () => {
    const parsedZh = await explain('off', '440232', '--lang', 'zh');
    expect(readdirSync(dir)).toEqual([]);
    // the first run with the cache fills it (the guangdong file, the national file, the policy data)
    expect(await explain('on', '440232', '--lang', 'zh')).toBe(parsedZh);
    const entries = readdirSync(dir).sort();
    expect(entries.map((e) => e.split('-')[0])).toEqual(['counties', 'counties', 'policy']);
    // the second reads it, and keeps the national run in explain's results cache (explainRunCache.ts)
    expect(await explain('on', '440232', '--lang', 'zh')).toBe(parsedZh);
    const withRun = readdirSync(dir).sort();
    expect(withRun.map((e) => e.split('-').slice(0, 2).join('-'))).toEqual(['counties-' + entries[0]!.split('-')[1], 'counties-' + entries[1]!.split('-')[1], 'explain-run', 'policy-' + entries[2]!.split('-')[1]]);
    // the third reads both, and writes nothing new
    expect(await explain('on', '440232', '--lang', 'zh')).toBe(parsedZh);
    expect(readdirSync(dir).sort()).toEqual(withRun);
    expect(parsedZh).toContain('乳源瑶族自治县');
    expect(await explain('on', '440232', '--lang', 'en')).toBe(await explain('off', '440232', '--lang', 'en'));
  }, SLOW);
});

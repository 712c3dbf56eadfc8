/**
 * What `explain` loads (issue 11: `explain` starts in under 1 s of CPU), as a user starts it
 * (bin/fiscal-sim.js in a child process): with the input cache filled it loads neither the
 * parsers (zod, yaml, papaparse, the scenario reader) nor the other commands' modules, and prints
 * the same bytes as when it had to parse.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/fiscal-sim.js', import.meta.url));
const SLOW = 240_000;

/** Module specifiers explain must not load once the cache is filled. */
const UNWANTED = String.raw`\/vendor\/(zod|yaml)\.js$|^papaparse$|\/scenarioFile\.(js|ts)$|\/(run|compare|report|template|params|schemes|sweep|montecarlo|validate)Command\.(js|ts)$`;
const HOOKS = `
const unwanted = new RegExp(${JSON.stringify(UNWANTED)});
export async function resolve(specifier, context, next) {
  if (unwanted.test(specifier)) throw new Error('unwanted: ' + specifier + ' was loaded');
  return next(specifier, context);
}`;

let dir: string;
let env: NodeJS.ProcessEnv;
let poison: string[];

function fiscalSim(args: readonly string[], nodeArgs: readonly string[] = []): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...nodeArgs, BIN, ...args], { cwd: dir, env, encoding: 'utf8', maxBuffer: 64 << 20 });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-explain-startup-'));
  env = { ...process.env, FISCAL_SIM_CACHE_DIR: join(dir, 'cache'), FISCAL_SIM_LANG: 'en' };
  delete env['FISCAL_SIM_CACHE'];
  writeFileSync(join(dir, 'hooks.mjs'), HOOKS);
  writeFileSync(join(dir, 'poison.mjs'), `import { register } from 'node:module';\nregister(new URL('./hooks.mjs', import.meta.url));\n`);
  poison = ['--import', pathToFileURL(join(dir, 'poison.mjs')).href];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('explain starting from the input cache', () => {
  it('the poison works: a command that reads a scenario file fails under it', () => {
    const r = fiscalSim(['explain', '440232', '--scenario', fileURLToPath(new URL('../../scenarios/raise_basic_pension.yaml', import.meta.url))], poison);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/unwanted: .*(scenarioFile|zod|yaml)/);
  }, SLOW);

  it('loads no parser and no other command once the cache is filled, and prints the same bytes', () => {
    // the first run parses the bundled files and fills the cache
    const first = fiscalSim(['explain', '440232']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('乳源瑶族自治县 (440232');
    const second = fiscalSim(['explain', '440232'], poison);
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  }, SLOW);
});

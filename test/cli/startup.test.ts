/**
 * The program as a user starts it: bin/fiscal-sim.js in a child process (the compiled CLI,
 * rebuilt first when src/ is newer). Version, output through a pipe, the default output
 * folder, years outside the data, and what --help loads.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleRow, toCsvText } from '../helpers/countyCsv.ts';

const BIN = fileURLToPath(new URL('../../bin/fiscal-sim.js', import.meta.url));
const PACKAGE = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
/** seconds: a child runs the model, and the machine may be shared */
const SLOW = 240_000;

let dir: string;
let counties: string;
/** the small county file without the national reference: the model runs in a second */
let small: string[];

function fiscalSim(args: readonly string[], options: { cwd?: string; nodeArgs?: readonly string[] } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], { cwd: options.cwd ?? dir, encoding: 'utf8', maxBuffer: 64 << 20 });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-startup-'));
  counties = join(dir, 'counties.csv');
  writeFileSync(counties, toCsvText([sampleRow('440101'), sampleRow('440102')]));
  small = ['--counties', counties, '--reference', 'none'];
  // build (or check) the compiled CLI once, so that the tests below do not race to rebuild it
  const r = fiscalSim(['--version']);
  if (r.status !== 0) throw new Error(`fiscal-sim --version failed:\n${r.stderr}`);
}, SLOW);

describe('fiscal-sim --version', () => {
  it("prints package.json's version and exits 0", () => {
    const r = fiscalSim(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${PACKAGE.version}\n`);
    expect(r.stderr).toBe('');
  });
});

describe('output through a pipe', () => {
  it('is complete: the same bytes as written to a file, far past the 64 KiB a pipe holds', async () => {
    const args = [BIN, 'explain', '440101', ...small];
    const file = join(dir, 'explain.txt');
    const fd = openSync(file, 'w');
    const toFile = spawnSync(process.execPath, args, { cwd: dir, stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    expect(toFile.status).toBe(0);
    const expected = readFileSync(file);
    expect(expected.length).toBeGreaterThan(65_536);

    // a reader slower than the writer: the pipe is full when the command finishes
    const child = spawn(process.execPath, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let first = true;
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (first) {
        first = false;
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), 1500);
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(Buffer.concat(chunks).equals(expected)).toBe(true);
  }, SLOW);

  it('ends quietly when the reader stops early (| head -1): exit 0, no EPIPE error', async () => {
    const child = spawn(process.execPath, [BIN, 'explain', '440101', ...small], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    let firstLine = '';
    child.stdout.once('data', (c: Buffer) => {
      firstLine = c.toString().split('\n')[0]!;
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(firstLine).toMatch(/^县440101 \(440101\)/);
    expect(code).toBe(0);
    expect(err).not.toMatch(/EPIPE|Error|at .+:\d+:\d+/);
  }, SLOW);
});

describe('--out', () => {
  it('defaults to reports/ in the folder the user is in', () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    const r = fiscalSim(['run', ...small, '--quiet'], { cwd });
    expect(r.status).toBe(0);
    expect(readdirSync(join(cwd, 'reports')).sort()).toEqual(['counties.csv', 'item_sources.csv', 'items.csv', 'provinces.csv', 'summary.json']);
    expect(r.stderr).toContain(join(cwd, 'reports'));
  }, SLOW);
});

describe('years outside the data', () => {
  const refused = (r: SpawnSyncReturns<string>, out: string): void => {
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|RangeError|unexpected error/);
    expect(existsSync(out)).toBe(false);
  };

  it('2099: a clear error naming the years the plan and data cover, in the message language', () => {
    const out = join(dir, 'y2099');
    const r = fiscalSim(['run', ...small, '--year', '2099', '--out', out]);
    refused(r, out);
    expect(r.stderr).toMatch(/2099 is too far ahead: the latest year accepted is 2040 \(the plan covers 2011–2015, the policy data 2011–2016;/);
    expect(r.stderr).not.toMatch(/[\u4e00-\u9fff]/);
    const zh = fiscalSim(['run', ...small, '--year', '2099', '--out', out, '--lang', 'zh']);
    refused(zh, out);
    expect(zh.stderr).toMatch(/2099 年超出可计算的范围：规划期为 2011–2015 年/);
    expect(zh.stderr).not.toMatch(/too far ahead/);
  }, SLOW);

  it('2060 (and any year past 2040) is refused the same way, also inside a range', () => {
    const out = join(dir, 'y2060');
    const r = fiscalSim(['run', ...small, '--year', '2014-2060', '--out', out]);
    refused(r, out);
    expect(r.stderr).toMatch(/2041–2060 is too far ahead/);
  }, SLOW);

  it('2010: a plain message that the policy data begin in 2011', () => {
    const out = join(dir, 'y2010');
    const r = fiscalSim(['explain', '440101', ...small, '--year', '2010']);
    refused(r, out);
    expect(r.stderr).toMatch(/--year: 2010 is before the policy data begin: standards, sharing rules and transfers are given from 2011/);
    expect(r.stderr).not.toMatch(/年早于/);
  }, SLOW);

  it('a year past the plan runs, with a note naming the extrapolation', () => {
    const out = join(dir, 'y2017');
    const r = fiscalSim(['run', ...small, '--year', '2015-2017', '--out', out, '--quiet']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/note: 2016–2017 lies beyond the plan \(2011–2015\): .*projected with data\/projection\/growth.yaml/);
    expect(r.stderr).not.toMatch(/年超出规划期/);
    expect(existsSync(join(out, 'counties.csv'))).toBe(true);
  }, SLOW);

  it('no note within the plan', () => {
    const r = fiscalSim(['run', ...small, '--year', '2015', '--out', join(dir, 'y2015'), '--quiet']);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/beyond the plan/);
  }, SLOW);
});

/**
 * A preload that makes the heavy packages impossible to load, through import (ES module
 * hooks) and require (the CommonJS resolver) alike: a command that loads one fails.
 */
const HEAVY = ['mathjs', 'exceljs', 'linkedom', '@observablehq/plot', 'playwright-core'];
const POISON_HOOKS = `
const heavy = ${JSON.stringify(HEAVY)};
export async function resolve(specifier, context, next) {
  if (heavy.includes(specifier)) throw new Error('poisoned: ' + specifier + ' was loaded');
  return next(specifier, context);
}`;
const POISON = `
import Module, { register } from 'node:module';
const heavy = ${JSON.stringify(HEAVY)};
register(new URL('./poison-hooks.mjs', import.meta.url));
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (heavy.includes(request)) throw new Error('poisoned: ' + request + ' was required');
  return resolveFilename.call(this, request, ...rest);
};`;

describe('start-up', () => {
  let poison: string[];
  beforeAll(() => {
    writeFileSync(join(dir, 'poison-hooks.mjs'), POISON_HOOKS);
    writeFileSync(join(dir, 'poison.mjs'), POISON);
    poison = ['--import', pathToFileURL(join(dir, 'poison.mjs')).href];
  });

  it('the poison works: importing or requiring a heavy package fails under it', () => {
    for (const code of ["await import('exceljs')", "await import('@observablehq/plot')", "import { createRequire } from 'node:module'; createRequire(import.meta.url)('mathjs')"]) {
      const r = spawnSync(process.execPath, [...poison, '--input-type=module', '-e', code], { cwd: fileURLToPath(new URL('../..', import.meta.url)), encoding: 'utf8' });
      expect(r.status, code).not.toBe(0);
      expect(r.stderr).toMatch(/poisoned: (exceljs|@observablehq\/plot|mathjs)/);
    }
  });

  it('--help and every command\'s --help load none of mathjs, exceljs, linkedom, Plot, playwright', () => {
    for (const args of [['--help'], ['run', '--help'], ['report', '--help'], ['montecarlo', '--help'], ['sweep', '--help'], ['schemes', '--help']]) {
      const r = fiscalSim(args, { nodeArgs: poison });
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/^Usage: fiscal-sim/);
    }
  }, SLOW);

  it('--help loads no input reader, validator or scenario code (zod, yaml, papaparse, the policy data, the writers)', () => {
    // a load hook that names every module loaded, on stderr
    writeFileSync(join(dir, 'list-hooks.mjs'), "export async function load(url, context, next) { process._rawDebug('LOADED ' + url); return next(url, context); }\n");
    writeFileSync(join(dir, 'list.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'list-hooks.mjs')).href)});\n`);
    const r = fiscalSim(['--help'], { nodeArgs: ['--import', pathToFileURL(join(dir, 'list.mjs')).href] });
    expect(r.status).toBe(0);
    const loaded = r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice('LOADED '.length));
    // the hook works: it saw the command line's own modules
    expect(loaded.some((u) => u.endsWith('/cli/main.js') || u.endsWith('/cli/main.ts'))).toBe(true);
    const heavy = loaded.filter((u) => /\/vendor\/(zod|yaml)\.js$|\/(zod|yaml|papaparse)\/|\/input\/policyData\.|\/scenarios\/scenario(File)?\.|\/report\/stream\/runOutputs\.|\/model\/transfers\/schemes\/registry\./.test(u));
    expect(heavy).toEqual([]);
  }, SLOW);

  it('a scenario with a formula loads mathjs when it is read (so the poison stops it), and one without does not', () => {
    const formula = join(dir, 'formula.yaml');
    writeFileSync(formula, 'title: dibao by formula\nchanges:\n  - path: standards.ss.dibao_rural.standard\n    values: { 2012: "= 0.01 * own_revenue / resident_pop" }\n');
    const withFormula = fiscalSim(['run', ...small, '--scenario', formula, '--year', '2012', '--out', join(dir, 'formula-out'), '--quiet'], { nodeArgs: poison });
    expect(withFormula.status).not.toBe(0);
    expect(withFormula.stderr).toMatch(/poisoned: mathjs/);
    const plain = fiscalSim(['run', ...small, '--year', '2012', '--out', join(dir, 'plain-out'), '--quiet'], { nodeArgs: poison });
    expect(plain.stderr).not.toMatch(/poisoned/);
    expect(plain.status).toBe(0);
  }, SLOW);
});

/**
 * The compiled CLI (bin/build.js): the packages compiled into dist/vendor/ are imported from
 * there by every compiled module, never from node_modules, so that there is one copy of each
 * and Node loads one file for each at start.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: build.js is plain JavaScript checked by // @ts-check, without a declaration file
import { DIST_DIR, VENDOR_DIR, VENDORED } from '../../bin/build.js';

const BIN = fileURLToPath(new URL('../../bin/fiscal-sim.js', import.meta.url));

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
}

beforeAll(() => {
  // builds dist/ when src/ is newer
  const r = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}, 240_000);

describe('dist/vendor', () => {
  it('holds one module per vendored package, and no compiled module imports those packages from node_modules', () => {
    const vendored = VENDORED as string[];
    expect(vendored).toEqual(expect.arrayContaining(['zod', 'yaml', 'commander']));
    expect(readdirSync(VENDOR_DIR as string).sort()).toEqual(vendored.map((p) => `${p}.js`).sort());
    const bare = new RegExp(`(?:from|import)\\s*\\(?\\s*["'](${vendored.join('|')})["']`);
    const modules = jsFiles(DIST_DIR as string).filter((f) => !f.startsWith(VENDOR_DIR as string));
    expect(modules.length).toBeGreaterThan(100);
    const offenders = modules.filter((f) => bare.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
    // and they do import the vendored copies (the input schemas use zod)
    expect(readFileSync(join(DIST_DIR as string, 'input', 'catalogSchema.js'), 'utf8')).toMatch(/from "\.\.\/vendor\/zod\.js"/);
    expect(readFileSync(join(DIST_DIR as string, 'cli', 'main.js'), 'utf8')).toMatch(/from "\.\.\/vendor\/commander\.js"/);
  });
});

#!/usr/bin/env node
// @ts-check
/**
 * Launcher: runs the compiled CLI (dist/, built by `npm ci` through the `prepare` script) in
 * this process. When src/ has changed since the last build (a developer's checkout), dist/ is
 * rebuilt first, with a one-line note; if it cannot be (no esbuild, a read-only install), the
 * TypeScript sources are run through tsx's loader in this process instead. Stale code is
 * never run.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { buildCli, distIsFresh, DIST_MAIN, SRC_DIR } from './build.js';

/** @returns {Promise<string>} the URL of the CLI module to run */
async function cliModule() {
  if (distIsFresh()) return pathToFileURL(DIST_MAIN).href;
  try {
    const seconds = await buildCli();
    process.stderr.write(`fiscal-sim: src/ changed since the last build; recompiled dist/ in ${seconds.toFixed(1)} s / 源代码已更改，已重新编译 dist/\n`);
    return pathToFileURL(DIST_MAIN).href;
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    process.stderr.write(`fiscal-sim: could not recompile dist/ (${why}); running the TypeScript sources through tsx / 无法重新编译，改用 tsx 直接运行源代码\n`);
    const { register } = await import('tsx/esm/api');
    register();
    return pathToFileURL(join(SRC_DIR, 'cli', 'main.ts')).href;
  }
}

/** @type {{ runCli: (argv: string[]) => Promise<void> }} */
const cli = await import(await cliModule());
await cli.runCli(process.argv);

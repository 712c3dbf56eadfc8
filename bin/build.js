// @ts-check
/**
 * The compiled CLI: src/**\/*.ts → dist/**\/*.js, one file per module (esbuild, no bundling),
 * so dist/ mirrors src/ at the same depth below the package root and each module's
 * import.meta.url finds data/, scenarios/ and the worker files as it does from src/.
 *
 * `npm ci` builds it (the `prepare` script); `npm run build` rebuilds it. bin/fiscal-sim.js
 * checks that dist/ is at least as new as every file and folder in src/ and rebuilds it when it
 * is not, so an edit to src/ is never run stale.
 *
 * Each file is written to a temporary name and renamed, so a process reading dist/ while
 * another rebuilds it sees whole files; the stamp is written last.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SRC_DIR = join(PACKAGE_ROOT, 'src');
export const DIST_DIR = join(PACKAGE_ROOT, 'dist');
/** written after a complete build; its modification time is the build's */
export const BUILD_STAMP = join(DIST_DIR, '.build-stamp');
/** the compiled entry point */
export const DIST_MAIN = join(DIST_DIR, 'cli', 'main.js');

/**
 * Every .ts file under dir, and the newest modification time of them and of the folders (a
 * folder's time changes when a file in it is added, removed or renamed).
 * @param {string} dir
 * @returns {{ files: string[], newest: number }}
 */
function scanSources(dir) {
  const files = [];
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = scanSources(path);
      files.push(...sub.files);
      newest = Math.max(newest, sub.newest);
    } else if (entry.name.endsWith('.ts')) {
      files.push(path);
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return { files, newest };
}

/**
 * Whether dist/ holds a complete build at least as new as src/. True when there is no src/
 * (an installed copy without sources).
 * @returns {boolean}
 */
export function distIsFresh() {
  let built;
  try {
    built = statSync(BUILD_STAMP).mtimeMs;
  } catch {
    return false;
  }
  try {
    return scanSources(SRC_DIR).newest <= built;
  } catch {
    return true;
  }
}

/**
 * Packages every command loads at start, compiled into one file each under dist/vendor/: Node
 * then loads one module for each instead of dozens (zod is 95 files, yaml about 70), which is
 * most of what `--help` used to wait for. Every import of them in dist/ goes to that file, so
 * there is one copy of each. The other packages stay imports of node_modules.
 */
export const VENDORED = ['zod', 'yaml', 'commander'];
export const VENDOR_DIR = join(DIST_DIR, 'vendor');

/**
 * One ES module per vendored package, re-exporting all it exports.
 * @param {typeof import('esbuild').build} build
 * @returns {Promise<import('esbuild').OutputFile[]>}
 */
async function buildVendored(build) {
  const outputs = [];
  for (const pkg of VENDORED) {
    const names = Object.keys(await import(pkg));
    const named = names.filter((n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n));
    const contents = [`export { ${named.join(', ')} } from '${pkg}';`, ...(names.includes('default') ? [`export { default } from '${pkg}';`] : [])].join('\n');
    const result = await build({
      stdin: { contents, resolveDir: PACKAGE_ROOT, loader: 'js', sourcefile: `vendor-${pkg}.js` },
      outfile: join(VENDOR_DIR, `${pkg}.js`),
      write: false,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
      // CommonJS packages require Node's built-in modules: give the bundle a require
      banner: { js: "import { createRequire as __vendorRequire } from 'node:module'; const require = __vendorRequire(import.meta.url);" },
    });
    outputs.push(...result.outputFiles);
  }
  return outputs;
}

/**
 * Compile src/ to dist/. Relative imports stay imports of the sibling compiled files
 * (`./x.ts` → `./x.js`); the VENDORED packages become imports of dist/vendor/; other packages
 * stay imports of node_modules.
 * @returns {Promise<number>} the seconds it took
 */
export async function buildCli() {
  const started = performance.now();
  // the stamp gets the time the sources were read, so that an edit made during the build counts as newer
  const sourcesRead = new Date();
  const { build } = await import('esbuild');
  const { files } = scanSources(SRC_DIR);
  const vendored = await buildVendored(build);
  const vendorPattern = new RegExp(`^(${VENDORED.map((p) => p.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})$`);
  const result = await build({
    entryPoints: files,
    outbase: SRC_DIR,
    outdir: DIST_DIR,
    write: false,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    plugins: [
      {
        name: 'keep-modules-apart',
        setup(b) {
          b.onResolve({ filter: /^\.\.?\// }, (args) => {
            if (args.kind === 'entry-point') return undefined;
            if (!existsSync(join(args.resolveDir, args.path))) return { errors: [{ text: `cannot find ${args.path}` }] };
            return { path: args.path.replace(/\.ts$/, '.js'), external: true };
          });
          b.onResolve({ filter: vendorPattern }, (args) => {
            // from where the importing module's compiled file will be, to dist/vendor/<package>.js
            const from = join(DIST_DIR, relative(SRC_DIR, args.resolveDir));
            const to = relative(from, join(VENDOR_DIR, `${args.path}.js`)).split(sep).join('/');
            return { path: to.startsWith('.') ? to : `./${to}`, external: true };
          });
        },
      },
    ],
  });
  const outputs = [...vendored, ...result.outputFiles];
  const written = new Set(outputs.map((f) => f.path));
  for (const file of outputs) writeWhole(file.path, file.contents);
  // a module deleted from src/ must not linger in dist/
  for (const old of compiledFiles(DIST_DIR)) if (!written.has(old)) rmSync(old, { force: true });
  writeWhole(BUILD_STAMP, `compiled from src/ (${files.length} files)\n`);
  utimesSync(BUILD_STAMP, sourcesRead, sourcesRead);
  return (performance.now() - started) / 1000;
}

/**
 * @param {string} dir
 * @returns {string[]}
 */
function compiledFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? compiledFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
}

/**
 * @param {string} path
 * @param {string | Uint8Array} contents
 */
function writeWhole(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, path);
}

/**
 * Fill the input cache (dist/.input-cache) with the bundled policy data and county files, so that
 * a user's first command after `npm ci` starts as fast as the next ones. The cache is keyed by the
 * files' bytes, so this only saves time: a failure here is reported and the build still succeeds.
 */
async function warmInputCache() {
  const started = performance.now();
  try {
    const { loadPolicyData } = await import(pathToFileURL(join(DIST_DIR, 'input', 'policyData.js')).href);
    const { loadCountySet } = await import(pathToFileURL(join(DIST_DIR, 'simulation', 'countySet.js')).href);
    loadPolicyData();
    loadCountySet({});
    return (performance.now() - started) / 1000;
  } catch (e) {
    process.stderr.write(`input cache not filled (${e instanceof Error ? e.message.split('\n')[0] : String(e)}): the first command fills it / 未能预先生成输入缓存，首次运行时生成\n`);
    return undefined;
  }
}

/**
 * Fill explain's results cache (src/cli/explainRunCache.ts) for the bundled default county file
 * in the default year, by explaining its first county once in a child process, so that a user's
 * first `explain` after `npm ci` reads the national run instead of computing it. Any county of
 * that file and year is then explained from the cache; another year, file, scenario or override
 * runs the model as before. Like the input cache this only saves time: a failure is reported
 * and the build still succeeds.
 */
async function warmExplainCache() {
  const started = performance.now();
  try {
    const { DEFAULT_COUNTIES } = await import(pathToFileURL(join(DIST_DIR, 'input', 'bundledPaths.js')).href);
    // the first county code of the default file (a UTF-8 CSV whose first column is `code`)
    const code = readFileSync(DEFAULT_COUNTIES, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/, 2)[1]?.split(',')[0]?.replace(/^"|"$/g, '');
    if (!code) throw new Error(`no county in ${DEFAULT_COUNTIES}`);
    const child = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'fiscal-sim.js'), 'explain', code, '--lang', 'en'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr?.trim().split('\n')[0] || `explain exited with ${child.status}`);
    return (performance.now() - started) / 1000;
  } catch (e) {
    process.stderr.write(`explain cache not filled (${e instanceof Error ? e.message.split('\n')[0] : String(e)}): the first explain fills it / 未能预先生成 explain 缓存，首次运行时生成\n`);
    return undefined;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const seconds = await buildCli();
  process.stderr.write(`built ${relative(process.cwd(), DIST_DIR) || '.'}/ from src/ in ${seconds.toFixed(1)} s / 已编译 dist/\n`);
  if (process.env.FISCAL_SIM_CACHE !== 'off') {
    const cached = await warmInputCache();
    if (cached !== undefined) process.stderr.write(`bundled inputs cached in ${relative(process.cwd(), join(DIST_DIR, '.input-cache'))}/ in ${cached.toFixed(1)} s / 内置输入已缓存\n`);
    const explained = await warmExplainCache();
    if (explained !== undefined) process.stderr.write(`explain's run of the default county file cached in ${explained.toFixed(1)} s / 已缓存默认县级数据的测算结果（供 explain 使用）\n`);
  }
}

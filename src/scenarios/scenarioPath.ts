/**
 * Where a scenario named on the command line (or in `extends`) lives: the path as given, with
 * .yaml / .yml / .json added when it has no extension, then by name in `scenarios/` (the
 * current folder's, then fiscal-sim's own). So `--scenario raise_basic_pension` finds
 * scenarios/raise_basic_pension.yaml. A name found nowhere gives a plain message with the
 * nearest scenario names, never a raw ENOENT.
 */
import { messageLang } from '../i18n/messageLang.ts';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { InputError } from '../input/inputError.ts';
import { editDistance } from '../input/placeNames.ts';

export const SCENARIO_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

/** fiscal-sim's own scenarios folder. */
export const BUNDLED_SCENARIOS_DIR = new URL('../../scenarios/', import.meta.url).pathname;

/** The folders searched for a bare scenario name: ./scenarios, then the bundled one. */
export function scenarioFolders(cwd = process.cwd()): string[] {
  return [...new Set([resolve(cwd, 'scenarios'), resolve(BUNDLED_SCENARIOS_DIR)])];
}

const isFile = (p: string): boolean => existsSync(p) && statSync(p).isFile();
const hasScenarioExtension = (p: string): boolean => (SCENARIO_EXTENSIONS as readonly string[]).includes(extname(p).toLowerCase());
const withExtensions = (p: string): string[] => [p, ...(hasScenarioExtension(p) ? [] : SCENARIO_EXTENSIONS.map((e) => `${p}${e}`))];

/** The scenario files (by path) in the folders searched. */
function knownScenarios(folders: readonly string[]): string[] {
  const out: string[] = [];
  for (const dir of folders) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names.sort()) if (hasScenarioExtension(n) && !n.includes('.expected.')) out.push(join(dir, n));
  }
  return out;
}

/**
 * The file a scenario argument names. `relativeTo` is the folder a relative path starts from
 * (the extending file's folder for `extends`; the current folder otherwise). Throws an
 * InputError naming what was tried and the nearest scenario names when nothing is found.
 */
export function findScenarioFile(arg: string, relativeTo = process.cwd(), folders = scenarioFolders()): string {
  const given = resolve(relativeTo, arg);
  // a path that exists is used as given: the reader refuses what is not a regular file (a device, a FIFO), in its own words
  if (existsSync(given)) return given;
  for (const p of withExtensions(given).slice(1)) if (isFile(p)) return p;
  const bare = !arg.includes('/') && !arg.includes('\\') && !isAbsolute(arg);
  if (bare) {
    for (const dir of folders) for (const p of withExtensions(join(dir, arg))) if (isFile(p)) return p;
  }
  throw new InputError([{ file: arg, message: scenarioNotFound(arg, bare ? folders : [], folders) }]);
}

/** The plain message for a scenario not found, with the nearest names in the scenario folders. */
function scenarioNotFound(arg: string, searched: readonly string[], folders: readonly string[]): string {
  const stem = basename(arg, extname(arg)).toLowerCase();
  const known = knownScenarios(folders);
  const show = (p: string): string => {
    const rel = relative(process.cwd(), p);
    return rel.startsWith('..') ? p : rel;
  };
  const near = known
    .map((p) => ({ p, d: editDistance(stem, basename(p, extname(p)).toLowerCase()) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(stem.length / 3)))
    .sort((a, b) => a.d - b.d)
    .filter((x, i, all) => all.findIndex((y) => basename(y.p) === basename(x.p)) === i)
    .slice(0, 3)
    .map((x) => show(x.p));
  const names = [...new Set(known.map((p) => basename(p, extname(p))))];
  if (messageLang() === 'zh') {
    const head = `找不到情景文件“${arg}”${searched.length ? `；也在 ${searched.map(show).join('、')} 中按名称查找过` : ''}`;
    if (near.length) return `${head}；是否要找：${near.join('、')}`;
    return names.length ? `${head}；可用的情景：${names.join('、')}` : head;
  }
  const where = searched.length ? `; also looked for it by name in ${searched.map(show).join(', ')}` : '';
  const head = `scenario file "${arg}" not found${where}`;
  if (near.length) return `${head}; did you mean: ${near.join(', ')}`;
  return names.length ? `${head}; scenarios available: ${names.join(', ')}` : head;
}

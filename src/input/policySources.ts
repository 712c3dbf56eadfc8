/**
 * The files the policy data are read from, with their bytes: the input cache's key for the
 * policy data (inputCache.ts). Apart from the parsing (policyData.ts, with zod and yaml), so that
 * a command can take the bundled policy data from the cache without loading the parsers.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cachedValue, cachesPath, defaultCache, type CacheOptions, type SourceBytes } from './inputCache.ts';
import { MAX_YAML_BYTES, readInputFile } from './fileLimits.ts';
import { DEFAULT_DATA_DIR } from './bundledPaths.ts';
import type { PolicyData } from './policyData.ts';

/** The catalog files of a data folder (standards/*.yaml, sorted). */
export function catalogFiles(standardsDir: string): string[] {
  return readdirSync(standardsDir).filter((f) => /\.ya?ml$/.test(f)).sort();
}

/** The files the policy data are read from, catalog first. */
function policyFiles(dataDir: string, catalog: readonly string[]): string[] {
  const standardsDir = join(dataDir, 'standards');
  return [...catalog.map((f) => join(standardsDir, f)), ...['sharing/rules.yaml', 'transfers/general.yaml', 'transfers/mechanisms.yaml', 'projection/growth.yaml'].map((f) => join(dataDir, f))];
}

/** The policy data's entry in the input cache: its kind and slot, the catalog's file names and every file's bytes. */
export interface PolicyEntry {
  readonly kind: 'policy';
  readonly slot: string;
  readonly catalog: string[];
  readonly sources: SourceBytes[];
}

/** Read every file of the policy data of `dataDir`; throws (as readInputFile, readdirSync) when one cannot be read. */
export function policyEntry(dataDir: string): PolicyEntry {
  const catalog = catalogFiles(join(dataDir, 'standards'));
  const sources = policyFiles(dataDir, catalog).map((file) => ({ file, bytes: readInputFile(file, MAX_YAML_BYTES, 'YAML or JSON file') }));
  return { kind: 'policy', slot: resolve(dataDir), catalog, sources };
}

/**
 * The policy data of `dataDir` as the input cache holds them for exactly the bytes of its files,
 * or undefined when it does not (a folder other than the bundled one, a file changed or
 * unreadable, the cache off or not filled): loadPolicyData then parses them.
 */
export function cachedPolicyData(dataDir: string = DEFAULT_DATA_DIR, cache: CacheOptions = defaultCache()): PolicyData | undefined {
  return cachedPolicyEntry(dataDir, cache)?.policy;
}

/** cachedPolicyData with the files and bytes the policy data were found for (a key for what is computed from them). */
export function cachedPolicyEntry(dataDir: string = DEFAULT_DATA_DIR, cache: CacheOptions = defaultCache()): { policy: PolicyData; sources: SourceBytes[] } | undefined {
  if (!cachesPath(dataDir, cache)) return undefined;
  let entry: PolicyEntry;
  try {
    entry = policyEntry(dataDir);
  } catch {
    return undefined;
  }
  const policy = cachedValue(entry.kind, entry.slot, entry.sources, cache) as PolicyData | undefined;
  return policy === undefined ? undefined : { policy, sources: entry.sources };
}

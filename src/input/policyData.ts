/**
 * Load the policy data: the service catalog (data/standards/*.yaml), the responsibility
 * rules and local split (data/sharing/rules.yaml), the transfer settings
 * (data/transfers/general.yaml) and growth settings (data/projection/growth.yaml).
 * Every file is validated; cross-references (an item's rule) are checked; all problems are
 * reported together.
 */
import { join } from 'node:path';
import { CatalogDomainFile, SharingFile, type CatalogItem, type Domain, type ResponsibilityRule } from './catalogSchema.ts';
import { InputError, type InputProblem } from './inputError.ts';
import { GrowthFile, MechanismsFile, REQUIRED_TRANSFER_PARAMETERS, TransfersFile, type TransferUnit } from './transferSchema.ts';
import type { Dated } from './datedValues.ts';
import type { Source } from './sourceSchema.ts';
import type { CompiledFormula } from './compiledFormula.ts';
import { decodeUtf8, parseYamlText, positionOf, readYamlFile, validateYaml, type ParsedYaml } from './yamlFile.ts';
import { cachedLoad, cachesPath, defaultCache, type CacheOptions } from './inputCache.ts';
import { catalogFiles, policyEntry, type PolicyEntry } from './policySources.ts';
import { itemMatches } from './policyLookups.ts';
import { DEFAULT_DATA_DIR } from './bundledPaths.ts';

export interface CatalogEntry extends CatalogItem {
  readonly domain: Domain;
  readonly file: string;
}

export interface DomainInfo {
  readonly domain: Domain;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly seedChapter: number;
  readonly hasSeedTable: boolean;
}

export interface PolicyData {
  readonly domains: readonly DomainInfo[];
  readonly items: readonly CatalogEntry[];
  readonly rules: ReadonlyMap<string, ResponsibilityRule>;
  readonly sharing: SharingFile;
  readonly transfers: TransfersFile;
  readonly mechanisms: MechanismsFile;
  readonly growth: GrowthFile;
  /** scenario formulas by parameter path (dated; null where a number is in force) */
  readonly formulas?: ReadonlyMap<string, Dated<CompiledFormula | null>>;
  /**
   * sources of values a scenario set, by parameter path (dated: from the change's first year on;
   * earlier years keep the catalog's source). Reports cite these for the values actually used.
   */
  readonly changeSources?: ReadonlyMap<string, Dated<Source>>;
}

export { itemMatches, sourceInForce } from './policyLookups.ts';
export { DEFAULT_DATA_DIR };

/** Run each loader, collecting InputErrors so that every bad file is reported at once. */
function collect<T>(problems: InputProblem[], load: () => T): T | undefined {
  try {
    return load();
  } catch (e) {
    if (e instanceof InputError) {
      problems.push(...e.problems);
      return undefined;
    }
    throw e;
  }
}

/**
 * Load and check the policy data of a folder. The bundled folder (data/) comes from the input
 * cache when it holds an entry for exactly the bytes of every file read (inputCache.ts); a
 * folder that cannot be read whole is loaded as without a cache, so that its errors are the
 * same. Any other folder (--data) is always parsed.
 */
export function loadPolicyData(dataDir: string = DEFAULT_DATA_DIR, cache: CacheOptions = defaultCache()): PolicyData {
  if (!cachesPath(dataDir, cache)) return parsePolicyData(dataDir, readYamlFile);
  let entry: PolicyEntry;
  try {
    entry = policyEntry(dataDir);
  } catch {
    return parsePolicyData(dataDir, readYamlFile);
  }
  // parsed from the very files and bytes the key was made of
  const read = new Map(entry.sources.map((s) => [s.file, s.bytes]));
  const readSame = (file: string): ParsedYaml => parseYamlText(decodeUtf8(read.get(file)!, file), file);
  return cachedLoad(entry.kind, entry.slot, entry.sources, () => parsePolicyData(dataDir, readSame, () => entry.catalog), cache);
}

/** Parse and check the policy data, reading each file with `readYaml` and listing the catalog with `listCatalog`. */
function parsePolicyData(dataDir: string, readYaml: (file: string) => ParsedYaml, listCatalog: (standardsDir: string) => string[] = catalogFiles): PolicyData {
  const problems: InputProblem[] = [];
  const standardsDir = join(dataDir, 'standards');
  let files: string[] = [];
  try {
    files = listCatalog(standardsDir);
  } catch (e) {
    problems.push({ file: standardsDir, message: `cannot read the catalog folder: ${(e as Error).message}` });
  }
  const domains: DomainInfo[] = [];
  const items: CatalogEntry[] = [];
  const itemPositions = new Map<string, { file: string; line?: number; column?: number }>();
  for (const f of files) {
    const file = join(standardsDir, f);
    collect(problems, () => {
      const parsed = readYaml(file);
      const d = validateYaml(parsed, CatalogDomainFile);
      domains.push({ domain: d.domain, nameZh: d.name_zh, nameEn: d.name_en, seedChapter: d.seed_chapter, hasSeedTable: d.has_seed_table });
      d.items.forEach((item, k) => {
        const pos = { file, ...positionOf(parsed, ['items', k, 'id']) };
        const earlier = itemPositions.get(item.id);
        if (earlier) problems.push({ ...pos, field: 'id', message: `item id ${item.id} is also defined at ${earlier.file}:${earlier.line ?? '?'}` });
        itemPositions.set(item.id, pos);
        items.push({ ...item, domain: d.domain, file });
      });
    });
  }
  const sharingFile = join(dataDir, 'sharing', 'rules.yaml');
  const sharingParsed = collect(problems, () => readYaml(sharingFile));
  const sharing = sharingParsed ? collect(problems, () => validateYaml(sharingParsed, SharingFile)) : undefined;
  const transfersFile = join(dataDir, 'transfers', 'general.yaml');
  const transfers = collect(problems, () => validateYaml(readYaml(transfersFile), TransfersFile));
  const mechanismsFile = join(dataDir, 'transfers', 'mechanisms.yaml');
  const mechanismsParsed = collect(problems, () => readYaml(mechanismsFile));
  const mechanisms = mechanismsParsed ? collect(problems, () => validateYaml(mechanismsParsed, MechanismsFile)) : undefined;
  const growth = collect(problems, () => validateYaml(readYaml(join(dataDir, 'projection', 'growth.yaml')), GrowthFile));

  const rules = new Map<string, ResponsibilityRule>();
  if (sharing && sharingParsed) {
    sharing.rules.forEach((rule, k) => {
      if (rules.has(rule.id)) problems.push({ file: sharingFile, ...positionOf(sharingParsed, ['rules', k, 'id']), field: 'id', message: `rule id ${rule.id} is defined twice` });
      rules.set(rule.id, rule);
    });
    for (const item of items) {
      if (!rules.has(item.responsibility)) {
        const pos = itemPositions.get(item.id);
        problems.push({ file: item.file, line: pos?.line, column: pos?.column, field: `${item.id}.responsibility`, message: `unknown rule ${item.responsibility} (rules are in ${sharingFile})` });
      }
    }
  }
  const monetary = new Set(items.filter((i) => i.standard).map((i) => i.id));
  for (const item of items) {
    if (item.funded_by && !monetary.has(item.funded_by)) {
      const pos = itemPositions.get(item.id);
      problems.push({ file: item.file, line: pos?.line, column: pos?.column, field: `${item.id}.funded_by`, message: `funded_by names ${item.funded_by}, which is not an item with a standard` });
    }
  }
  if (transfers && mechanisms && mechanismsParsed) checkMechanisms(transfers, transfersFile, mechanisms, mechanismsParsed, items, domains, problems);
  if (problems.length || !sharing || !transfers || !mechanisms || !growth) throw new InputError(problems);
  // catalog order follows the plan's chapters (education ch.3 … disability ch.11)
  const chapter = new Map(domains.map((d) => [d.domain, d.seedChapter]));
  domains.sort((a, b) => a.seedChapter - b.seedChapter);
  items.sort((a, b) => chapter.get(a.domain)! - chapter.get(b.domain)!);
  return { domains, items, rules, sharing, transfers, mechanisms, growth };
}

/**
 * Cross-check the general transfers' structure against the parameters and the catalog: every
 * parameter it names exists with the right unit, every required parameter is there, every
 * scope domain exists and every item pattern matches an item.
 */
function checkMechanisms(transfers: TransfersFile, transfersFile: string, m: MechanismsFile, parsed: ParsedYaml, items: readonly CatalogEntry[], domains: readonly DomainInfo[], problems: InputProblem[]): void {
  const need = (name: string, unit: TransferUnit, path: Array<string | number>): void => {
    const p = transfers[name];
    if (!p) problems.push({ file: parsed.file, ...positionOf(parsed, path), field: path.join('.'), message: `names parameter ${name}, which ${transfersFile} does not define` });
    else if (p.unit !== unit) problems.push({ file: transfersFile, field: `${name}.unit`, message: `${name} must be in ${unit} (it is used as such by ${path.join('.')}), not ${p.unit}` });
  };
  m.pools.forEach((pool, k) => {
    need(pool.pool, 'yuan', ['pools', k, 'pool']);
    need(pool.county_share, 'share', ['pools', k, 'county_share']);
  });
  need(m.equalization.pool, 'yuan', ['equalization', 'pool']);
  m.equalization.functions.forEach((f, k) => {
    const p = transfers[f.unit_standard];
    if (!p) problems.push({ file: parsed.file, ...positionOf(parsed, ['equalization', 'functions', k, 'unit_standard']), field: `equalization.functions.${f.id}.unit_standard`, message: `names parameter ${f.unit_standard}, which ${transfersFile} does not define` });
    else if (!p.unit.startsWith('yuan/')) problems.push({ file: transfersFile, field: `${f.unit_standard}.unit`, message: `${f.unit_standard} is a unit standard and must be in yuan per driver unit per year, not ${p.unit}` });
  });
  for (const [name, unit] of Object.entries(REQUIRED_TRANSFER_PARAMETERS)) {
    const p = transfers[name];
    if (!p) problems.push({ file: transfersFile, field: name, message: `the parameter ${name} (${unit}) is missing` });
    else if (p.unit !== unit) problems.push({ file: transfersFile, field: `${name}.unit`, message: `${name} must be in ${unit}, not ${p.unit}` });
  }
  const known = new Set(domains.map((d) => d.domain as string));
  m.guarantee.scope_domains.forEach((d, k) => {
    if (!known.has(d)) problems.push({ file: parsed.file, ...positionOf(parsed, ['guarantee', 'scope_domains', k]), field: 'guarantee.scope_domains', message: `unknown domain ${d} (domains: ${[...known].join(', ')})` });
  });
  for (const cls of ['compulsory_education', 'pension_and_dibao', 'ncms'] as const) {
    m.item_tied_general[cls].forEach((pattern, k) => {
      if (!items.some((i) => itemMatches(i.id, pattern))) problems.push({ file: parsed.file, ...positionOf(parsed, ['item_tied_general', cls, k]), field: `item_tied_general.${cls}`, message: `${pattern} matches no catalog item` });
    });
  }
}

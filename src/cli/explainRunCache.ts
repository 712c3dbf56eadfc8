/**
 * explain's results cache: the national run behind one county's explanation, kept so that the
 * next `explain` (of any county, for the same year and inputs) need not run the model over the
 * whole country again. What is kept is what explain reads of the run besides the county's own
 * item rows: every county's figures (the county table's columns), the provinces, the
 * mechanisms and the central coefficient. The explained county's item rows are computed again
 * each time, from that county alone (the cells of a county depend on it and the year's
 * parameters only: ItemCells), and its projected data by projectDrivers, which gives what the
 * run's projection gives (src/scenarios/projection.ts).
 *
 * An entry is found only for exactly what the run was computed from (its key, a SHA-256 in the
 * input cache, inputCache.ts):
 *   - the code: every file of the program's code folder (src/ or dist/: the model, the
 *     projection, the loaders), package.json and package-lock.json (the libraries' versions),
 *     and the runtime's versions (Node, V8, ICU);
 *   - the policy data: the path and bytes of every file the policy data were found for in the
 *     input cache (policySources.ts);
 *   - the counties: the path of each county file and a SHA-256 of the bytes its counties were
 *     loaded from (the very bytes: read once, so a file changed after loading cannot pair new
 *     bytes with old figures), in order;
 *   - the year and the population basis.
 * Only the baseline run on policy data from the input cache is kept (lazyInputs.ts sets its
 * sources): a --scenario or --override file always runs the model. Entries are written whole and
 * checked by their own SHA-256, as the input cache's are; FISCAL_SIM_CACHE=off turns it off.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../input/bundledPaths.ts';
import { cachedValue, defaultCache, storeValue, type CacheOptions, type SourceBytes } from '../input/inputCache.ts';
import type { PolicyData } from '../input/policyData.ts';
import type { County } from '../model/county.ts';
import { DriverColumns } from '../model/driverColumns.ts';
import { ItemCells } from '../model/itemCells.ts';
import type { PopulationBasis } from '../model/parameters.ts';
import { COUNTY_COLUMNS, CountyTable, ItemTable, type CountyResult, type MechanismResult, type ProvinceResult, type YearResult } from '../model/results.ts';
import { GENERAL_MECHANISMS, ITEM_TIED_CLASSES } from '../model/transfers/mechanisms.ts';
import { projectDrivers } from '../scenarios/projection.ts';
import { resolveYear } from '../scenarios/resolveYear.ts';
import type { Scenario } from '../scenarios/scenario.ts';
import type { YearRun } from '../simulation/runSimulation.ts';

/** Raise when the stored form changes. */
const FORMAT = 'fiscal-sim explain run 1';
const KIND = 'explain-run';

/** The program's code folder: src/ (run from the sources) or dist/ (compiled). */
const CODE_DIR = dirname(dirname(fileURLToPath(import.meta.url)));

/** Every file below `dir` (not the hidden ones, such as dist/.input-cache), by path relative to it, sorted. */
function codeFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...codeFiles(join(dir, entry.name), rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

/** A SHA-256 of the code, the libraries' versions and the runtime (see above). */
export function codeFingerprint(codeDir: string = CODE_DIR): Buffer {
  const h = createHash('sha256').update(FORMAT).update('\0').update(JSON.stringify(process.versions));
  for (const rel of codeFiles(codeDir)) h.update('\0').update(rel).update('\0').update(readFileSync(join(codeDir, rel)));
  for (const name of ['package.json', 'package-lock.json']) {
    h.update('\0').update(name).update('\0');
    try {
      h.update(readFileSync(join(PACKAGE_ROOT, name)));
    } catch {
      h.update('(none)');
    }
  }
  return h.digest();
}

/** What a run is computed from (lazyInputs.ts's sources, the year and basis). */
export interface RunKey {
  readonly policy: readonly SourceBytes[];
  readonly counties: readonly SourceBytes[];
  readonly year: number;
  readonly basis: PopulationBasis;
}

/** What is kept of a run (plain data: the input cache's value tape stores it). */
interface StoredRun {
  readonly countyCount: number;
  /** the county table's columns, in tableColumns' order */
  readonly columns: number[][];
  readonly provinces: ProvinceResult[];
  readonly centralCoefficient: number;
  readonly mechanisms: MechanismResult[];
}

/** The county table's columns in a fixed order: its figures, then each general transfer received and kept, then each item-tied class. */
function tableColumns(table: CountyTable): Float64Array[] {
  return [...COUNTY_COLUMNS.map((k) => table.columns[k]), ...GENERAL_MECHANISMS.map((m) => table.generalByMechanismFen[m]), ...GENERAL_MECHANISMS.map((m) => table.generalRetainedByMechanism[m]), ...ITEM_TIED_CLASSES.map((k) => table.itemTiedByClassFen[k])];
}

function stored(result: YearResult): StoredRun {
  return {
    countyCount: result.countyTable.length,
    columns: tableColumns(result.countyTable).map((column) => Array.from(column)),
    provinces: result.provinces.map((p) => ({ ...p })),
    centralCoefficient: result.centralCoefficient,
    mechanisms: result.mechanisms.map((m) => ({ ...m })),
  };
}

function entry(key: RunKey, code: Buffer): { slot: string; sources: SourceBytes[] } {
  const slot = JSON.stringify({ year: key.year, basis: key.basis, counties: key.counties.map((s) => s.file) });
  return { slot, sources: [{ file: CODE_DIR, bytes: code }, ...key.policy, ...key.counties] };
}

/** A stored run that fits `counties` (the right number of counties and columns), else undefined. */
function fits(value: unknown, counties: number, columns: number): value is StoredRun {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<StoredRun>;
  return v.countyCount === counties && Array.isArray(v.columns) && v.columns.length === columns && v.columns.every((c) => Array.isArray(c) && c.length === counties) && Array.isArray(v.provinces) && Array.isArray(v.mechanisms) && typeof v.centralCoefficient === 'number';
}

/**
 * The run explain shows for county `index`: from the cache when it holds an entry for exactly
 * `key`, else by `run()` (whose result is then stored). A run from the cache holds the projected
 * data and item rows of county `index` only.
 */
export async function explainRun<R extends YearRun>(key: RunKey, scenario: Scenario, counties: readonly County[], index: number, run: () => Promise<R>, cache: CacheOptions = defaultCache()): Promise<R | YearRun> {
  if (cache.dir === undefined) return await run();
  const code = codeFingerprint();
  const { slot, sources } = entry(key, code);
  const columnCount = COUNTY_COLUMNS.length + 2 * GENERAL_MECHANISMS.length + ITEM_TIED_CLASSES.length;
  const found = cachedValue(KIND, slot, sources, cache);
  if (fits(found, counties.length, columnCount)) return fromStored(found, scenario.policy, key, scenario, counties, index);
  const computed = await run();
  storeValue(KIND, slot, sources, stored(computed.result), cache);
  return computed;
}

/** The run rebuilt from what was kept, with county `index`'s projected data and item rows computed now. */
function fromStored(s: StoredRun, policy: PolicyData, key: RunKey, scenario: Scenario, counties: readonly County[], index: number): YearRun {
  const resolved = resolveYear(policy, key.year, key.basis);
  const params = scenario.schemeConfig ? { ...resolved, transfers: { ...resolved.transfers, scheme: scenario.schemeConfig } } : resolved;
  // as runScenario and runSimulation prepare the county: the scenario's changes, then the projection to the year
  const county = projectDrivers(scenario.applyToCounties([counties[index]!])[0]!, key.year, policy.growth.population_growth.values);
  const cells = new ItemCells([county], params, new DriverColumns([county]));
  const n = s.countyCount;
  const items = new ItemTable(n, params.items.length, {
    filler: (from, to, out) => {
      if (from !== index || to !== index + 1) throw new RangeError(`the cached run of explain holds the item rows of county ${index} only`);
      cells.run(0, 1, undefined, out);
    },
  });
  const table = new CountyTable(n, GENERAL_MECHANISMS, ITEM_TIED_CLASSES);
  tableColumns(table).forEach((column, k) => column.set(s.columns[k]!));
  let rows: readonly CountyResult[] | undefined;
  const result: YearResult = {
    year: key.year,
    items,
    get counties(): readonly CountyResult[] {
      return (rows ??= table.rows());
    },
    countyTable: table,
    provinces: s.provinces,
    centralCoefficient: s.centralCoefficient,
    mechanisms: s.mechanisms,
  };
  // only the explained county is projected (explainCounty reads no other)
  const projected = new Array<County>(counties.length);
  projected[index] = county;
  return { year: key.year, params, counties: projected, result };
}

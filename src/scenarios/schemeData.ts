/**
 * Load the scheme data files (data/schemes/<id>.yaml) and read a scenario's `scheme:` section.
 * Every problem is reported with its file and position, all at once.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR } from '../input/policyData.ts';
import { InputError, type InputProblem } from '../input/inputError.ts';
import { readYamlFile, validateYaml } from '../input/yamlFile.ts';
import { SCHEME_IDS, isSchemeId, type SchemeConfig, type SchemeId } from '../model/transfers/schemes/registry.ts';
import { resolveScheme, ScenarioScheme, SchemeDataFile, type SchemeDefaults, type SchemeSpec } from './schemeSchema.ts';

export function loadSchemeDefaults(dataDir: string = DEFAULT_DATA_DIR): SchemeDefaults {
  const dir = join(dataDir, 'schemes');
  const problems: InputProblem[] = [];
  const out = new Map<SchemeId, SchemeDataFile>();
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch (e) {
    throw new InputError([{ file: dir, message: `cannot read the scheme data folder: ${(e as Error).message}` }]);
  }
  for (const f of files) {
    const file = join(dir, f);
    try {
      const data = validateYaml(readYamlFile(file), SchemeDataFile);
      const stem = f.replace(/\.ya?ml$/, '');
      if (stem !== data.scheme) problems.push({ file, field: 'scheme', message: `file ${f} describes scheme ${data.scheme}; name the file ${data.scheme}.yaml` });
      else out.set(data.scheme, data);
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.problems);
      else throw e;
    }
  }
  for (const id of SCHEME_IDS) if (!out.has(id) && !problems.length) problems.push({ file: dir, message: `no data file for scheme ${id} (${id}.yaml)` });
  if (problems.length) throw new InputError(problems);
  return out;
}

/** A scenario's `scheme:` section (as the scenario file gives it), checked. */
export function parseSchemeSection(raw: unknown, file: string): SchemeSpec {
  const r = ScenarioScheme.safeParse(raw);
  if (!r.success) {
    throw new InputError(r.error.issues.map((i) => ({ file, field: ['scheme', ...i.path.map(String)].join('.'), message: i.message })));
  }
  return r.data;
}

/** Parse `--schemes a,b,c` (or 'all'). */
export function parseSchemeList(value: string): SchemeId[] {
  if (value.trim() === 'all') return [...SCHEME_IDS];
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = ids.filter((id) => !isSchemeId(id));
  if (bad.length) throw new InputError([{ file: '--schemes', message: `unknown scheme ${bad.join(', ')} (schemes: ${SCHEME_IDS.join(', ')})` }]);
  return [...new Set(ids)] as SchemeId[];
}

/** Resolve a spec, turning range problems into input errors that name where the spec came from. */
export function schemeConfig(spec: SchemeSpec, defaults: SchemeDefaults, where: string): SchemeConfig {
  try {
    return resolveScheme(spec, defaults);
  } catch (e) {
    if (e instanceof RangeError) throw new InputError([{ file: where, field: 'scheme', message: e.message }]);
    throw e;
  }
}


/**
 * The scheme a scenario configures (its `scheme:` section over the data defaults), or null for
 * the engine's default rule. For whoever resolves a scenario's year parameters: put the result
 * in TransferParameters.scheme.
 */
export function scenarioSchemeConfig(scenario: { readonly scheme?: unknown; readonly files: readonly string[] }, defaults: SchemeDefaults = loadSchemeDefaults()): SchemeConfig | null {
  if (scenario.scheme === undefined) return null;
  const where = scenario.files[scenario.files.length - 1] ?? 'scenario';
  return schemeConfig(parseSchemeSection(scenario.scheme, where), defaults, where);
}

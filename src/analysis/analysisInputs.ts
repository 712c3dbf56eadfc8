/**
 * What the analysis commands (schemes, sweep, montecarlo) load before computing: the policy
 * data, the scenario named by the SCENARIO argument ('baseline' or a file), the county set,
 * the scheme data and the scenario's scheme and uncertainty sections, all checked first.
 */
import { InputError } from '../input/inputError.ts';
import { readYamlFile, validateYaml } from '../input/yamlFile.ts';
import type { PolicyData } from '../input/policyData.ts';
import { DEFAULT_DATA_DIR } from '../input/policyData.ts';
import type { County } from '../model/county.ts';
import type { SchemeConfig } from '../model/transfers/schemes/registry.ts';
import type { Scenario } from '../scenarios/scenario.ts';
import type { SchemeDefaults } from '../scenarios/schemeSchema.ts';
import { UncertaintyDefaultsFile, UncertaintySection } from '../scenarios/uncertaintySchema.ts';
import type { CountySet } from '../simulation/countySet.ts';
import { loadInputs, scenarioArgument, type InputOptions } from '../simulation/loadInputs.ts';
import { loadSchemeDefaults, scenarioSchemeConfig } from '../scenarios/schemeData.ts';
import { join } from 'node:path';

export interface AnalysisInputs {
  readonly basePolicy: PolicyData;
  readonly scenario: Scenario;
  readonly set: CountySet;
  /** the county set with the scenario's county changes applied */
  readonly counties: County[];
  readonly schemeDefaults: SchemeDefaults;
  /** the scenario's scheme (null: the engine's gap rule) */
  readonly scheme: SchemeConfig | null;
  readonly dataDir: string;
}

/** Where a scenario's sections came from, for messages. */
function scenarioFile(s: Scenario): string {
  return s.files[s.files.length - 1] ?? 'baseline';
}

export function loadAnalysisInputs(scenarioArg: string, opts: InputOptions): AnalysisInputs {
  // the analysis commands compare allocations: override figures always enter them (re-shared)
  const { basePolicy, set } = loadInputs({ ...opts, reallocate: true });
  let scenario = scenarioArgument(scenarioArg, basePolicy);
  if (opts.basis) scenario = { ...scenario, basis: opts.basis };
  const counties = scenario.applyToCounties(set.counties);
  const dataDir = opts.data ?? DEFAULT_DATA_DIR;
  const schemeDefaults = loadSchemeDefaults(dataDir);
  const scheme = scenarioSchemeConfig(scenario, schemeDefaults);
  return { basePolicy, scenario, set, counties, schemeDefaults, scheme, dataDir };
}

export interface UncertaintyInput {
  readonly spec: UncertaintySection;
  /** where the section came from */
  readonly from: string;
}

/** The scenario's uncertainty section, or data/uncertainty/default.yaml when it has none. */
export function loadUncertainty(inputs: AnalysisInputs): UncertaintyInput {
  const { scenario } = inputs;
  let spec: UncertaintySection;
  let from: string;
  if (scenario.uncertainty !== undefined) {
    from = scenarioFile(scenario);
    const r = UncertaintySection.safeParse(scenario.uncertainty);
    if (!r.success) throw new InputError(r.error.issues.map((i) => ({ file: from, field: ['uncertainty', ...i.path.map(String)].join('.'), message: i.message })));
    spec = r.data;
  } else {
    from = join(inputs.dataDir, 'uncertainty', 'default.yaml');
    spec = validateYaml(readYamlFile(from), UncertaintyDefaultsFile).uncertainty;
  }
  const domains = new Set(scenario.policy.domains.map((d) => d.domain as string));
  const bad = spec.variables.filter((v) => v.domain !== undefined && !domains.has(v.domain));
  if (bad.length) {
    throw new InputError(bad.map((v) => ({ file: from, field: 'uncertainty.variables.domain', message: `unknown domain ${v.domain} (domains: ${[...domains].join(', ')})` })));
  }
  return { spec, from };
}

/**
 * A scenario: the policy data with a scenario's changes applied, the county changes it
 * makes (flags, groups), the population basis and the years it runs over. The baseline is
 * the scenario that changes nothing. Scenario files are loaded by scenarioFile.ts.
 */
import type { PolicyData } from '../input/policyData.ts';
import type { County } from '../model/county.ts';
import type { PopulationBasis } from '../model/parameters.ts';
import type { SchemeConfig } from '../model/transfers/schemes/registry.ts';

export const DEFAULT_HORIZON: readonly number[] = [2011, 2012, 2013, 2014, 2015];

export interface Scenario {
  /** short name (file name without extension, or 'baseline') */
  readonly name: string;
  readonly title: string;
  /** the title in Chinese, when the scenario file gives one */
  readonly titleZh?: string;
  /** files applied, base first (empty for the baseline) */
  readonly files: readonly string[];
  readonly years: readonly number[];
  readonly basis: PopulationBasis;
  /** policy data with the scenario's parameter changes applied */
  readonly policy: PolicyData;
  /** apply the scenario's county changes (flags, groups); returns new objects, never mutates */
  readonly applyToCounties: (counties: readonly County[]) => County[];
  /**
   * the first year the scenario's own file (not what it extends) changes a parameter: the
   * years a comparison with its parent shows by default. Absent when its own file changes
   * county attributes (every year) or nothing.
   */
  readonly ownChangesFrom?: number;
  /** the changes as given, for metadata: path → value by year */
  readonly changes: ReadonlyArray<{ readonly path: string; readonly description: string }>;
  /** each change's values by year as given (a formula's text in place of its value), for reports; absent for county changes */
  readonly changeValues?: ReadonlyArray<ScenarioChangeValues | undefined>;
  /** transfer scheme settings as given in the file (validated by the scheme module) */
  readonly scheme?: unknown;
  /** uncertainty declarations as given in the file (validated by the Monte Carlo module) */
  readonly uncertainty?: unknown;
  /** the transfer scheme the scenario configures for the province → county stage, checked at load */
  readonly schemeConfig?: SchemeConfig;
}

/** A parameter change of a scenario file: the file's name and the values it sets, by the year from which each holds. */
export interface ScenarioChangeValues {
  readonly file: string;
  readonly byYear: ReadonlyArray<{ readonly from: number; readonly value: unknown; readonly formula?: string }>;
}

export function baselineScenario(policy: PolicyData, years: readonly number[] = DEFAULT_HORIZON): Scenario {
  return {
    name: 'baseline',
    title: 'Baseline: 12th Five-Year Plan standards and sharing rules as in the bundled data',
    titleZh: '基准：内置数据中的“十二五”国家基本公共服务标准与分担规则',
    files: [],
    years,
    basis: 'resident',
    policy,
    applyToCounties: (counties) => [...counties],
    changes: [],
  };
}

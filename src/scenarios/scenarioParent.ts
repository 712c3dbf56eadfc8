/**
 * What a scenario is naturally compared with: its `extends` parent (the baseline when it
 * extends nothing), over the years its own changes apply. Comparing with any other base mixes
 * in everything that differs between that base and the parent, which a note must say.
 */
import { basename } from 'node:path';
import type { PolicyData } from '../input/policyData.ts';
import { baselineScenario, type Scenario } from './scenario.ts';
import { loadScenario } from './scenarioFile.ts';
import { say } from '../i18n/messageLang.ts';

/** The scenario a scenario extends (the baseline when it extends nothing). */
export function parentScenario(scenario: Scenario, basePolicy: PolicyData): Scenario {
  if (scenario.files.length <= 1) return baselineScenario(basePolicy, scenario.years);
  return loadScenario(scenario.files[scenario.files.length - 2]!, basePolicy);
}

/** Whether `base` is `scenario`'s parent: the same chain of files but the scenario's own. */
export function isParentOf(base: Scenario, scenario: Scenario): boolean {
  const parentFiles = scenario.files.slice(0, -1);
  return base.files.length === parentFiles.length && base.files.every((f, i) => f === parentFiles[i]);
}

/** The name of a scenario's parent, as a note shows it: its file name, or baseline. */
export function parentName(scenario: Scenario): string {
  return scenario.files.length <= 1 ? 'baseline' : basename(scenario.files[scenario.files.length - 2]!);
}

/** The years a comparison with the parent shows by default: the scenario's years from its first own change on. */
export function changedYears(scenario: Scenario): number[] {
  const from = scenario.ownChangesFrom;
  const years = from === undefined ? [...scenario.years] : scenario.years.filter((y) => y >= from);
  return years.length > 0 ? years : [...scenario.years];
}

/** The note printed when a base is not the scenario's parent, in the message language. */
export function notParentNote(base: Scenario, scenario: Scenario): string {
  const parent = parentName(scenario);
  return say({
    zh: `注意：基准 ${base.name} 不是情景 ${scenario.name} 所扩展（extends）的 ${parent}，差异包含两者之间的全部不同，而不只是 ${scenario.name} 自己的改动；省略基准即与 ${parent} 比较`,
    en: `note: the base ${base.name} is not what ${scenario.name} extends (${parent}), so the differences include everything that differs between them, not only ${scenario.name}'s own changes; leave out the base to compare with ${parent}`,
  });
}

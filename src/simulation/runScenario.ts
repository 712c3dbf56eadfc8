/** Running a loaded scenario: its policy over its (or the given) counties and years. */
import type { County } from '../model/county.ts';
import type { Scenario } from '../scenarios/scenario.ts';
import { runSimulation, type SimulationSettings, type YearRun } from './runSimulation.ts';
import { runWithOwnFigures, type AllocationReport, type OwnFigures } from './ownFigures.ts';

/**
 * Run a scenario over a county set for its years (or the years given). With a user's own figures
 * (`own`, src/simulation/ownFigures.ts), the allocations are held at, or compared with, the
 * counties without them, the scenario's own county changes applied to both: a scenario is a
 * policy experiment, so its changes always enter the allocation formulas.
 */
export function runScenario(scenario: Scenario, counties: readonly County[], years: readonly number[] = scenario.years, onYear?: (year: number) => void, own?: OwnFigures, items?: SimulationSettings['items']): Array<YearRun & { readonly allocation?: AllocationReport }> {
  const settings = { years, basis: scenario.basis, onYear, scheme: scenario.schemeConfig, items };
  if (own) return runWithOwnFigures(scenario.policy, scenario.applyToCounties(counties), settings, { ...own, bundled: scenario.applyToCounties(own.bundled) });
  return runSimulation(scenario.policy, scenario.applyToCounties(counties), settings);
}

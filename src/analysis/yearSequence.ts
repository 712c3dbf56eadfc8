/**
 * The exact runs the analysis layer starts from, made by `runSimulation` itself (so that they
 * are the figures `run` gives), with what the analysis needs beside them: each year's fiscal
 * inputs and what it was run with from the year before (growth control).
 */
import type { PolicyData } from '../input/policyData.ts';
import type { CountyFiscalYear, PreviousYear } from '../model/runYear.ts';
import { previousYearOf } from '../model/runYear.ts';
import type { County } from '../model/county.ts';
import { fiscalForYear } from '../scenarios/projection.ts';
import { runSimulation, type SimulationSettings, type YearRun } from '../simulation/runSimulation.ts';

/** Years runSimulation runs before the first one asked for, at most (its MAX_WARM_UP_YEARS). */
const MAX_WARM_UP_YEARS = 10;

/**
 * The first year runSimulation computes for these years (its warm-up rule: from the first year
 * the equalization pool has a value, at most ten years back). Used only to know which years
 * before an asked one were run in the same sequence; a test checks the analytic path against
 * `run`, so a change of the rule there shows here.
 */
export function firstYearRun(policy: PolicyData, years: readonly number[]): number {
  const first = Math.min(...years);
  const poolStart = policy.transfers[policy.mechanisms.equalization.pool]?.values[0]?.from ?? first;
  return Math.min(first, Math.max(poolStart, first - MAX_WARM_UP_YEARS));
}

export interface SequenceYear extends YearRun {
  readonly fiscal: readonly CountyFiscalYear[];
  /** what the year was run with from the year before (none for the first year run) */
  readonly previous: PreviousYear | undefined;
}

/**
 * runSimulation over the asked years and each one's year before (when the sequence includes
 * it), returning the asked years (ascending) with their fiscal inputs and previous-year input.
 */
export function runWithPrevious(policy: PolicyData, counties: readonly County[], settings: SimulationSettings): SequenceYear[] {
  const asked = [...new Set(settings.years)].sort((a, b) => a - b);
  if (asked.length === 0) return [];
  const first = firstYearRun(policy, asked);
  const all = [...new Set([...asked, ...asked.map((y) => y - 1).filter((y) => y >= first)])].sort((a, b) => a - b);
  const runs = runSimulation(policy, counties, { ...settings, years: all });
  const byYear = new Map(runs.map((r) => [r.year, r]));
  const growth = policy.growth.revenue_growth.values;
  return asked.map((year) => {
    const r = byYear.get(year)!;
    const before = byYear.get(year - 1);
    return { ...r, fiscal: r.counties.map((c) => fiscalForYear(c, year, growth)), previous: before ? previousYearOf(before.result) : undefined };
  });
}

/** The policy with transfer parameters set to one value in every year they are dated (money in yuan, shares as shares). */
export function withTransferValues(policy: PolicyData, values: Readonly<Record<string, number>>): PolicyData {
  const transfers = { ...policy.transfers } as Record<string, unknown>;
  for (const [name, value] of Object.entries(values)) {
    const entry = policy.transfers[name];
    if (!entry) throw new RangeError(`no transfer parameter ${name}`);
    transfers[name] = { ...entry, values: entry.values.map((v) => ({ ...v, value })) };
  }
  return { ...policy, transfers: transfers as PolicyData['transfers'] };
}

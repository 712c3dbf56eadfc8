/**
 * General-transfer allocations fixed outside a year's formulas: a model input (pure).
 *
 * The general transfers share fixed pools by formulas that read every county's data, so one
 * county's own figures re-share every pool among all counties. Two inputs let a run keep that
 * from happening, or book what a county's accounts say instead of the formula:
 *
 * - `held`: every general transfer's allocation to each county (before its prefecture keeps a
 *   part), with the pools' and provinces' figures, taken from a run of the same year on other
 *   data (the data without a user's own figures; the simulation makes that run). The formulas'
 *   allocations are replaced by these. Each county's own account (needs, own revenue, rebates,
 *   earmarked items, what its prefecture keeps by its own management flag, its guarantee gap)
 *   is still computed from its own data, so a county whose data did not change gets exactly the
 *   results of the other run.
 * - `givenFen`: the amount a county received of a transfer, as a user's file gives it. It
 *   replaces the modelled amount the county receives (what the prefecture kept on the way stays
 *   as modelled) before any later transfer reads it. The pool's figures are those of the
 *   allocation, so the amounts the counties book then differ from them by the difference
 *   (`bookedBeyondAllocationFen`).
 */
import type { MechanismResult, ProvinceResult, YearResult } from '../results.ts';
import { GENERAL_MECHANISMS, type GeneralMechanismId } from './mechanisms.ts';

export interface HeldAllocations {
  /** per general transfer, per county (in run order): the allocation before the prefecture's retention, fen */
  readonly allocatedFen: Readonly<Record<GeneralMechanismId, readonly number[]>>;
  readonly mechanisms: readonly MechanismResult[];
  readonly provinces: readonly ProvinceResult[];
  readonly centralCoefficient: number;
}

export interface FixedAllocations {
  readonly held?: HeldAllocations;
  /** county index → transfer → amount received as given, fen */
  readonly givenFen?: ReadonlyMap<number, Partial<Readonly<Record<GeneralMechanismId, number>>>>;
}

/** The allocations of a year's result, to hold in a run of the same counties (same order) on other data. */
export function heldAllocationsOf(result: YearResult): HeldAllocations {
  const allocatedFen = {} as Record<GeneralMechanismId, number[]>;
  for (const m of GENERAL_MECHANISMS) allocatedFen[m] = result.counties.map((c) => c.generalByMechanismFen[m] + c.generalRetainedByMechanism[m]);
  return { allocatedFen, mechanisms: result.mechanisms, provinces: result.provinces, centralCoefficient: result.centralCoefficient };
}

/** The allocation the year uses for a transfer: the held one, else the formula's. */
export function allocationFor(fixed: FixedAllocations | undefined, id: GeneralMechanismId, formulaFen: readonly number[]): readonly number[] {
  const held = fixed?.held?.allocatedFen[id];
  if (held && held.length !== formulaFen.length) throw new RangeError(`held allocations of ${id} cover ${held.length} counties, the run ${formulaFen.length}`);
  return held ?? formulaFen;
}

/** Replace, in `receivedFen` (per county), the amounts of transfer `id` a county's figures give. */
export function applyGivenAmounts(fixed: FixedAllocations | undefined, id: GeneralMechanismId, receivedFen: number[] | Float64Array): void {
  if (!fixed?.givenFen) return;
  for (const [c, given] of fixed.givenFen) {
    const fen = given[id];
    if (fen !== undefined) receivedFen[c] = fen;
  }
}

/**
 * The year's result with the held pools' and provinces' figures (the allocation was theirs); what
 * the prefectures kept is summed again from the counties, whose management flags may differ.
 */
export function withHeldFigures(result: YearResult, fixed: FixedAllocations | undefined): YearResult {
  const held = fixed?.held;
  if (!held) return result;
  const mechanisms = held.mechanisms.map((m) => ({ ...m, prefectureRetainedFen: result.counties.reduce((a, c) => a + c.generalRetainedByMechanism[m.id], 0) }));
  return { ...result, mechanisms, provinces: held.provinces, centralCoefficient: held.centralCoefficient };
}

/**
 * Per transfer: what the counties booked (received + kept by their prefectures) less what the
 * transfer allocated to them. 0 unless amounts were given; otherwise the amount by which the
 * pool, as the counties' accounts have it, no longer sums to its figure.
 */
export function bookedBeyondAllocationFen(result: YearResult): Partial<Record<GeneralMechanismId, number>> {
  const out: Partial<Record<GeneralMechanismId, number>> = {};
  for (const m of result.mechanisms) {
    const booked = result.counties.reduce((a, c) => a + c.generalByMechanismFen[m.id] + c.generalRetainedByMechanism[m.id], 0);
    if (booked !== m.toCountiesFen) out[m.id] = booked - m.toCountiesFen;
  }
  return out;
}

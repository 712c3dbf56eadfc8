/**
 * Beneficiaries of an item in a county: driver × coverage × eligibility factors,
 * with the driver moved to the registered-population basis when the scenario asks.
 */
import type { County } from '../county.ts';
import { hasFlag, valueFor, type EligibilityParameters, type ItemParameters, type PopulationBasis } from '../parameters.ts';

/** Factor that moves a resident-population driver to the chosen basis. */
export function basisFactor(county: County, basis: PopulationBasis): number {
  if (basis === 'resident') return 1;
  const resident = county.drivers['resident_pop'] ?? 0;
  const registered = county.drivers['registered_pop'] ?? 0;
  return resident > 0 ? registered / resident : 0;
}

/** The factors whose product is the number of beneficiaries (kept separate for exact costing). */
export function beneficiaryFactors(county: County, item: ItemParameters, basis: PopulationBasis): number[] {
  const driver = county.drivers[item.driver];
  if (driver === undefined) throw new RangeError(`county ${county.code} has no driver column ${item.driver} (item ${item.id})`);
  const factors = [driver, valueFor(item.coverage, county)];
  for (const e of item.eligibility) factors.push(eligibilityValue(e, county));
  if (basis === 'registered' && item.driver !== 'registered_pop') factors.push(basisFactor(county, basis));
  return factors;
}

/** The product of beneficiaryFactors, computed without building the list (hot path). */
export function beneficiaryCount(county: County, item: ItemParameters, basis: PopulationBasis): number {
  const driver = county.drivers[item.driver];
  if (driver === undefined) throw new RangeError(`county ${county.code} has no driver column ${item.driver} (item ${item.id})`);
  let n = driver * valueFor(item.coverage, county);
  for (const e of item.eligibility) n *= eligibilityValue(e, county);
  if (basis === 'registered' && item.driver !== 'registered_pop') n *= basisFactor(county, basis);
  return n;
}

/** An eligibility share for a county: `value` where the county has the `when` flag (or no flag is set), `otherwise` elsewhere. */
export function eligibilityValue(e: EligibilityParameters, county: County): number {
  if (e.when && !hasFlag(county, e.when)) return e.otherwise === undefined ? 0 : valueFor(e.otherwise, county);
  return valueFor(e.value, county);
}

/**
 * Beneficiaries of an item in a county: driver × coverage × eligibility factors,
 * with the driver moved to the registered-population basis when the scenario asks.
 */
import type { County } from '../county.ts';
import type { ItemParameters, PopulationBasis } from '../parameters.ts';

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
  const factors = [driver, item.coverage];
  for (const e of item.eligibility) factors.push(e.value);
  if (basis === 'registered' && item.driver !== 'registered_pop') factors.push(basisFactor(county, basis));
  return factors;
}

export function beneficiaries(county: County, item: ItemParameters, basis: PopulationBasis): number {
  return beneficiaryFactors(county, item, basis).reduce((a, b) => a * b, 1);
}

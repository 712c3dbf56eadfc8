/**
 * Generated counties with the whole budget's inputs (test helper): the bench's generated
 * counties plus staff on establishment, a tax base, tax rebates, system subsidies, remittances
 * and programme flags, so that every stage of the model has something to work on.
 */
import { generatedCounties } from '../../bench/syntheticCounties.ts';
import type { County } from '../../src/model/county.ts';

export function richCounties(n: number, seed: number): County[] {
  return generatedCounties(n, seed).map((c, i) => {
    const pop = c.drivers['resident_pop']!;
    const own = c.fiscal['own_revenue']!;
    const r = ((i * 7919 + seed * 104729) % 1000) / 1000;
    return {
      ...c,
      drivers: { ...c.drivers, fiscal_staff: Math.round(pop * (0.015 + 0.02 * r)), minority_pct: i % 5 === 0 ? 40 * r : 0 },
      fiscal: {
        own_revenue: own,
        tax_base: { 2011: Math.round(pop * (8_000 + 30_000 * r)), 2012: Math.round(pop * (9_000 + 32_000 * r)) },
        rebate_two_tax: { 2011: Math.round(pop * 60 * r) },
        rebate_income_tax: { 2011: Math.round(pop * 10 * r) },
        rebate_oil: { 2011: Math.round(pop * 8) },
        system_subsidy: { 2011: i % 3 === 2 ? Math.round(pop * 20) : 0 },
        remittance: { 2011: i % 4 === 0 ? Math.round(pop * 15 * r) : 0 },
      },
      flags: { ethnic_area: i % 5 === 0, eco_zone: i % 6 === 1, border: i % 11 === 0, old_revolutionary: i % 7 === 3, grain_county: i % 4 === 1, resource_exhausted: i % 13 === 5 },
    };
  });
}

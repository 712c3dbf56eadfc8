/**
 * County and item tables: the model's results as rows with exact money (yuan to the fen,
 * from integer fen), ready for any writer. Totals are sums of the same integers, so every
 * printed total equals the sum of its printed parts.
 */
import { sourceInForce, type CatalogEntry, type PolicyData } from '../input/policyData.ts';
import { describeSource } from '../input/sourceSchema.ts';
import { fenToYuanString } from '../model/money.ts';
import type { CountyResult } from '../model/results.ts';
import { valueFor } from '../model/parameters.ts';
import type { YearRun } from '../simulation/runSimulation.ts';

export type Row = Record<string, string | number>;

export const COUNTY_COLUMNS = [
  'code', 'name', 'province', 'prefecture', 'year', 'resident_pop', 'basis_pop',
  'standard_cost', 'central', 'provincial', 'prefecture_level', 'county',
  'special_transfers', 'retained_by_prefecture', 'own_burden',
  'own_revenue', 'standard_revenue', 'other_std_expenditure',
  'equalization_transfer', 'guarantee_transfer', 'general_transfer',
  'capacity', 'gap', 'gap_per_capita', 'gap_share_of_cost',
] as const;

export const ITEM_COLUMNS = [
  'code', 'name', 'year', 'item', 'item_name_zh', 'domain', 'driver', 'beneficiaries', 'unit_standard', 'cost_index',
  'cost', 'central', 'provincial', 'prefecture_level', 'county', 'special_transfer', 'retained_by_prefecture', 'rule', 'source',
] as const;

const yuan = fenToYuanString;

function ratio(n: number, d: number, digits: number): string {
  return d > 0 ? (n / d).toFixed(digits) : '';
}

export function countyRow(run: YearRun, r: CountyResult): Row {
  const c = run.counties[r.countyIndex]!;
  return {
    code: c.code,
    name: c.name,
    province: c.province,
    prefecture: c.prefecture,
    year: run.year,
    resident_pop: Math.round(c.drivers['resident_pop'] ?? 0),
    basis_pop: Math.round(r.population),
    standard_cost: yuan(r.standardCostFen),
    central: yuan(r.centralFen),
    provincial: yuan(r.provincialFen),
    prefecture_level: yuan(r.prefectureFen),
    county: yuan(r.countyFen),
    special_transfers: yuan(r.specialFen),
    retained_by_prefecture: yuan(r.retainedFen),
    own_burden: yuan(r.ownBurdenFen),
    own_revenue: yuan(r.ownRevenueFen),
    standard_revenue: yuan(r.standardRevenueFen),
    other_std_expenditure: yuan(r.otherStdExpenditureFen),
    equalization_transfer: yuan(r.equalizationFen),
    guarantee_transfer: yuan(r.guaranteeFen),
    general_transfer: yuan(r.generalFen),
    capacity: yuan(r.capacityFen),
    gap: yuan(r.gapFen),
    gap_per_capita: ratio(r.gapFen / 100, r.population, 2),
    gap_share_of_cost: ratio(r.gapFen, r.standardCostFen, 6),
  };
}

/** Item rows for the selected counties (by index), in county then catalog order. */
export function itemRows(run: YearRun, selected: ReadonlySet<number>, catalog: ReadonlyMap<string, CatalogEntry>, policy: Pick<PolicyData, 'changeSources'> = {}): Row[] {
  const rows: Row[] = [];
  for (const it of run.result.items) {
    if (!selected.has(it.countyIndex)) continue;
    const c = run.counties[it.countyIndex]!;
    const p = run.params.items[it.itemIndex]!;
    const entry = catalog.get(p.id);
    rows.push({
      code: c.code,
      name: c.name,
      year: run.year,
      item: p.id,
      item_name_zh: p.nameZh,
      domain: p.domain,
      driver: p.driver,
      beneficiaries: it.beneficiaries.toFixed(2),
      unit_standard: String(valueFor(p.annualStandard, c)),
      cost_index: String(c.costIndex),
      cost: yuan(it.costFen),
      central: yuan(it.centralFen),
      provincial: yuan(it.provincialFen),
      prefecture_level: yuan(it.prefectureFen),
      county: yuan(it.countyFen),
      special_transfer: yuan(it.specialFen),
      retained_by_prefecture: yuan(it.retainedFen),
      rule: p.rule.id,
      // the source of the value used: a scenario's change where one is in force, else the catalog's
      source: entry?.standard ? describeSource(sourceInForce(policy, `standards.${p.id}.standard`, run.year, entry.standard.source)) : '',
    });
  }
  return rows;
}

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
import { GENERAL_MECHANISMS } from '../model/transfers/mechanisms.ts';

export type Row = Record<string, string | number>;

/** The general transfers as counties.csv columns, in the order money is computed. */
export const TRANSFER_COLUMNS = GENERAL_MECHANISMS.map((m) => `transfer_${m}` as const);

export const COUNTY_COLUMNS = [
  'code', 'name', 'province', 'prefecture', 'year', 'resident_pop', 'basis_pop',
  // the plan's catalog and who pays it
  'standard_cost', 'central', 'provincial', 'prefecture_level', 'county',
  'special_transfers', 'retained_by_prefecture', 'own_burden', 'item_tied_general',
  // resources
  'own_revenue', 'rebate_two_tax', 'rebate_income_tax', 'rebate_oil', 'tax_rebates', 'system_subsidy', 'remittance',
  ...TRANSFER_COLUMNS, 'general_transfer', 'general_retained_by_prefecture', 'resources',
  // needs
  'salaries', 'running_costs', 'other_mandated', 'other_spending', 'needs',
  // the equalization formula and the guarantee
  'standard_expenditure', 'standard_revenue', 'cost_coefficient', 'guarantee_needs', 'guarantee_gap', 'guarantee_gap_after',
  // the gap
  'gap', 'plan_gap', 'gap_per_capita', 'gap_share_of_cost',
] as const;

/** counties.csv columns that hold money in yuan to the fen (the rest: names, counts, ratios, yuan per person). */
const COUNTY_NOT_MONEY = new Set(['code', 'name', 'province', 'prefecture', 'year', 'resident_pop', 'basis_pop', 'cost_coefficient', 'gap_per_capita', 'gap_share_of_cost']);
export const COUNTY_MONEY_COLUMNS: readonly string[] = COUNTY_COLUMNS.filter((c) => !COUNTY_NOT_MONEY.has(c));

/** items.csv (and items_summary.csv) columns that hold money in yuan to the fen. */
export const ITEM_MONEY_COLUMNS = ['cost', 'central', 'provincial', 'prefecture_level', 'county', 'special_transfer', 'retained_by_prefecture'] as const;

export const ITEM_COLUMNS = [
  'code', 'name', 'year', 'item', 'item_name_zh', 'domain', 'driver', 'beneficiaries', 'unit_standard', 'cost_index',
  'cost', 'central', 'provincial', 'prefecture_level', 'county', 'special_transfer', 'retained_by_prefecture', 'rule',
] as const;

/**
 * item_sources.csv columns: one row per item and year with the item's fixed text, the source
 * of its standard above all. items.csv joins to it by item and year, so the long source note is
 * written once per item and year instead of on every county's row.
 */
export const ITEM_SOURCE_COLUMNS = ['year', 'item', 'item_name_zh', 'item_name_en', 'domain', 'driver', 'rule', 'source'] as const;

const yuan = fenToYuanString;

function ratio(n: number, d: number, digits: number): string {
  return d > 0 ? (n / d).toFixed(digits) : '';
}

export function countyRow(run: YearRun, r: CountyResult): Row {
  const c = run.counties[r.countyIndex]!;
  const row: Row = {
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
    item_tied_general: yuan(r.itemTiedGeneralFen),
    own_revenue: yuan(r.ownRevenueFen),
    rebate_two_tax: yuan(r.rebateTwoTaxFen),
    rebate_income_tax: yuan(r.rebateIncomeTaxFen),
    rebate_oil: yuan(r.rebateOilFen),
    tax_rebates: yuan(r.rebatesFen),
    system_subsidy: yuan(r.systemSubsidyFen),
    remittance: yuan(r.remittanceFen),
  };
  for (const m of GENERAL_MECHANISMS) row[`transfer_${m}`] = yuan(r.generalByMechanismFen[m]);
  Object.assign(row, {
    general_transfer: yuan(r.generalFen),
    general_retained_by_prefecture: yuan(r.generalRetainedFen),
    resources: yuan(r.resourcesFen),
    salaries: yuan(r.salaryFen),
    running_costs: yuan(r.runningFen),
    other_mandated: yuan(r.otherMandatedFen),
    other_spending: yuan(r.otherSpendingFen),
    needs: yuan(r.needsFen),
    standard_expenditure: yuan(r.standardExpenditureFen),
    standard_revenue: yuan(r.standardRevenueFen),
    cost_coefficient: r.costCoefficient.toFixed(6),
    guarantee_needs: yuan(r.guaranteeNeedsFen),
    guarantee_gap: yuan(r.guaranteeGapFen),
    guarantee_gap_after: yuan(r.guaranteeGapAfterFen),
    gap: yuan(r.gapFen),
    plan_gap: yuan(r.planGapFen),
    gap_per_capita: ratio(r.gapFen / 100, r.population, 2),
    gap_share_of_cost: ratio(r.gapFen, r.standardCostFen, 6),
  });
  return row;
}

/** Item rows for the selected counties (by index), in county then catalog order. */
export function itemRows(run: YearRun, selected: ReadonlySet<number>): Row[] {
  const rows: Row[] = [];
  for (const it of run.result.items) {
    if (!selected.has(it.countyIndex)) continue;
    const c = run.counties[it.countyIndex]!;
    const p = run.params.items[it.itemIndex]!;
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
    });
  }
  return rows;
}

/** item_sources.csv rows of a year: each item of the catalog once, in catalog order, with the source of its standard in that year. */
export function itemSourceRows(run: YearRun, catalog: ReadonlyMap<string, CatalogEntry>, policy: Pick<PolicyData, 'changeSources'> = {}): Row[] {
  return run.params.items.map((p) => ({
    year: run.year,
    item: p.id,
    item_name_zh: p.nameZh,
    item_name_en: p.nameEn,
    domain: p.domain,
    driver: p.driver,
    rule: p.rule.id,
    source: itemSource(run, p.id, catalog, policy),
  }));
}

/** The source text of an item's standard in a year: a scenario's change where one is in force, else the catalog's. */
export function itemSource(run: YearRun, id: string, catalog: ReadonlyMap<string, CatalogEntry>, policy: Pick<PolicyData, 'changeSources'>): string {
  const entry = catalog.get(id);
  return entry?.standard ? describeSource(sourceInForce(policy, `standards.${id}.standard`, run.year, entry.standard.source)) : '';
}

export const ITEM_SUMMARY_COLUMNS = [
  'year', 'item', 'item_name_zh', 'domain', 'driver', 'counties', 'beneficiaries',
  'cost', 'central', 'provincial', 'prefecture_level', 'county', 'special_transfer', 'retained_by_prefecture', 'rule', 'source',
] as const;

/**
 * One row per item for the selected counties (items.csv with --items summary): the sums of
 * the county rows. Money sums are sums of integer fen, so each equals the sum of the
 * county rows' printed amounts.
 */
export function itemSummaryRows(run: YearRun, selected: ReadonlySet<number>, catalog: ReadonlyMap<string, CatalogEntry>, policy: Pick<PolicyData, 'changeSources'> = {}): Row[] {
  const items = run.result.items;
  const per = items.itemsPerCounty;
  const cols = items.columns;
  const money = ['costFen', 'centralFen', 'provincialFen', 'prefectureFen', 'countyFen', 'specialFen', 'retainedFen'] as const;
  const sums = money.map(() => new Float64Array(per));
  const people = new Float64Array(per);
  let counties = 0;
  for (const ci of selected) {
    if (!(ci >= 0 && ci < items.countyCount)) continue;
    counties++;
    for (let i = 0, k = ci * per; i < per; i++, k++) {
      people[i] = people[i]! + cols.beneficiaries[k]!;
      for (let m = 0; m < money.length; m++) {
        const sum = sums[m]!;
        sum[i] = sum[i]! + cols[money[m]!][k]!;
      }
    }
  }
  return run.params.items.map((p, i) => ({
    year: run.year,
    item: p.id,
    item_name_zh: p.nameZh,
    domain: p.domain,
    driver: p.driver,
    counties,
    beneficiaries: people[i]!.toFixed(2),
    cost: yuan(sums[0]![i]!),
    central: yuan(sums[1]![i]!),
    provincial: yuan(sums[2]![i]!),
    prefecture_level: yuan(sums[3]![i]!),
    county: yuan(sums[4]![i]!),
    special_transfer: yuan(sums[5]![i]!),
    retained_by_prefecture: yuan(sums[6]![i]!),
    rule: p.rule.id,
    source: itemSource(run, p.id, catalog, policy),
  }));
}

/** Province rows of the equalization transfer's two stages (money in yuan to the fen). */
import { PROVINCES } from '../input/provinces.ts';
import { fenToYuanString } from '../model/money.ts';
import type { YearRun } from '../simulation/runSimulation.ts';
import type { Row } from './countyTable.ts';

export const PROVINCE_COLUMNS = [
  'province_code', 'province', 'year', 'standard_expenditure', 'standard_revenue', 'gap',
  'central_allocation', 'provincial_top_up', 'pool', 'coefficient',
] as const;

/** provinces.csv columns that hold money in yuan to the fen. */
export const PROVINCE_MONEY_COLUMNS = ['standard_expenditure', 'standard_revenue', 'gap', 'central_allocation', 'provincial_top_up', 'pool'] as const;

export function provinceRows(run: YearRun, only?: ReadonlySet<string>): Row[] {
  return run.result.provinces
    .filter((p) => !only || only.has(p.provinceCode))
    .map((p) => ({
      province_code: p.provinceCode,
      province: PROVINCES[p.provinceCode] ?? '',
      year: run.year,
      standard_expenditure: fenToYuanString(p.standardExpenditureFen),
      standard_revenue: fenToYuanString(p.standardRevenueFen),
      gap: fenToYuanString(p.gapFen),
      central_allocation: fenToYuanString(p.centralAllocationFen),
      provincial_top_up: fenToYuanString(p.provincialTopUpFen),
      pool: fenToYuanString(p.poolFen),
      coefficient: Number.isFinite(p.coefficient) ? p.coefficient.toFixed(6) : '',
    }));
}

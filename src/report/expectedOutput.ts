/**
 * The regression output of a library scenario (Tax-Calculator style): key county figures
 * per year over the default data, written beside the scenario as <name>.expected.csv and
 * compared by test/scenarios/library.test.ts. Regenerate with `npm run scenarios:expected`
 * after a deliberate change to data or model, and review the diff.
 */
import { fenToYuanString } from '../model/money.ts';
import type { YearRun } from '../simulation/runSimulation.ts';
import { toCsv } from './csv.ts';

export const EXPECTED_COLUMNS = [
  'code', 'name', 'year', 'standard_cost', 'central', 'provincial', 'prefecture_level', 'county',
  'special_transfers', 'tax_rebates', 'general_transfer', 'equalization_transfer', 'guarantee_transfer', 'resources', 'needs',
  'guarantee_gap', 'gap', 'plan_gap',
] as const;

export function expectedOutputCsv(runs: readonly YearRun[], focus: readonly number[]): string {
  const rows = runs.flatMap((run) =>
    focus.map((i) => {
      const r = run.result.counties[i]!;
      const c = run.counties[i]!;
      return {
        code: c.code,
        name: c.name,
        year: run.year,
        standard_cost: fenToYuanString(r.standardCostFen),
        central: fenToYuanString(r.centralFen),
        provincial: fenToYuanString(r.provincialFen),
        prefecture_level: fenToYuanString(r.prefectureFen),
        county: fenToYuanString(r.countyFen),
        special_transfers: fenToYuanString(r.specialFen),
        tax_rebates: fenToYuanString(r.rebatesFen),
        general_transfer: fenToYuanString(r.generalFen),
        equalization_transfer: fenToYuanString(r.equalizationFen),
        guarantee_transfer: fenToYuanString(r.guaranteeFen),
        resources: fenToYuanString(r.resourcesFen),
        needs: fenToYuanString(r.needsFen),
        guarantee_gap: fenToYuanString(r.guaranteeGapFen),
        gap: fenToYuanString(r.gapFen),
        plan_gap: fenToYuanString(r.planGapFen),
      };
    }),
  );
  return toCsv(EXPECTED_COLUMNS, rows);
}

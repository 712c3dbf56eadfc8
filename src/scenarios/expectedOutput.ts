/**
 * The regression output of a library scenario (Tax-Calculator style): key county figures
 * per year over the default data, written beside the scenario as <name>.expected.csv and
 * compared by test/scenarios/library.test.ts. Regenerate with `npm run scenarios:expected`
 * after a deliberate change to data or model, and review the diff.
 */
import { fenToYuanString } from '../model/money.ts';
import type { YearRun } from '../simulation/runSimulation.ts';
import { toCsv } from '../report/csv.ts';

export const EXPECTED_COLUMNS = [
  'code', 'name', 'year', 'standard_cost', 'central', 'provincial', 'prefecture_level', 'county',
  'special_transfers', 'equalization_transfer', 'guarantee_transfer', 'capacity', 'gap',
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
        equalization_transfer: fenToYuanString(r.equalizationFen),
        guarantee_transfer: fenToYuanString(r.guaranteeFen),
        capacity: fenToYuanString(r.capacityFen),
        gap: fenToYuanString(r.gapFen),
      };
    }),
  );
  return toCsv(EXPECTED_COLUMNS, rows);
}

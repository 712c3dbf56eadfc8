/**
 * The general equalization transfer with a configured scheme in the province → county stage.
 * Stage 1 (centre → provinces, by provincial gaps) and each province's pool are those of
 * equalizationTransfer; stage 2 spends each province's pool over its counties with the
 * scheme, exactly to the fen. Single-year: last year's transfers are not known here, so a
 * scheme's growth control does not apply (the schemes command and the analytic path, which
 * run years in sequence, apply it).
 */
import type { RegionGroup } from '../../county.ts';
import { equalizationTransfer, type EqualizationResult, type EqualizationUnit } from '../equalizationTransfer.ts';
import { allocateSchemeExact, type SchemeConfig } from './registry.ts';
import { schemeInput } from './schemeInput.ts';

export interface SchemeUnit extends EqualizationUnit {
  readonly standardCostFen: number;
  /** the county's own burden of basic services */
  readonly ownBurdenFen: number;
  readonly otherStdExpenditureFen: number;
  readonly regionGroup: RegionGroup;
}

export function schemeEqualizationTransfer(
  units: readonly SchemeUnit[],
  centralPoolFen: number,
  provincialPoolRatePpm: number,
  scheme: SchemeConfig,
): EqualizationResult {
  const base = equalizationTransfer(units, centralPoolFen, provincialPoolRatePpm);
  const members = new Map<string, number[]>();
  units.forEach((u, i) => (members.get(u.provinceCode) ?? members.set(u.provinceCode, []).get(u.provinceCode)!).push(i));
  const countyTransfersFen = units.map(() => 0);
  for (const p of base.provinces) {
    const ids = members.get(p.provinceCode)!;
    const input = schemeInput(
      ids.map((i) => {
        const u = units[i]!;
        return {
          population: u.population,
          standardExpenditure: u.standardExpenditureFen,
          standardRevenue: u.standardRevenueFen,
          ownRevenue: u.ownRevenueFen,
          standardCost: u.standardCostFen,
          mustFund: u.ownBurdenFen,
          otherStdExpenditure: u.otherStdExpenditureFen,
          regionGroup: u.regionGroup,
        };
      }),
    );
    const parts = allocateSchemeExact(scheme, input, p.poolFen);
    ids.forEach((i, k) => (countyTransfersFen[i] = parts[k]!));
  }
  return { ...base, countyTransfersFen };
}

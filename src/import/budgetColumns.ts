/**
 * Estimated money columns of the county budget (contract section B), per unit and year, in fen:
 *
 *   tax_base_Y           province non-agricultural value added (GDP − primary industry, 2012,
 *                        budget.yaml tax_base) × national non-agricultural VA in Y ÷ that in 2012,
 *                        spread over the province's units ∝ urban residents 16–59 + w × rural
 *                        residents 16–59 (w = rural_nonfarm_weight). Never uses own revenue.
 *   rebate_<type>_Y      national rebate of the type → provinces ∝ their 2012 non-agricultural VA
 *                        (over all provinces of budget.yaml) → × county-level share of the type →
 *                        the province's units ∝ tax_base_Y.
 *   system_subsidy_Y     county-level total → units flagged `difficult` ∝ residents.
 *   remittance_Y         county-level total → all units ∝ tax_base_Y² ÷ residents (residents ×
 *                        the square of tax base per resident: rich units remit).
 *   fiscal_staff         persons (data year): national 财政供养 (中间口径, linear between the dated
 *                        figures) × in-service establishment share × county-level share → provinces
 *                        ∝ residents → units ∝ residents^scale_exponent.
 *
 * Every split is by largest remainder (splitInteger), so units add up exactly to each total.
 */
import { Decimal } from 'decimal.js';
import type { Dated } from '../input/datedValues.ts';
import { budgetAt, REBATE_TYPES, type BudgetFile, type RebateType } from './budgetParams.ts';
import { splitInteger } from './census.ts';
import { yi100mToFen } from './estimates.ts';

export const BUDGET_STEM_NAMES = ['rebate_two_tax', 'rebate_income_tax', 'rebate_oil', 'system_subsidy', 'remittance', 'tax_base'] as const;
export type BudgetStem = (typeof BUDGET_STEM_NAMES)[number];

export const REBATE_STEM: Readonly<Record<RebateType, BudgetStem>> = { two_tax: 'rebate_two_tax', income_tax: 'rebate_income_tax', oil: 'rebate_oil' };

export interface BudgetUnit {
  readonly code: string;
  readonly provinceCode: string;
  readonly residents: number;
  readonly urban16to59: number;
  readonly rural16to59: number;
  readonly difficult: boolean;
}

export interface BudgetEstimates {
  /** unit code → `<stem>_<year>` → fen */
  readonly byUnit: ReadonlyMap<string, Readonly<Record<string, number>>>;
  /** unit code → persons */
  readonly fiscalStaff: ReadonlyMap<string, number>;
  /** `<stem>_<year>` → national total over the units built (fen) */
  readonly totals: ReadonlyMap<string, number>;
  /** province code → `<stem>_<year>` → fen (province totals over its units) */
  readonly provinceTotals: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** `<type>_<year>` → the national rebate before the county-level share (fen) */
  readonly nationalRebates: ReadonlyMap<string, number>;
  /** province code → `<type>_<year>` → the province's whole rebate (all levels) before the county-level share (fen), every province of budget.yaml */
  readonly provinceRebates: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly fiscalStaffTotal: number;
  readonly dataYear: number;
}

/** Linear interpolation between the dated points around `year` (constant beyond the ends). */
export function interpolate(values: Dated<number>, year: number): number {
  if (values.length === 0) throw new Error('no dated values to interpolate');
  const first = values[0]!;
  const last = values[values.length - 1]!;
  if (year <= first.from) return first.value;
  if (year >= last.from) return last.value;
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1]!;
    const b = values[i]!;
    if (year <= b.from) return a.value + ((b.value - a.value) * (year - a.from)) / (b.from - a.from);
  }
  return last.value;
}

/** Province non-agricultural value added in 2012, fen. */
export function provinceNonagri2012(file: BudgetFile): Map<string, number> {
  const out = new Map<string, number>();
  for (const [code, p] of Object.entries(file.tax_base.province_nonagri_va_2012)) {
    const va = new Decimal(p.gdp).minus(p.primary);
    if (va.isNegative()) throw new Error(`budget.yaml tax_base.province_nonagri_va_2012.${code}: primary ${p.primary} exceeds GDP ${p.gdp}`);
    out.set(code, yi100mToFen(va.toFixed()));
  }
  return out;
}

/** Province value added in `year`: the 2012 value × national VA(year) / national VA(2012), rounded to the fen. */
export function provinceNonagriAt(va2012: number, file: BudgetFile, year: number): number {
  const nat = yi100mToFen(budgetAt(file.tax_base.national_nonagri_va.values, year, 'tax_base.national_nonagri_va'));
  const nat2012 = yi100mToFen(budgetAt(file.tax_base.national_nonagri_va.values, 2012, 'tax_base.national_nonagri_va'));
  return new Decimal(va2012).mul(nat).div(nat2012).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toNumber();
}

export function estimateBudget(units: readonly BudgetUnit[], file: BudgetFile, dataYear: number): BudgetEstimates {
  const byUnit = new Map<string, Record<string, number>>(units.map((u) => [u.code, {}]));
  const totals = new Map<string, number>();
  const provinceTotals = new Map<string, Map<string, number>>();
  const nationalRebates = new Map<string, number>();
  const provinceRebates = new Map<string, Map<string, number>>();
  const va2012 = provinceNonagri2012(file);
  const provinces = [...new Set(units.map((u) => u.provinceCode))].sort();
  for (const p of provinces) if (!va2012.has(p)) throw new Error(`budget.yaml tax_base.province_nonagri_va_2012 has no entry for province ${p}`);
  const unitsOf = new Map(provinces.map((p) => [p, units.filter((u) => u.provinceCode === p)]));
  const put = (stem: BudgetStem, year: number, list: readonly BudgetUnit[], amounts: readonly number[]): void => {
    const key = `${stem}_${year}`;
    list.forEach((u, i) => {
      byUnit.get(u.code)![key] = amounts[i]!;
      totals.set(key, (totals.get(key) ?? 0) + amounts[i]!);
      const pt = provinceTotals.get(u.provinceCode) ?? provinceTotals.set(u.provinceCode, new Map()).get(u.provinceCode)!;
      pt.set(key, (pt.get(key) ?? 0) + amounts[i]!);
    });
  };
  const allProvinces = [...va2012.keys()].sort();
  const provinceKey = allProvinces.map((p) => va2012.get(p)!);

  for (const year of file.years) {
    const w = budgetAt(file.tax_base.rural_nonfarm_weight.values, year, 'tax_base.rural_nonfarm_weight');
    // tax base
    for (const p of provinces) {
      const list = unitsOf.get(p)!;
      const total = provinceNonagriAt(va2012.get(p)!, file, year);
      put('tax_base', year, list, splitInteger(total, list.map((u) => u.urban16to59 + w * u.rural16to59)));
    }
    // rebates
    for (const type of REBATE_TYPES) {
      const national = yi100mToFen(budgetAt(file.rebates.national[type].values, year, `rebates.national.${type}`));
      nationalRebates.set(`${type}_${year}`, national);
      const share = budgetAt(file.rebates.county_level_share[type].values, year, `rebates.county_level_share.${type}`);
      const byProvince = splitInteger(national, provinceKey);
      allProvinces.forEach((p, i) => (provinceRebates.get(p) ?? provinceRebates.set(p, new Map()).get(p)!).set(`${type}_${year}`, byProvince[i]!));
      for (const p of provinces) {
        const list = unitsOf.get(p)!;
        const countyLevel = new Decimal(byProvince[allProvinces.indexOf(p)]!).mul(share).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toNumber();
        put(REBATE_STEM[type], year, list, splitInteger(countyLevel, list.map((u) => byUnit.get(u.code)![`tax_base_${year}`]!)));
      }
    }
    // system subsidy: difficult units ∝ residents
    const subsidy = yi100mToFen(budgetAt(file.system_subsidy.county_total.values, year, 'system_subsidy.county_total'));
    put('system_subsidy', year, units, splitInteger(subsidy, units.map((u) => (u.difficult ? u.residents : 0))));
    // remittance: ∝ tax base² / residents
    const remit = yi100mToFen(budgetAt(file.remittance.county_total.values, year, 'remittance.county_total'));
    put('remittance', year, units, splitInteger(remit, units.map((u) => {
      const tb = byUnit.get(u.code)![`tax_base_${year}`]! / 1e10; // 亿元, to keep the square in range
      return u.residents > 0 ? (tb * tb) / u.residents : 0;
    })));
  }

  // fiscal staff (persons, data year)
  const fs = file.fiscal_staff;
  const supported = interpolate(fs.national_supported.values, dataYear);
  const countyStaff = Math.round(supported * budgetAt(fs.in_service_on_establishment_share.values, dataYear, 'fiscal_staff.in_service_on_establishment_share') * budgetAt(fs.county_level_share.values, dataYear, 'fiscal_staff.county_level_share'));
  const beta = budgetAt(fs.scale_exponent.values, dataYear, 'fiscal_staff.scale_exponent');
  const fiscalStaff = new Map<string, number>();
  const byProvinceStaff = splitInteger(countyStaff, provinces.map((p) => unitsOf.get(p)!.reduce((s, u) => s + u.residents, 0)));
  provinces.forEach((p, i) => {
    const list = unitsOf.get(p)!;
    splitInteger(byProvinceStaff[i]!, list.map((u) => u.residents ** beta)).forEach((n, j) => fiscalStaff.set(list[j]!.code, n));
  });
  return { byUnit, fiscalStaff, totals, provinceTotals, nationalRebates, provinceRebates, fiscalStaffTotal: countyStaff, dataYear };
}

/**
 * The model beside published figures: for each figure of data/validation, the model's value
 * for the same year, scope and measure, its relative difference from the published value and
 * whether it lies within the figure's band. Pure: runs in, rows out.
 */
import { say } from '../i18n/messageLang.ts';
import { itemMatches } from '../input/policyData.ts';
import type { LoadedFigure, Measure } from '../input/validationSchema.ts';
import { valueFor } from '../model/parameters.ts';
import { countyFlag } from '../model/county.ts';
import { GENERAL_MECHANISMS, type GeneralMechanismId } from '../model/transfers/mechanisms.ts';
import type { YearRun } from '../simulation/runSimulation.ts';

/** The eight ethnic provinces (民族八省区). */
export const ETHNIC_PROVINCES: readonly string[] = ['150000', '450000', '520000', '530000', '540000', '630000', '640000', '650000'];

export type ValidationStatus = 'pass' | 'outside' | 'reference' | 'error';

export interface ValidationRow {
  readonly figure: LoadedFigure;
  /** the model's value in the figure's unit (NaN when it cannot be computed) */
  readonly model: number;
  /** (model − published) ÷ published */
  readonly difference: number;
  readonly status: ValidationStatus;
  /** why a figure could not be computed */
  readonly problem?: string;
}

function inScope(scope: LoadedFigure['scope'], provinceCode: string): boolean {
  if (scope === 'national') return true;
  if (scope === 'ethnic_provinces') return ETHNIC_PROVINCES.includes(provinceCode);
  return provinceCode === scope;
}

const isMechanism = (x: string): x is GeneralMechanismId => (GENERAL_MECHANISMS as readonly string[]).includes(x);

/** The model's value of a measure in one year's run, in yuan or persons; throws with a plain reason when it cannot. */
export function measureValue(run: YearRun, measure: Measure, scope: LoadedFigure['scope']): number {
  const counties = run.result.counties.filter((r) => inScope(scope, run.counties[r.countyIndex]!.provinceCode));
  const sum = (f: (r: (typeof counties)[number]) => number): number => counties.reduce((a, r) => a + f(r), 0) / 100;
  const itemIndexes = (patterns: readonly string[]): number[] => {
    const idx = run.params.items.flatMap((p, i) => (patterns.some((x) => itemMatches(p.id, x)) ? [i] : []));
    const missing = patterns.filter((x) => !run.params.items.some((p) => itemMatches(p.id, x)));
    if (missing.length) throw new Error(`no catalog item in force in ${run.year} matches ${missing.join(', ')}`);
    return idx;
  };
  if (measure.quantity !== 'transfer') {
    const idx = itemIndexes(measure.items);
    const flag = measure.county_flag;
    const rows = flag === undefined ? counties : counties.filter((r) => countyFlag(run.counties[r.countyIndex]!, flag));
    if (measure.quantity === 'standard') return valueFor(run.params.items[idx[0]!]!.annualStandard, run.counties[counties[0]?.countyIndex ?? 0]!);
    const col = run.result.items.columns;
    const per = run.result.items.itemsPerCounty;
    let total = 0;
    for (const r of rows) {
      for (const i of idx) {
        const k = r.countyIndex * per + i;
        switch (measure.quantity) {
          case 'beneficiaries': total += col.beneficiaries[k]!; break;
          case 'cost': total += col.costFen[k]!; break;
          case 'central': total += col.centralFen[k]!; break;
          case 'provincial': total += col.provincialFen[k]!; break;
          case 'prefecture': total += col.prefectureFen[k]!; break;
          case 'county': total += col.countyFen[k]!; break;
          case 'local': total += col.costFen[k]! - col.centralFen[k]!; break;
        }
      }
    }
    return measure.quantity === 'beneficiaries' ? total : total / 100;
  }
  // the centre's money: a pool less what it could not spend; within a scope, equalization and the
  // guarantee award by the provinces' allocations, the other transfers by what reached the counties
  const spent = (id: GeneralMechanismId): number => {
    if (scope !== 'national') {
      const provinces = run.result.provinces.filter((p) => inScope(scope, p.provinceCode));
      if (id === 'equalization') return provinces.reduce((a, p) => a + p.centralAllocationFen, 0) / 100;
      if (id === 'guarantee') return provinces.reduce((a, p) => a + p.guaranteeAwardFen, 0) / 100;
      return sum((r) => r.generalByMechanismFen[id] + r.generalRetainedByMechanism[id]);
    }
    const m = run.result.mechanisms.find((x) => x.id === id);
    return m ? (m.poolFen - m.unspentFen) / 100 : 0;
  };
  if ('mechanisms' in measure) {
    return measure.mechanisms.reduce((a, id) => {
      if (id === 'guarantee_award') return a + spent('guarantee');
      if (!isMechanism(id)) throw new Error(say({ zh: `未知的转移支付 ${id}`, en: `unknown transfer ${id}` }));
      return a + spent(id);
    }, 0);
  }
  const id = measure.mechanism;
  if (isMechanism(id)) return spent(id);
  switch (id) {
    case 'guarantee_award':
      return spent('guarantee');
    case 'rebate_two_tax':
      return sum((r) => r.rebateTwoTaxFen);
    case 'rebate_income_tax':
      return sum((r) => r.rebateIncomeTaxFen);
    case 'rebate_oil':
      return sum((r) => r.rebateOilFen);
    case 'rebate_total':
      return sum((r) => r.rebatesFen);
    case 'rebate_net':
      return sum((r) => r.rebatesFen - r.remittanceFen);
    case 'system_subsidy':
      return sum((r) => r.systemSubsidyFen);
    case 'remittance':
      return sum((r) => r.remittanceFen);
    case 'item_tied_general': {
      if (measure.items) {
        const idx = itemIndexes(measure.items);
        const col = run.result.items.columns;
        const per = run.result.items.itemsPerCounty;
        let total = 0;
        for (const r of counties) for (const i of idx) total += col.centralFen[r.countyIndex * per + i]!;
        return total / 100;
      }
      return sum((r) => r.itemTiedGeneralFen);
    }
    case 'general_total':
      return GENERAL_MECHANISMS.reduce((a, m) => a + spent(m), 0) + sum((r) => r.itemTiedGeneralFen);
    case 'county_own_revenue':
      return sum((r) => r.ownRevenueFen);
    case 'county_received_total':
      return sum((r) => r.rebatesFen + r.systemSubsidyFen - r.remittanceFen + r.generalFen + r.specialFen);
    case 'county_expenditure':
      return sum((r) => r.needsFen);
    default:
      throw new Error(say({ zh: `未知的转移支付 ${id}`, en: `unknown transfer ${id}` }));
  }
}

/** Each figure beside the model's value; figures for years not run are left out. */
export function validationRows(figures: readonly LoadedFigure[], runs: readonly YearRun[]): ValidationRow[] {
  const byYear = new Map(runs.map((r) => [r.year, r]));
  return figures.flatMap((figure): ValidationRow[] => {
    const run = byYear.get(figure.year);
    if (!run) return [];
    let model: number;
    try {
      model = measureValue(run, figure.measure, figure.scope);
    } catch (e) {
      // a reference figure the model does not represent says why; any other figure it cannot compute is an error
      return [{ figure, model: Number.NaN, difference: Number.NaN, status: figure.compare === 'reference' ? 'reference' : 'error', problem: (e as Error).message }];
    }
    const difference = figure.published > 0 ? (model - figure.published) / figure.published : model === 0 ? 0 : Number.POSITIVE_INFINITY;
    const status: ValidationStatus = figure.compare === 'reference' ? 'reference' : Math.abs(difference) <= figure.band + 1e-12 ? 'pass' : 'outside';
    return [{ figure, model, difference, status }];
  });
}

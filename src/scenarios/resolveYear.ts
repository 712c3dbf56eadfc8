/**
 * Resolve the policy data for one year into the plain parameters the model computes with:
 * the dated value in force that year for every standard, coverage, eligibility factor,
 * sharing rule, local split and transfer setting. Shares become integer ppm.
 */
import type { DaysPerYear, GroupedNumber, ResponsibilityRule } from '../input/catalogSchema.ts';
import { PERIODS } from '../input/catalogSchema.ts';
import { valueAt, type Dated } from '../input/datedValues.ts';
import type { CatalogEntry, PolicyData } from '../input/policyData.ts';
import { PPM, productToFen, toPpm } from '../model/money.ts';
import { FormulaError } from './formula.ts';
import { groupValue } from '../model/parameters.ts';
import type { CountyValue, Grouped, ItemParameters, LocalSplitParameters, LocalSplitPpm, PopulationBasis, RuleParameters, YearParameters } from '../model/parameters.ts';

export class ResolutionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResolutionError';
  }
}

function at<T>(dated: Dated<T>, year: number, what: string): T {
  const v = valueAt(dated, year);
  if (v === undefined) throw new ResolutionError(`${what}: no value in force in ${year} (first value is for ${dated[0]?.from})`);
  return v;
}

function grouped(g: GroupedNumber, toUnit: (n: number) => number): Grouped {
  if (typeof g === 'number') return { by: 'national', values: { all: toUnit(g) } };
  const values: Record<string, number> = {};
  for (const [k, v] of Object.entries(g)) if (k !== 'by') values[k] = toUnit(v as number);
  return { by: g.by, values };
}

export function resolveRule(rule: ResponsibilityRule, year: number): RuleParameters {
  const what = `rule ${rule.id}`;
  return {
    id: rule.id,
    kind: rule.kind,
    ...(rule.central_share ? { centralSharePpm: grouped(at(rule.central_share.values, year, `${what} central_share`), (v) => toPpm(v, `${what} central_share`)) } : {}),
    ...(rule.central_amount ? { centralAmount: grouped(at(rule.central_amount.values, year, `${what} central_amount`), (v) => v) } : {}),
    ...(rule.pilot_flag ? { pilotFlag: rule.pilot_flag } : {}),
  };
}

/** Days a year of a per-day standard in `year` (a fixed number or dated values). */
export function daysPerYear(days: DaysPerYear | undefined, year: number, what: string): number {
  if (days === undefined) throw new ResolutionError(`${what}: a per-day standard needs days_per_year`);
  return typeof days === 'number' ? days : at(days, year, `${what} days_per_year`);
}

/** Periods a year of an item's standard in `year`: 1 (year), 12 (month) or its school days (day). */
export function periodsPerYear(item: CatalogEntry, year: number): number {
  if (!item.standard) return 1;
  return item.standard.period === 'day' ? daysPerYear(item.standard.days_per_year, year, item.id) : PERIODS[item.standard.period];
}

/**
 * A dated value that is either one number or a number by province group, as a county value
 * scaled by `scale` (a number when it is national, a lookup by the county's group otherwise).
 */
function groupedCountyValue(v: GroupedNumber, scale: number): CountyValue {
  if (typeof v === 'number') return v * scale;
  const g = grouped(v, (x) => x * scale);
  return (county) => groupValue(g, county.regionGroup, county.tier2018);
}

/** The annual amount per beneficiary: standard × periods a year (days for per-day standards); by group where the standard differs by group. */
export function annualStandard(item: CatalogEntry, year: number): CountyValue | undefined {
  if (!item.standard) return undefined;
  const v = valueAt(item.standard.values, year);
  if (v === undefined) return undefined;
  return groupedCountyValue(v, periodsPerYear(item, year));
}

/** Whether the item has money of its own in force in `year`. */
export function itemActive(item: CatalogEntry, year: number, formulas?: Formulas): boolean {
  if (item.years && (year < item.years.from || (item.years.to !== undefined && year > item.years.to))) return false;
  const formula = formulas?.get(`standards.${item.id}.standard`);
  return annualStandard(item, year) !== undefined || (formula !== undefined && valueAt(formula, year) !== undefined && valueAt(formula, year) !== null);
}

type Formulas = PolicyData['formulas'];

/** The formula in force for a path in `year`, as a per-county value with its range checked. */
function formulaValue(formulas: Formulas, path: string, year: number, kind: 'standard' | 'share', scale = 1): CountyValue | undefined {
  const dated = formulas?.get(path);
  const f = dated ? valueAt(dated, year) : undefined;
  if (!f) return undefined;
  return (county) => {
    const v = f.evaluate({ county, year });
    if (!Number.isFinite(v) || v < 0 || (kind === 'share' && v > 1)) {
      throw new FormulaError(`${path} formula "${f.text}" gives ${v} for county ${county.code} in ${year}; ${kind === 'share' ? 'a share must be between 0 and 1' : 'a standard must be a non-negative number'}`);
    }
    return v * scale;
  };
}

export function resolveItem(item: CatalogEntry, rule: ResponsibilityRule, year: number, formulas?: Formulas): ItemParameters {
  const base = `standards.${item.id}`;
  const periods = periodsPerYear(item, year);
  return {
    id: item.id,
    domain: item.domain,
    nameZh: item.name_zh,
    nameEn: item.name_en,
    driver: item.driver,
    coverage: formulaValue(formulas, `${base}.coverage`, year, 'share') ?? at(item.coverage.values, year, `${item.id} coverage`),
    eligibility: item.eligibility.map((e) => ({
      id: e.id,
      value: formulaValue(formulas, `${base}.eligibility.${e.id}`, year, 'share') ?? groupedCountyValue(at(e.values, year, `${item.id} eligibility ${e.id}`), 1),
      ...(e.when && e.otherwise
        ? { when: e.when, otherwise: formulaValue(formulas, `${base}.eligibility.${e.id}.otherwise`, year, 'share') ?? groupedCountyValue(at(e.otherwise, year, `${item.id} eligibility ${e.id} otherwise`), 1) }
        : {}),
    })),
    annualStandard: formulaValue(formulas, `${base}.standard`, year, 'standard', periods) ?? annualStandard(item, year)!,
    rule: resolveRule(rule, year),
  };
}

function splitPpm(v: { province: number; prefecture: number; county: number }, what: string): LocalSplitPpm {
  const p = toPpm(v.province, `${what} province`);
  const f = toPpm(v.prefecture, `${what} prefecture`);
  const c = PPM - p - f;
  if (c !== toPpm(v.county, `${what} county`)) throw new ResolutionError(`${what}: shares do not sum to 1`);
  return [p, f, c];
}

export function resolveYear(policy: PolicyData, year: number, basis: PopulationBasis): YearParameters {
  const items = policy.items
    .filter((item) => itemActive(item, year, policy.formulas))
    .map((item) => resolveItem(item, policy.rules.get(item.responsibility)!, year, policy.formulas));
  const split = policy.sharing.local_split;
  const resolveSplit = (entry: typeof split.default, what: string): LocalSplitParameters => ({
    throughPrefecture: splitPpm(at(entry.through_prefecture.values, year, `${what} through_prefecture`), `${what} through_prefecture`),
    directlyManaged: splitPpm(at(entry.directly_managed.values, year, `${what} directly_managed`), `${what} directly_managed`),
  });
  const defaultSplit = resolveSplit(split.default, 'local_split.default');
  const provinceSplits = new Map(Object.entries(split.provinces).map(([code, entry]) => [code, resolveSplit(entry, `local_split.provinces.${code}`)]));
  const t = policy.transfers;
  const share = (p: { values: Dated<number> }, what: string): number => toPpm(at(p.values, year, what), what);
  return {
    year,
    basis,
    items,
    localSplit: (provinceCode) => provinceSplits.get(provinceCode) ?? defaultSplit,
    transfers: {
      centralPoolFen: productToFen([at(t.central_equalization_pool.values, year, 'central_equalization_pool')]),
      provincialPoolRatePpm: share(t.provincial_pool_rate, 'provincial_pool_rate'),
      prefectureRetentionPpm: share(t.prefecture_retention_rate, 'prefecture_retention_rate'),
      standardRevenueRatePpm: share(t.standard_revenue_rate, 'standard_revenue_rate'),
      guaranteeFillRatePpm: share(t.guarantee_fill_rate, 'guarantee_fill_rate'),
      guaranteeCentralSharePpm: share(t.guarantee_central_share, 'guarantee_central_share'),
    },
  };
}

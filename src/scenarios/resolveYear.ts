/**
 * Resolve the policy data for one year into the plain parameters the model computes with:
 * the dated value in force that year for every standard, coverage, eligibility factor,
 * sharing rule, local split and transfer setting. Shares become integer ppm.
 */
import { say } from '../i18n/messageLang.ts';
import type { DaysPerYear, GroupedNumber, ResponsibilityRule } from '../input/catalogSchema.ts';
import { PERIODS } from '../input/standardPeriods.ts';
import { valueAt, type Dated } from '../input/datedValues.ts';
import type { CatalogEntry, PolicyData } from '../input/policyData.ts';
import { itemMatches } from '../input/policyLookups.ts';
import { PPM, productToFen, toPpm } from '../model/money.ts';
import { FormulaError } from './formula.ts';
import { InputError } from '../input/inputError.ts';
import { formatLimit, MAX_STANDARD_YUAN } from '../input/fileLimits.ts';
import { groupValue } from '../model/parameters.ts';
import type { CountyValue, Grouped, ItemParameters, LocalSplitParameters, LocalSplitPpm, PopulationBasis, RuleParameters, TransferParameters, YearParameters } from '../model/parameters.ts';

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
  // an error at run time names the formula's file, line and column, as a load-time error does
  const fail = (county: { code: string; name: string }, message: string): never => {
    throw new InputError([{
      file: f.where?.file ?? '(scenario)',
      line: f.where?.line,
      column: f.where?.column,
      field: `${path} ${year}`,
      message: say({ zh: `公式“${f.text}”在 ${year} 年对县 ${county.code} ${county.name} 计算失败：${message}`, en: `formula "${f.text}" for county ${county.code} ${county.name} in ${year}: ${message}` }),
    }]);
  };
  return (county) => {
    let v: number;
    try {
      v = f.evaluate({ county, year });
    } catch (e) {
      if (e instanceof FormulaError) return fail(county, e.message);
      throw e;
    }
    if (!Number.isFinite(v)) return fail(county, `gives ${v}, not a finite number`);
    if (v < 0) return fail(county, `gives ${v}; ${kind === 'share' ? 'a share' : 'a standard'} cannot be negative`);
    if (kind === 'share' && v > 1) return fail(county, `gives ${v}; a share must be between 0 and 1`);
    if (kind === 'standard' && v > MAX_STANDARD_YUAN) return fail(county, `gives ${v} yuan; the largest standard accepted is ${formatLimit(MAX_STANDARD_YUAN)} yuan per beneficiary and period`);
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
  return {
    year,
    basis,
    items,
    localSplit: (provinceCode) => provinceSplits.get(provinceCode) ?? defaultSplit,
    transfers: resolveTransfers(policy, year, items),
  };
}

/** The transfer parameters in force in `year`. */
export function resolveTransfers(policy: PolicyData, year: number, items: readonly ItemParameters[]): TransferParameters {
  const t = policy.transfers;
  const m = policy.mechanisms;
  const value = (name: string): number => {
    const p = t[name];
    if (!p) throw new ResolutionError(`transfer parameter ${name} is not defined`);
    return at(p.values, year, name);
  };
  const ppm = (name: string): number => toPpm(value(name), name);
  const fen = (name: string): number => productToFen([value(name)]);
  const tied = (patterns: readonly string[]): string[] => items.filter((i) => patterns.some((p) => itemMatches(i.id, p))).map((i) => i.id);
  return {
    pools: m.pools.map((pool) => ({
      id: pool.id,
      poolFen: fen(pool.pool),
      ...(pool.eligible.flag ? { flag: pool.eligible.flag } : {}),
      ...(pool.eligible.region_groups ? { regionGroups: pool.eligible.region_groups } : {}),
      weight: pool.weight,
      countySharePpm: ppm(pool.county_share),
    })),
    equalization: {
      poolFen: fen(m.equalization.pool),
      functions: m.equalization.functions.map((f) => ({ id: f.id, drivers: f.drivers, unitStandard: value(f.unit_standard) })),
      standardRevenueRatePpm: ppm('standard_revenue_rate'),
      costCoefficient: {
        ethnicWeight: value('cost_coefficient_ethnic'),
        smallScaleBonus: value('cost_coefficient_small_scale'),
        smallScaleThreshold: value('cost_coefficient_small_scale_threshold'),
        regionFactor: { east: value('cost_coefficient_east'), central: value('cost_coefficient_central'), west: value('cost_coefficient_west') },
      },
      difficulty: { weight: value('difficulty_weight'), min: value('difficulty_min'), max: value('difficulty_max') },
      growthCap: value('growth_cap'),
      growthFloor: value('growth_floor'),
      countyShareOfExpenditurePpm: ppm('county_share_of_local_expenditure'),
      countyShareOfRevenuePpm: ppm('county_share_of_local_revenue'),
      passDownPpm: ppm('equalization_pass_down'),
      provincialTopUpRatePpm: ppm('provincial_top_up_rate'),
      provincialCapacityPpm: ppm('provincial_capacity'),
    },
    guarantee: {
      awardPoolFen: fen('guarantee_award_pool'),
      salaryStandard: value('guarantee_salary_standard'),
      runningStandard: value('guarantee_running_standard'),
      scopeDomains: m.guarantee.scope_domains,
      closeRatePpm: ppm('guarantee_close_rate'),
    },
    otherMandatedPerResident: value('other_mandated_standard'),
    prefectureRetentionPpm: ppm('prefecture_retention_rate'),
    prefectureGeneralRetentionPpm: ppm('prefecture_general_retention_rate'),
    itemTiedGeneral: {
      compulsory_education: tied(m.item_tied_general.compulsory_education),
      pension_and_dibao: tied(m.item_tied_general.pension_and_dibao),
      ncms: tied(m.item_tied_general.ncms),
    },
  };
}

/**
 * Estimated fiscal columns. No county fiscal data are in the sources, so provincial totals are
 * spread over the province's units with census proxies:
 *
 *   province own revenue R = published local general-budget revenue of the province (provinces.yaml
 *                            revenue.by_province)
 *   county-level revenue     = R × fiscal.county_share_revenue      (the rest stays with the
 *   county-level expenditure = E × fiscal.county_share_expenditure   province and prefectures)
 *   other standard expenditure = county-level expenditure × (1 − education share of E
 *                                − fiscal.non_education_basic_share)
 *
 * with E the province's general-budget expenditure. Each total is split over the units in
 * proportion to a weight: residents (migrants included) × d^ε, where d is the development index,
 * the geometric mean of the urban share of residents (floored), 1 + the share of residents who
 * came from other counties (in-migration is a sign of economic activity, and migrants pay taxes
 * where they work) and the average years of schooling. The revenue elasticity ε is estimated each
 * year across the provinces: the least-squares slope of log revenue per resident on log d of the
 * province, unless provinces.yaml fixes it. Money is split in fen by largest remainder, so the
 * units add up exactly to the county-level totals.
 */
import { Decimal } from 'decimal.js';
import { InputError, type InputProblem } from '../input/inputError.ts';
import { addFacts, emptyFacts, ratesOf, splitInteger, type CensusFacts } from './census.ts';
import { valueAt } from '../input/datedValues.ts';
import { paramAt, type ProvincesFile } from './params.ts';
import { requireColumns, type Table } from './table.ts';

export const FISCAL_STEM_NAMES = ['own_revenue', 'general_expenditure', 'other_std_expenditure'] as const;
export type FiscalStem = (typeof FISCAL_STEM_NAMES)[number];

export interface ProvinceSpending {
  /** fen */
  readonly total: number;
  /** fen */
  readonly education: number;
}

/** province code → year → spending (fen) */
export type ProvinceSpendingTable = ReadonlyMap<string, ReadonlyMap<number, ProvinceSpending>>;

export const EXPENDITURE_COLUMNS = ['province', 'year', 'category', 'value_100m_yuan'] as const;
/** The long table of 2010–2015 (province_general_budget_expenditure_2010_2015.csv). */
export const EXPENDITURE_LONG_COLUMNS = ['year', 'province_code', 'item', 'value'] as const;
const LONG_ITEMS: Readonly<Record<string, 'total' | 'education'>> = { general_budget_expenditure_total: 'total', of_which_education: 'education' };

/** 100 million yuan (亿元) as a decimal string → fen, exactly. */
export function yi100mToFen(raw: string): number {
  const fen = new Decimal(raw).mul('1e10');
  if (!fen.isInteger()) throw new Error(`${raw} 亿元 is not a whole number of fen`);
  return fen.toNumber();
}

/**
 * Province expenditure, total and education, in either of the two source layouts: the wide
 * 2011–2012 table (province short name, year, category, value_100m_yuan) or the long 2010–2015
 * table (year, province_code, item, value).
 */
export function parseProvinceSpending(table: Table, provinces: ProvincesFile['provinces'], years: readonly number[]): ProvinceSpendingTable {
  const long = EXPENDITURE_LONG_COLUMNS.every((c) => table.header.includes(c));
  requireColumns(table, long ? EXPENDITURE_LONG_COLUMNS : EXPENDITURE_COLUMNS);
  const valueColumn = long ? 'value' : 'value_100m_yuan';
  const problems: InputProblem[] = [];
  const byShort = new Map(Object.entries(provinces).map(([code, p]) => [p.short_name, code]));
  const found = new Map<string, Map<number, { total?: number; education?: number }>>();
  for (const { line, cells } of table.rows) {
    const bad = (column: string, message: string): void => void problems.push({ file: table.file, line, column, message });
    const code = long ? cells['province_code']! : byShort.get(cells['province']!);
    if (!code || !provinces[code]) {
      if (long) bad('province_code', `unknown province code "${cells['province_code']}" (provinces.yaml provinces)`);
      else bad('province', `unknown province "${cells['province']}" (provinces.yaml short_name)`);
      continue;
    }
    const year = Number(cells['year']);
    if (!/^\d{4}$/.test(cells['year']!)) {
      bad('year', `"${cells['year']}" is not a year`);
      continue;
    }
    const category = long ? LONG_ITEMS[cells['item']!] : cells['category'];
    if (category !== 'total' && category !== 'education') continue;
    const raw = cells[valueColumn]!;
    if (!/^\d+(\.\d+)?$/.test(raw)) {
      bad(valueColumn, `"${raw}" is not a non-negative number`);
      continue;
    }
    const perYear = found.get(code) ?? found.set(code, new Map()).get(code)!;
    const rec = perYear.get(year) ?? perYear.set(year, {}).get(year)!;
    if (rec[category] !== undefined) bad(long ? 'item' : 'category', `second ${category} row for ${code} ${year}`);
    rec[category] = yi100mToFen(raw);
  }
  const out = new Map<string, Map<number, ProvinceSpending>>();
  for (const code of Object.keys(provinces)) {
    for (const year of years) {
      const rec = found.get(code)?.get(year);
      if (rec?.total === undefined || rec.education === undefined) {
        const what = rec?.total === undefined ? 'total' : 'education';
        problems.push({ file: table.file, column: long ? `item=${what === 'total' ? 'general_budget_expenditure_total' : 'of_which_education'}` : `category=${what}`, message: `no ${what} expenditure for ${provinces[code]!.short_name} (${code}) in ${year}` });
        continue;
      }
      (out.get(code) ?? out.set(code, new Map()).get(code)!).set(year, { total: rec.total, education: rec.education });
    }
  }
  if (problems.length) throw new InputError(problems);
  return out;
}

/** province code → year → own revenue (fen) */
export type ProvinceRevenueTable = ReadonlyMap<string, ReadonlyMap<number, number>>;

/**
 * Published provincial revenue from provinces.yaml (revenue.by_province, 亿元) in fen. Every
 * province needs every fiscal year; the provinces together must match the national total of each
 * year within revenue.national_tolerance (亿元) when national totals are given.
 */
export function provinceRevenue(file: ProvincesFile, fileName: string, years: readonly number[]): ProvinceRevenueTable {
  const problems: InputProblem[] = [];
  const out = new Map<string, Map<number, number>>();
  for (const code of Object.keys(file.provinces)) {
    const rec = file.revenue.by_province[code];
    for (const year of years) {
      const v = rec?.[String(year)];
      if (v === undefined) {
        problems.push({ file: fileName, field: `revenue.by_province.${code}.${year}`, message: `no own revenue for ${file.provinces[code]!.name} in ${year}` });
        continue;
      }
      (out.get(code) ?? out.set(code, new Map()).get(code)!).set(year, yi100mToFen(String(v)));
    }
  }
  for (const code of Object.keys(file.revenue.by_province)) {
    if (!file.provinces[code]) problems.push({ file: fileName, field: `revenue.by_province.${code}`, message: `${code} is not a province of provinces.yaml` });
  }
  const national = file.revenue.national_totals;
  if (national && !problems.length) {
    for (const year of years) {
      const total = valueAt(national.values, year);
      if (total === undefined) continue;
      const sum = [...out.values()].reduce((s, m) => s + m.get(year)!, 0) / 1e10;
      if (Math.abs(sum - total) > file.revenue.national_tolerance) {
        problems.push({ file: fileName, field: `revenue.by_province (${year})`, message: `the provinces add up to ${sum.toFixed(2)} 亿元, the national total is ${total} 亿元 (tolerance ${file.revenue.national_tolerance})` });
      }
    }
  }
  if (problems.length) throw new InputError(problems);
  return out;
}

export interface EstimateUnit {
  readonly code: string;
  readonly provinceCode: string;
  readonly facts: CensusFacts;
}

export interface FiscalParams {
  readonly countyShareRevenue: number;
  readonly countyShareExpenditure: number;
  /** fixed revenue elasticity; undefined = estimated across provinces each year */
  readonly revenueElasticity: number | undefined;
  readonly expenditureElasticity: number;
  readonly urbanShareFloor: number;
  readonly nonEducationBasicShare: number;
}

export function fiscalParamsAt(file: ProvincesFile, year: number): FiscalParams {
  const f = file.fiscal;
  return {
    countyShareRevenue: paramAt(f.county_share_revenue, year, 'fiscal.county_share_revenue'),
    countyShareExpenditure: paramAt(f.county_share_expenditure, year, 'fiscal.county_share_expenditure'),
    revenueElasticity: f.revenue_elasticity ? paramAt(f.revenue_elasticity, year, 'fiscal.revenue_elasticity') : undefined,
    expenditureElasticity: paramAt(f.expenditure_elasticity, year, 'fiscal.expenditure_elasticity'),
    urbanShareFloor: paramAt(f.urban_share_floor, year, 'fiscal.urban_share_floor'),
    nonEducationBasicShare: paramAt(f.non_education_basic_share, year, 'fiscal.non_education_basic_share'),
  };
}

/** Share of residents registered in another county (same province or another province). */
export function inMigrantShare(f: CensusFacts): number {
  const c = f.counts;
  return c.resident_pop > 0 ? (c.in_migrants_other_county_same_province + c.in_migrants_other_province) / c.resident_pop : 0;
}

/**
 * The development index d: geometric mean of the floored urban share of residents, 1 + the
 * in-migrant share of residents, and the years of schooling (at least 1). Built from residents
 * only: migrants raise it, as they raise the tax base where they work.
 */
export function developmentIndex(f: CensusFacts, p: Pick<FiscalParams, 'urbanShareFloor'>): number {
  const c = f.counts;
  const urban = Math.max(c.resident_pop > 0 ? c.urban_pop / c.resident_pop : 0, p.urbanShareFloor);
  const schooling = Math.max(ratesOf(f).avgYearsSchooling, 1);
  return Math.cbrt(urban * (1 + inMigrantShare(f)) * schooling);
}

export interface ElasticityFit {
  readonly elasticity: number;
  /** share of the variance of log revenue per resident across provinces explained */
  readonly r2: number;
  readonly provinces: number;
}

/**
 * Least-squares slope of log(revenue per resident) on log(d) across provinces (points: province
 * facts = the sum of its units, revenue in fen). Needs at least three provinces with different d.
 */
export function fitElasticity(points: ReadonlyArray<{ facts: CensusFacts; revenue: number }>, p: Pick<FiscalParams, 'urbanShareFloor'>): ElasticityFit {
  const xs = points.map((q) => Math.log(developmentIndex(q.facts, p)));
  const ys = points.map((q) => Math.log(q.revenue / q.facts.counts.resident_pop));
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  if (n < 3 || sxx <= 0) throw new Error(`cannot estimate the revenue elasticity from ${n} province(s); set fiscal.revenue_elasticity in provinces.yaml`);
  const elasticity = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0) / sxx;
  const syy = ys.reduce((s, y) => s + (y - my) ** 2, 0);
  const res = xs.reduce((s, x, i) => s + (ys[i]! - my - elasticity * (x - mx)) ** 2, 0);
  return { elasticity, r2: syy > 0 ? 1 - res / syy : 1, provinces: n };
}

export interface ProvinceEstimate {
  readonly provinceCode: string;
  readonly year: number;
  /** all in fen */
  readonly expenditure: number;
  readonly revenue: number;
  readonly countyRevenue: number;
  readonly countyExpenditure: number;
  readonly countyOther: number;
  readonly educationShare: number;
  readonly otherShare: number;
  /** revenue elasticity used this year, and its fit when estimated */
  readonly revenueElasticity: number;
  readonly fit?: ElasticityFit;
}

export interface FiscalEstimates {
  /** unit code → `<stem>_<year>` → fen */
  readonly byUnit: ReadonlyMap<string, Readonly<Record<string, number>>>;
  readonly provinces: readonly ProvinceEstimate[];
}

export function estimateFiscal(
  units: readonly EstimateUnit[],
  spending: ProvinceSpendingTable,
  revenueTable: ProvinceRevenueTable,
  provinces: ProvincesFile['provinces'],
  years: readonly number[],
  paramsAt: (year: number) => FiscalParams,
): FiscalEstimates {
  const byUnit = new Map<string, Record<string, number>>();
  const summary: ProvinceEstimate[] = [];
  const byProvince = new Map<string, EstimateUnit[]>();
  for (const u of units) (byProvince.get(u.provinceCode) ?? byProvince.set(u.provinceCode, []).get(u.provinceCode)!).push(u);
  const sorted = [...byProvince].sort((a, b) => a[0].localeCompare(b[0]));
  const provinceFacts = new Map(sorted.map(([code, list]) => [code, list.reduce((f, u) => addFacts(f, u.facts), emptyFacts())]));
  for (const year of years) {
    const p = paramsAt(year);
    const revenueOf = (code: string): number => {
      const r = revenueTable.get(code)?.get(year);
      if (r === undefined) throw new Error(`no provincial revenue for ${code} in ${year}`);
      return r;
    };
    const fit = p.revenueElasticity === undefined ? fitElasticity(sorted.map(([code]) => ({ facts: provinceFacts.get(code)!, revenue: revenueOf(code) })), p) : undefined;
    const revenueElasticity = p.revenueElasticity ?? fit!.elasticity;
    for (const [provinceCode, list] of sorted) {
      if (!provinces[provinceCode]) throw new Error(`provinces.yaml has no entry for province ${provinceCode}`);
      const s = spending.get(provinceCode)?.get(year);
      if (!s) throw new Error(`no provincial expenditure for ${provinceCode} in ${year}`);
      const revenue = revenueOf(provinceCode);
      const countyRevenue = Math.round(revenue * p.countyShareRevenue);
      const countyExpenditure = Math.round(s.total * p.countyShareExpenditure);
      const educationShare = s.education / s.total;
      const otherShare = 1 - educationShare - p.nonEducationBasicShare;
      if (otherShare <= 0) throw new Error(`province ${provinceCode} ${year}: education share ${educationShare.toFixed(3)} + non-education basic share leave nothing for other expenditure`);
      const countyOther = Math.round(countyExpenditure * otherShare);
      const d = list.map((u) => developmentIndex(u.facts, p));
      const pop = list.map((u) => u.facts.counts.resident_pop);
      const wRev = pop.map((n, i) => n * d[i]! ** revenueElasticity);
      const wExp = pop.map((n, i) => n * d[i]! ** p.expenditureElasticity);
      const rev = splitInteger(countyRevenue, wRev);
      const exp = splitInteger(countyExpenditure, wExp);
      const oth = splitInteger(countyOther, wExp);
      list.forEach((u, i) => {
        const rec = byUnit.get(u.code) ?? byUnit.set(u.code, {}).get(u.code)!;
        rec[`own_revenue_${year}`] = rev[i]!;
        rec[`general_expenditure_${year}`] = exp[i]!;
        rec[`other_std_expenditure_${year}`] = oth[i]!;
      });
      summary.push({ provinceCode, year, expenditure: s.total, revenue, countyRevenue, countyExpenditure, countyOther, educationShare, otherShare, revenueElasticity, ...(fit ? { fit } : {}) });
    }
  }
  summary.sort((a, b) => a.provinceCode.localeCompare(b.provinceCode) || a.year - b.year);
  return { byUnit, provinces: summary };
}

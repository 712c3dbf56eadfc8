/**
 * Estimated fiscal columns. No county fiscal data are in the sources, so provincial totals are
 * spread over the province's units with census proxies:
 *
 *   province own revenue R = province general-budget expenditure E × self-financing ratio
 *   county-level revenue     = R × fiscal.county_share_revenue      (the rest stays with the
 *   county-level expenditure = E × fiscal.county_share_expenditure   province and prefectures)
 *   other standard expenditure = county-level expenditure × (1 − education share of E
 *                                − fiscal.non_education_basic_share)
 *
 * Each total is split over the units in proportion to a weight: residents × d^ε, where d is the
 * development index, the geometric mean of the urban share of residents, the share with
 * non-agricultural registration and the average years of schooling (shares floored so that a
 * fully rural unit keeps some weight), and ε the revenue or expenditure elasticity. Money is
 * split in fen by largest remainder, so the units add up exactly to the county-level totals.
 */
import { Decimal } from 'decimal.js';
import { InputError, type InputProblem } from '../input/inputError.ts';
import { ratesOf, splitInteger, type CensusFacts } from './census.ts';
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

/** 100 million yuan (亿元) as a decimal string → fen, exactly. */
export function yi100mToFen(raw: string): number {
  const fen = new Decimal(raw).mul('1e10');
  if (!fen.isInteger()) throw new Error(`${raw} 亿元 is not a whole number of fen`);
  return fen.toNumber();
}

export function parseProvinceSpending(table: Table, provinces: ProvincesFile['provinces'], years: readonly number[]): ProvinceSpendingTable {
  requireColumns(table, EXPENDITURE_COLUMNS);
  const problems: InputProblem[] = [];
  const byShort = new Map(Object.entries(provinces).map(([code, p]) => [p.short_name, code]));
  const found = new Map<string, Map<number, { total?: number; education?: number }>>();
  for (const { line, cells } of table.rows) {
    const bad = (column: string, message: string): void => void problems.push({ file: table.file, line, column, message });
    const code = byShort.get(cells['province']!);
    if (!code) {
      bad('province', `unknown province "${cells['province']}" (provinces.yaml short_name)`);
      continue;
    }
    const year = Number(cells['year']);
    if (!/^\d{4}$/.test(cells['year']!)) {
      bad('year', `"${cells['year']}" is not a year`);
      continue;
    }
    const category = cells['category']!;
    if (category !== 'total' && category !== 'education') continue;
    const raw = cells['value_100m_yuan']!;
    if (!/^\d+(\.\d+)?$/.test(raw)) {
      bad('value_100m_yuan', `"${raw}" is not a non-negative number`);
      continue;
    }
    const perYear = found.get(code) ?? found.set(code, new Map()).get(code)!;
    const rec = perYear.get(year) ?? perYear.set(year, {}).get(year)!;
    if (rec[category] !== undefined) bad('category', `second ${category} row for ${cells['province']} ${year}`);
    rec[category] = yi100mToFen(raw);
  }
  const out = new Map<string, Map<number, ProvinceSpending>>();
  for (const code of Object.keys(provinces)) {
    for (const year of years) {
      const rec = found.get(code)?.get(year);
      if (rec?.total === undefined || rec.education === undefined) {
        problems.push({ file: table.file, column: rec?.total === undefined ? 'category=total' : 'category=education', message: `no ${rec?.total === undefined ? 'total' : 'education'} expenditure for ${provinces[code]!.short_name} (${code}) in ${year}` });
        continue;
      }
      (out.get(code) ?? out.set(code, new Map()).get(code)!).set(year, { total: rec.total, education: rec.education });
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
  readonly revenueElasticity: number;
  readonly expenditureElasticity: number;
  readonly urbanShareFloor: number;
  readonly nonagriShareFloor: number;
  readonly nonEducationBasicShare: number;
}

export function fiscalParamsAt(file: ProvincesFile, year: number): FiscalParams {
  const f = file.fiscal;
  return {
    countyShareRevenue: paramAt(f.county_share_revenue, year, 'fiscal.county_share_revenue'),
    countyShareExpenditure: paramAt(f.county_share_expenditure, year, 'fiscal.county_share_expenditure'),
    revenueElasticity: paramAt(f.revenue_elasticity, year, 'fiscal.revenue_elasticity'),
    expenditureElasticity: paramAt(f.expenditure_elasticity, year, 'fiscal.expenditure_elasticity'),
    urbanShareFloor: paramAt(f.urban_share_floor, year, 'fiscal.urban_share_floor'),
    nonagriShareFloor: paramAt(f.nonagri_share_floor, year, 'fiscal.nonagri_share_floor'),
    nonEducationBasicShare: paramAt(f.non_education_basic_share, year, 'fiscal.non_education_basic_share'),
  };
}

/** The development index d: geometric mean of floored urban share, floored non-agricultural share, years of schooling. */
export function developmentIndex(f: CensusFacts, p: Pick<FiscalParams, 'urbanShareFloor' | 'nonagriShareFloor'>): number {
  const c = f.counts;
  const rates = ratesOf(f);
  const urban = Math.max(c.resident_pop > 0 ? c.urban_pop / c.resident_pop : 0, p.urbanShareFloor);
  const nonagri = Math.max(rates.nonagriHukouPct / 100, p.nonagriShareFloor);
  const schooling = Math.max(rates.avgYearsSchooling, 1);
  return Math.cbrt(urban * nonagri * schooling);
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
}

export interface FiscalEstimates {
  /** unit code → `<stem>_<year>` → fen */
  readonly byUnit: ReadonlyMap<string, Readonly<Record<string, number>>>;
  readonly provinces: readonly ProvinceEstimate[];
}

export function estimateFiscal(
  units: readonly EstimateUnit[],
  spending: ProvinceSpendingTable,
  provinces: ProvincesFile['provinces'],
  years: readonly number[],
  paramsAt: (year: number) => FiscalParams,
): FiscalEstimates {
  const byUnit = new Map<string, Record<string, number>>();
  const summary: ProvinceEstimate[] = [];
  const byProvince = new Map<string, EstimateUnit[]>();
  for (const u of units) (byProvince.get(u.provinceCode) ?? byProvince.set(u.provinceCode, []).get(u.provinceCode)!).push(u);
  for (const [provinceCode, list] of [...byProvince].sort((a, b) => a[0].localeCompare(b[0]))) {
    const facts = provinces[provinceCode];
    if (!facts) throw new Error(`provinces.yaml has no entry for province ${provinceCode}`);
    for (const year of years) {
      const p = paramsAt(year);
      const s = spending.get(provinceCode)?.get(year);
      if (!s) throw new Error(`no provincial expenditure for ${provinceCode} in ${year}`);
      const revenue = Math.round(s.total * facts.self_financing_ratio);
      const countyRevenue = Math.round(revenue * p.countyShareRevenue);
      const countyExpenditure = Math.round(s.total * p.countyShareExpenditure);
      const educationShare = s.education / s.total;
      const otherShare = 1 - educationShare - p.nonEducationBasicShare;
      if (otherShare <= 0) throw new Error(`province ${provinceCode} ${year}: education share ${educationShare.toFixed(3)} + non-education basic share leave nothing for other expenditure`);
      const countyOther = Math.round(countyExpenditure * otherShare);
      const d = list.map((u) => developmentIndex(u.facts, p));
      const pop = list.map((u) => u.facts.counts.resident_pop);
      const wRev = pop.map((n, i) => n * d[i]! ** p.revenueElasticity);
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
      summary.push({ provinceCode, year, expenditure: s.total, revenue, countyRevenue, countyExpenditure, countyOther, educationShare, otherShare });
    }
  }
  return { byUnit, provinces: summary };
}

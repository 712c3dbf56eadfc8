/** Build county CSV text for loader and CLI tests. */
import { FIXED_COLUMNS } from '../../src/input/countyColumns.ts';

export type CsvRow = Record<string, string | number>;

const REQUIRED = FIXED_COLUMNS.filter((c) => c.required).map((c) => c.name);
export const FISCAL = ['own_revenue_2012', 'other_std_expenditure_2012', 'general_expenditure_2012'];
export const HEADER = [...REQUIRED, ...FISCAL];

export function sampleRow(code: string, overrides: CsvRow = {}): CsvRow {
  const province = `${code.slice(0, 2)}0000`;
  const base: CsvRow = {
    code,
    name: `县${code}`,
    province_code: province,
    province: province === '440000' ? '广东省' : province === '510000' ? '四川省' : '北京市',
    prefecture_code: `${code.slice(0, 4)}00`,
    prefecture: `市${code.slice(0, 4)}`,
    region_group: province === '510000' ? 'west' : 'east',
    tier_2018: province === '510000' ? 1 : province === '110000' ? 5 : 4,
    directly_managed: 0,
    difficult: province === '510000' ? 1 : 0,
    nutrition_pilot: province === '510000' ? 1 : 0,
    resident_pop: 500000,
    registered_pop: 450000,
    urban_pop: 200000,
    rural_pop: 300000,
  };
  for (const col of REQUIRED) if (base[col] === undefined) base[col] = 10000;
  base['own_revenue_2012'] = 800_000_000;
  base['other_std_expenditure_2012'] = 900_000_000;
  base['general_expenditure_2012'] = 2_000_000_000;
  return { ...base, ...overrides };
}

export function toCsvText(rows: CsvRow[], header: string[] = HEADER): string {
  return [header.join(','), ...rows.map((r) => header.map((h) => {
    const v = String(r[h] ?? '');
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(','))].join('\n') + '\n';
}

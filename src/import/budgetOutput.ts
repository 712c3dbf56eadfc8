/**
 * Output columns of the county budget (contract section B): their order, origin and method text for
 * columns.csv and README.md, and the import-report section with national and provincial totals.
 */
import { BUDGET_COUNT_COLUMNS, BUDGET_FLAG_COLUMNS, BUDGET_STEMS, type ColumnSpec } from '../input/countyColumns.ts';
import { BUDGET_FLAGS, ROSTER_FLAGS, type BudgetFile } from './budgetParams.ts';
import { BUDGET_STEM_NAMES } from './budgetColumns.ts';
import { countFlags } from './programmeFlags.ts';
import { describeImportSource } from './params.ts';
import { valueAt } from '../input/datedValues.ts';
import type { BuildResult } from './pipeline.ts';

export interface BudgetColumnInfo {
  readonly name: string;
  readonly spec: ColumnSpec;
  readonly origin: 'flag by rule' | 'estimated by method';
  readonly method: string;
}

export const BUDGET_STEM_METHODS: Readonly<Record<string, string>> = {
  tax_base: 'ESTIMATE: province value added of secondary + tertiary industry (2012, budget.yaml tax_base; moved to other years with the national figure) spread over the province\'s units ∝ urban residents 16–59 + rural_nonfarm_weight × rural residents 16–59; never derived from own revenue',
  rebate_two_tax: 'ESTIMATE: national two-tax rebate (budget.yaml rebates.national) → provinces ∝ 2012 non-agricultural value added → × county-level share → units ∝ tax_base',
  rebate_income_tax: 'ESTIMATE: national income-tax base rebate → provinces ∝ 2012 non-agricultural value added → × county-level share → units ∝ tax_base',
  rebate_oil: 'ESTIMATE: national refined-oil reform rebate → provinces ∝ 2012 non-agricultural value added → × county-level share → units ∝ tax_base',
  system_subsidy: 'ESTIMATE (placeholder total, assumption): county-level 体制补助 total (budget.yaml system_subsidy) → units flagged difficult ∝ residents',
  remittance: 'ESTIMATE (placeholder total, assumption): county-level 上解 total (budget.yaml remittance) → all units ∝ tax_base² ÷ residents',
};

export const BUDGET_FLAG_METHODS: Readonly<Record<string, string>> = {
  eco_zone: 'PROXY: non-district units of prefectures inside the 25 key ecological function zones of 国发〔2010〕46号, plus listed units (budget.yaml flags.eco_zone)',
  resource_exhausted: 'by name: the three batches of resource-exhausted cities (2008, 2009, 2011) matched to 2012 units; prefecture-level cities flag their districts (budget.yaml flags.resource_exhausted; batches 1 and 3 recalled, batch 2 cited)',
  grain_county: 'PROXY of the 产粮大县 reward rule (output > 4亿斤, or top 15 of a major province, top 5 elsewhere) with rural residents for grain output: non-district units of the 13 major grain provinces with ≥ 200,000 rural residents or in the top 15 of their province, elsewhere the top 5 (budget.yaml flags.grain_county)',
  ethnic_area: 'every unit of the five autonomous regions, Guizhou, Yunnan and Qinghai, plus autonomous counties/banners and units of autonomous prefectures (county_codes_2010_2012_gb2260.csv)',
  old_revolutionary: 'PROXY: non-district units of the core prefectures of the key old revolutionary areas (原中央苏区, 陕甘宁, 大别山, 川陕, 左右江) (budget.yaml flags.old_revolutionary)',
  border: 'by name: the land-border county-level units listed province by province in budget.yaml flags.border (compiled, not an official roster)',
};

export function budgetOutputColumns(years: readonly number[]): BudgetColumnInfo[] {
  const cols: BudgetColumnInfo[] = [];
  for (const spec of BUDGET_FLAG_COLUMNS) cols.push({ name: spec.name, spec, origin: 'flag by rule', method: BUDGET_FLAG_METHODS[spec.name] ?? 'see budget.yaml' });
  for (const spec of BUDGET_COUNT_COLUMNS) cols.push({ name: spec.name, spec, origin: 'estimated by method', method: 'ESTIMATE: national 财政供养人员 (中间口径, 张军等 2025, interpolated to the data year) × in-service establishment share × county-level share (assumptions) → provinces ∝ residents → units ∝ residents^scale_exponent (budget.yaml fiscal_staff)' });
  for (const spec of BUDGET_STEMS) {
    for (const y of years) cols.push({ name: `${spec.name}_${y}`, spec, origin: 'estimated by method', method: BUDGET_STEM_METHODS[spec.name] ?? 'see budget.yaml' });
  }
  return cols;
}

const yi = (fen: number): string => (fen / 1e10).toFixed(2);
const fmt = (n: number): string => n.toLocaleString('en-US');
const esc = (s: string): string => s.replace(/\|/g, '\\|');

/** The import-report section: national totals per column and year, flag counts by province. */
export function budgetReportLines(r: BuildResult): string[] {
  const out: string[] = [];
  const L = (s = ''): void => void out.push(s);
  const b: BudgetFile = r.budget;
  const e = r.budgetEstimates;
  L('## County budget columns (contract section B)');
  L();
  L('All ESTIMATES from `data/provinces/budget.yaml` (src/import/budgetColumns.ts, programmeFlags.ts); every split is in fen by largest remainder, so units add up exactly to each total. Method:');
  L();
  L('1. `tax_base_Y` (value added of secondary + tertiary industry): each province\'s 2012 GDP less primary industry (`tax_base.province_nonagri_va_2012`), moved to year Y with the national figure (`tax_base.national_nonagri_va`), spread over the province\'s units ∝ urban residents aged 16–59 + `rural_nonfarm_weight` × rural residents aged 16–59. It never uses own revenue, so collecting more does not raise a county\'s standard revenue.');
  L('2. `rebate_two_tax_Y`, `rebate_income_tax_Y`, `rebate_oil_Y`: the national rebate of the type (`rebates.national`) → the 31 provinces ∝ their 2012 non-agricultural value added → × the county-level share of the type (`rebates.county_level_share`; the province and prefecture-level cities keep the rest) → the province\'s units ∝ `tax_base_Y`.');
  L('3. `system_subsidy_Y`: a county-level total (`system_subsidy.county_total`, PLACEHOLDER assumption) → units flagged `difficult` ∝ residents. `remittance_Y`: a county-level total (`remittance.county_total`, PLACEHOLDER assumption) → all units ∝ `tax_base_Y`² ÷ residents.');
  L('4. `fiscal_staff`: national 财政供养人员 (中间口径, interpolated linearly to the data year) × in-service establishment share × county-level share → provinces ∝ residents → units ∝ residents^`scale_exponent`.');
  L('5. Flags: the rules of `flags.<name>.select` (listed units, non-district units of listed prefectures, districts of listed prefecture-level cities, whole provinces, autonomous units, rural-resident rank); see the table below. `directly_managed` is the 2012 fiscal 省直管县 rule.');
  L();
  L('A county file may carry its own values for any of these columns (real accounts, an official roster): the loader accepts them with English or Chinese headers (两税返还, 所得税基数返还, 成品油税费改革税收返还, 体制补助, 上解, 税基, 财政供养人员, 重点生态功能区, 资源枯竭城市, 产粮大县, 民族地区, 革命老区, 边境县; dated money as `rebate_two_tax_2013` or `2013年两税返还`), and budget columns may cover other years than `own_revenue`. Flags load into `County.flags`, `fiscal_staff` into the drivers, money into `County.fiscal`.');
  L();
  L('National totals over all units (亿元):');
  L();
  L(`| column | ${b.years.join(' | ')} |`);
  L(`|---|${b.years.map(() => '---:').join('|')}|`);
  for (const stem of BUDGET_STEM_NAMES) L(`| \`${stem}\` | ${b.years.map((y) => yi(e.totals.get(`${stem}_${y}`) ?? 0)).join(' | ')} |`);
  L(`| national rebates before the county-level share (two-tax + income-tax + oil) | ${b.years.map((y) => yi(['two_tax', 'income_tax', 'oil'].reduce((s, t) => s + (e.nationalRebates.get(`${t}_${y}`) ?? 0), 0))).join(' | ')} |`);
  L();
  const natVa = (y: number): number => Number(valueAt(b.tax_base.national_nonagri_va.values, y) ?? 'NaN') * 1e10;
  L(`\`tax_base\` sums the provincial accounts, which exceed the national accounts' non-agricultural value added (a known feature of China's regional GDP): ${b.years.map((y) => `${y} ${(((e.totals.get(`tax_base_${y}`) ?? 0) / natVa(y) - 1) * 100).toFixed(1)}%`).join(', ')}. A standard tax rate applied to it should be calibrated on the same basis.`);
  L();
  L(`\`fiscal_staff\` (${e.dataYear}): ${fmt(e.fiscalStaffTotal)} persons over ${fmt(r.units.length)} units.`);
  L();
  L('Sources: ' + [
    `rebate total — ${describeImportSource(b.rebates.national_total_source)}`,
    `split — ${describeImportSource(b.rebates.split_source)}`,
    `province key — ${describeImportSource(b.rebates.province_key_source)}`,
    `county-level share — ${describeImportSource(b.rebates.county_level_share_source)}`,
    `tax base — ${describeImportSource(b.tax_base.province_source)}`,
    `system subsidy — ${describeImportSource(b.system_subsidy.source)}`,
    `remittance — ${describeImportSource(b.remittance.source)}`,
  ].map(esc).join('; '));
  L();
  const y = e.dataYear;
  const types = ['two_tax', 'income_tax', 'oil'] as const;
  L(`By province, ${y} (亿元): the province's whole rebates (all levels: province, prefecture-level cities, county level) and the county-level part in the unit columns; tax base; subsidy and remittance over the province's units.`);
  L();
  L('| province | rebates, whole province | of which county level | tax_base | system_subsidy | remittance |');
  L('|---|---:|---:|---:|---:|---:|');
  const provinceNames = new Map(r.units.map((u) => [u.provinceCode, u.province]));
  for (const [code, t] of [...e.provinceTotals].sort((a, b2) => a[0].localeCompare(b2[0]))) {
    const whole = types.reduce((s2, ty) => s2 + (e.provinceRebates.get(code)?.get(`${ty}_${y}`) ?? 0), 0);
    const county = types.reduce((s2, ty) => s2 + (t.get(`rebate_${ty}_${y}`) ?? 0), 0);
    L(`| ${code} ${provinceNames.get(code) ?? ''} | ${yi(whole)} | ${yi(county)} | ${yi(t.get(`tax_base_${y}`) ?? 0)} | ${yi(t.get(`system_subsidy_${y}`) ?? 0)} | ${yi(t.get(`remittance_${y}`) ?? 0)} |`);
  }
  L();
  L('### Programme flags: units marked, nationally and by province, against the published count');
  L();
  const counts = countFlags(r.units);
  L('Units counts every 2012 unit flagged; entries counts the names listed in budget.yaml (a prefecture-level city on the resource-exhausted list is one entry and flags each of its districts).');
  L();
  L('| flag | units | entries listed | published | rule source |');
  L('|---|---:|---:|---|---|');
  for (const f of BUDGET_FLAGS) {
    const c = counts.get(f)!;
    if (f === 'directly_managed') {
      L(`| \`${f}\` (2012 rule) | ${c.national} | — | none found | ${esc(describeImportSource(b.flags.directly_managed.source))} |`);
      continue;
    }
    const spec = b.flags[f];
    const pub = spec.published ? `${spec.published.count} (${spec.published.year})${spec.published_source ? `: ${describeImportSource(spec.published_source)}` : ''}` : 'none found';
    const sel = spec.select;
    const entries = Object.keys(sel.units ?? {}).length + Object.keys(sel.prefectures ?? {}).length + Object.keys(sel.prefecture_districts ?? {}).length;
    L(`| \`${f}\` | ${c.national} | ${entries || '—'} | ${esc(pub)} | ${esc(describeImportSource(spec.source))} |`);
  }
  L();
  const provinces = [...new Map(r.units.map((u) => [u.provinceCode, u.province])).entries()].sort((a, b2) => a[0].localeCompare(b2[0]));
  L(`| province | units | ${BUDGET_FLAGS.join(' | ')} |`);
  L(`|---|---:|${BUDGET_FLAGS.map(() => '---:').join('|')}|`);
  for (const [code, name] of provinces) {
    const n = r.units.filter((u) => u.provinceCode === code).length;
    L(`| ${code} ${name} | ${n} | ${BUDGET_FLAGS.map((f) => counts.get(f)!.byProvince.get(code) ?? 0).join(' | ')} |`);
  }
  L();
  L(`Roster flags built by rule: ${ROSTER_FLAGS.join(', ')}; \`directly_managed\` replaces the provinces.yaml rule with the 2012 rule of budget.yaml.`);
  L();
  return out;
}

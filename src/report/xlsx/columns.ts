/**
 * How each table column goes into a workbook: its kind (text, whole number, yuan to the
 * fen, decimal, share) and its label in either language. Column names are those of the CSV
 * tables; comparison columns are <stem>_base / _scenario / _change.
 */
import { t, type Lang, type LabelKey } from '../html/labels.ts';

export type ColumnKind = 'text' | 'int' | 'yuan' | 'decimal' | 'ratio' | 'share';

export const NUMBER_FORMATS: Readonly<Record<ColumnKind, string | undefined>> = {
  text: undefined,
  int: '#,##0',
  yuan: '#,##0.00',
  decimal: '#,##0.00',
  ratio: '0.000000',
  share: '0.00%',
};

interface ColumnDef {
  readonly kind: ColumnKind;
  readonly label: LabelKey | readonly [string, string];
}

const MONEY_STEMS: Readonly<Record<string, LabelKey | readonly [string, string]>> = {
  standard_cost: 'standardCost',
  central: 'central',
  provincial: 'provincial',
  prefecture_level: 'prefectureLevel',
  county: 'countyLevel',
  special_transfers: 'earmarked',
  special_transfer: 'earmarkedReceived',
  retained_by_prefecture: 'transfer_retained',
  own_burden: 'ownBurden',
  own_revenue: 'ownRevenue',
  standard_revenue: 'standardRevenue',
  item_tied_general: 'itemTiedGeneral',
  rebate_two_tax: ['两税返还', 'Two-tax rebate'],
  rebate_income_tax: ['所得税基数返还', 'Income-tax base rebate'],
  rebate_oil: ['成品油税费改革税收返还', 'Refined-oil reform rebate'],
  tax_rebates: 'taxRebates',
  system_subsidy: 'systemSubsidy',
  remittance: 'remittance',
  general_retained_by_prefecture: ['地市截留的一般性转移支付', 'General transfers kept by the prefecture'],
  resources: 'resources',
  salaries: 'salaries',
  running_costs: 'runningCosts',
  other_mandated: 'otherMandated',
  other_spending: 'otherSpending',
  needs: 'needs',
  guarantee_needs: 'guaranteeNeeds',
  guarantee_gap: 'guaranteeGap',
  guarantee_gap_after: 'guaranteeGapAfter',
  plan_gap: 'planGap',
  transfer_ethnic_area: 'transfer_ethnic_area',
  transfer_old_revolutionary: 'transfer_old_revolutionary',
  transfer_border_area: 'transfer_border_area',
  transfer_salary_adjustment: 'transfer_salary_adjustment',
  transfer_rural_tax_reform: 'transfer_rural_tax_reform',
  transfer_eco_zone: 'transfer_eco_zone',
  transfer_resource_exhausted: 'transfer_resource_exhausted',
  transfer_grain_county: 'transfer_grain_county',
  transfer_equalization: 'transfer_equalization',
  transfer_guarantee: 'transfer_guarantee',
  earmarked_upper: 'transfer_earmarked_upper',
  equalization_transfer: 'equalization',
  guarantee_transfer: 'guarantee',
  general_transfer: 'generalTransfers',
  gap: 'gap',
  cost: 'cost',
  earmarked_prefecture: 'transfer_earmarked_prefecture',
  earmarked_total: 'earmarked',
  all_transfers: ['转移支付合计', 'All transfers'],
  standard_expenditure: 'standardExpenditure',
  central_allocation: ['中央分配', 'Central allocation'],
  provincial_top_up: ['省级补充', 'Provincial top-up'],
  pool: ['资金池', 'Pool'],
  gap_change: ['缺口变化', 'Change in gap'],
};

const COLUMNS: Readonly<Record<string, ColumnDef>> = {
  code: { kind: 'text', label: 'code' },
  name: { kind: 'text', label: 'county' },
  province: { kind: 'text', label: 'province' },
  prefecture: { kind: 'text', label: 'prefecture' },
  province_code: { kind: 'text', label: ['省代码', 'Province code'] },
  year: { kind: 'int', label: 'year' },
  resident_pop: { kind: 'int', label: 'population' },
  basis_pop: { kind: 'int', label: 'basisPopulation' },
  population: { kind: 'int', label: 'basisPopulation' },
  counties: { kind: 'int', label: 'counties' },
  gap_per_capita: { kind: 'decimal', label: 'gapPerCapita' },
  gap_change_per_capita: { kind: 'decimal', label: ['人均缺口变化', 'Change in gap per resident'] },
  gap_share_of_cost: { kind: 'share', label: 'gapShare' },
  item: { kind: 'text', label: 'item' },
  item_name_zh: { kind: 'text', label: ['项目名称', 'Item (Chinese)'] },
  item_name_en: { kind: 'text', label: ['项目名称（英文）', 'Item (English)'] },
  domain: { kind: 'text', label: 'domain' },
  driver: { kind: 'text', label: 'driver' },
  beneficiaries: { kind: 'decimal', label: 'beneficiaries' },
  unit_standard: { kind: 'decimal', label: 'unitStandard' },
  cost_index: { kind: 'decimal', label: 'costIndex' },
  rule: { kind: 'text', label: 'rule' },
  source: { kind: 'text', label: 'source' },
  coefficient: { kind: 'ratio', label: ['转移支付系数', 'Transfer coefficient'] },
  cost_coefficient: { kind: 'ratio', label: ['成本差异系数', 'Cost-difference coefficient'] },
  level: { kind: 'text', label: 'level' },
  change_share_of_total_change: { kind: 'share', label: ['占总变化', 'Share of total change'] },
  band: { kind: 'text', label: 'band' },
  path: { kind: 'text', label: 'parameter' },
  description: { kind: 'text', label: 'description' },
  value: { kind: 'text', label: 'value' },
  unit: { kind: 'text', label: 'unit' },
  source_kind: { kind: 'text', label: 'sourceKind' },
  stage: { kind: 'text', label: ['阶段', 'Stage'] },
  measure: { kind: 'text', label: ['指标', 'Measure'] },
};

const SUFFIXES: Readonly<Record<string, LabelKey>> = { _base: 'baseValue', _scenario: 'scenarioValue', _change: 'change' };

function labelText(lang: Lang, l: LabelKey | readonly [string, string]): string {
  return typeof l === 'string' ? t(lang, l) : l[lang === 'zh' ? 0 : 1];
}

/** Kind and label of a table column (unknown columns are text labelled by their name). */
export function columnInfo(name: string, lang: Lang): { kind: ColumnKind; label: string } {
  const direct = COLUMNS[name];
  if (direct) return { kind: direct.kind, label: labelText(lang, direct.label) };
  if (MONEY_STEMS[name]) return { kind: 'yuan', label: labelText(lang, MONEY_STEMS[name]) };
  for (const [suffix, key] of Object.entries(SUFFIXES)) {
    if (!name.endsWith(suffix)) continue;
    const stem = name.slice(0, -suffix.length);
    const inner = MONEY_STEMS[stem] ? { kind: 'yuan' as const, label: labelText(lang, MONEY_STEMS[stem]) } : COLUMNS[stem] ? { kind: COLUMNS[stem].kind, label: labelText(lang, COLUMNS[stem].label) } : undefined;
    if (inner) return { kind: inner.kind === 'text' ? 'decimal' : inner.kind, label: `${inner.label}${lang === 'zh' ? '：' : ': '}${t(lang, key)}` };
    if (name === 'base' || name === 'scenario' || name === 'change') break;
  }
  if (name === 'base' || name === 'scenario' || name === 'change') return { kind: 'ratio', label: t(lang, SUFFIXES[`_${name}`]!) };
  return { kind: 'text', label: name };
}

/**
 * The county CSV column contract: every column the loader accepts, its type, unit,
 * whether it is required, and the Chinese headers that map onto it.
 *
 * This list is the single source of truth for the loader (src/input/countyFile.ts),
 * the import script (scripts/build-counties.ts) and the data dictionary
 * (data/counties/README.md). Fiscal columns are dated: `own_revenue_2012` etc.
 */

import { REGION_GROUPS, type RegionGroup } from '../model/county.ts';

export type ColumnKind = 'text' | 'code' | 'count' | 'money' | 'ratio' | 'flag' | 'enum' | 'integer';

export interface ColumnSpec {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly required: boolean;
  readonly unit: string;
  readonly description: string;
  /** Chinese (or other) headers accepted for this column. */
  readonly aliases: readonly string[];
  /** Allowed values for enum columns. */
  readonly values?: readonly string[];
}

// The region groups are the model's vocabulary (src/model/county.ts); the column spec reads them from there.
export { REGION_GROUPS, type RegionGroup };

export const IDENTITY_COLUMNS: readonly ColumnSpec[] = [
  { name: 'code', kind: 'code', required: true, unit: '-', description: 'six-digit administrative code (December 2012 list)', aliases: ['代码', '行政区划代码', '县代码'] },
  { name: 'name', kind: 'text', required: true, unit: '-', description: 'county-level unit name', aliases: ['名称', '县名', '县（市、区）'] },
  { name: 'province_code', kind: 'code', required: true, unit: '-', description: 'six-digit province code (xx0000)', aliases: ['省代码'] },
  { name: 'province', kind: 'text', required: true, unit: '-', description: 'province name', aliases: ['省', '省份', '省名'] },
  { name: 'prefecture_code', kind: 'code', required: true, unit: '-', description: 'six-digit prefecture code (xxxx00)', aliases: ['地市代码', '市代码'] },
  { name: 'prefecture', kind: 'text', required: true, unit: '-', description: 'prefecture name', aliases: ['地市', '市', '地级市'] },
  { name: 'region_group', kind: 'enum', required: true, unit: '-', values: REGION_GROUPS, description: 'region group used 2011–2015 (east/central/west)', aliases: ['地区', '东中西部'] },
  { name: 'tier_2018', kind: 'integer', required: true, unit: 'tier 1–5', description: 'central-share tier of the 2018 reform (国办发〔2018〕6号)', aliases: ['2018档次', '分档'] },
  { name: 'directly_managed', kind: 'flag', required: true, unit: '0/1', description: 'province manages the county directly (省直管县)', aliases: ['省直管县'] },
  { name: 'difficult', kind: 'flag', required: true, unit: '0/1', description: 'difficult area (困难地区) eligible for central subsidies', aliases: ['困难地区'] },
  { name: 'nutrition_pilot', kind: 'flag', required: true, unit: '0/1', description: 'national nutrition-improvement pilot county', aliases: ['营养改善试点'] },
];

/** Population columns (persons). All are drivers a catalog item can name. */
export const POPULATION_COLUMNS: readonly ColumnSpec[] = [
  { name: 'resident_pop', kind: 'count', required: true, unit: 'persons', description: 'resident population (常住人口)', aliases: ['常住人口'] },
  { name: 'registered_pop', kind: 'count', required: true, unit: 'persons', description: 'registered (hukou) population (户籍人口)', aliases: ['户籍人口'] },
  { name: 'urban_pop', kind: 'count', required: true, unit: 'persons', description: 'urban resident population', aliases: ['城镇人口'] },
  { name: 'rural_pop', kind: 'count', required: true, unit: 'persons', description: 'rural resident population', aliases: ['乡村人口', '农村人口'] },
  { name: 'age_0_5', kind: 'count', required: true, unit: 'persons', description: 'children aged 0–5', aliases: ['0-5岁'] },
  { name: 'age_0_6', kind: 'count', required: true, unit: 'persons', description: 'children aged 0–6 (immunisation, child health care)', aliases: ['0-6岁'] },
  { name: 'age_3_5', kind: 'count', required: true, unit: 'persons', description: 'children aged 3–5 (preschool age)', aliases: ['3-5岁'] },
  { name: 'age_6_11', kind: 'count', required: true, unit: 'persons', description: 'primary-school age 6–11', aliases: ['6-11岁'] },
  { name: 'age_12_14', kind: 'count', required: true, unit: 'persons', description: 'junior-secondary age 12–14', aliases: ['12-14岁'] },
  { name: 'age_15_17', kind: 'count', required: true, unit: 'persons', description: 'senior-secondary age 15–17', aliases: ['15-17岁'] },
  { name: 'age_15_64', kind: 'count', required: true, unit: 'persons', description: 'working-age residents 15–64', aliases: ['15-64岁'] },
  { name: 'age_16_59', kind: 'count', required: true, unit: 'persons', description: 'residents aged 16–59', aliases: ['16-59岁'] },
  { name: 'age_60plus', kind: 'count', required: true, unit: 'persons', description: 'residents aged 60 and over', aliases: ['60岁及以上'] },
  { name: 'age_65plus', kind: 'count', required: true, unit: 'persons', description: 'residents aged 65 and over', aliases: ['65岁及以上'] },
  { name: 'rural_age_16_59', kind: 'count', required: true, unit: 'persons', description: 'rural residents aged 16–59', aliases: ['农村16-59岁'] },
  { name: 'rural_age_60plus', kind: 'count', required: true, unit: 'persons', description: 'rural residents aged 60+', aliases: ['农村60岁及以上'] },
  { name: 'urban_age_16_59', kind: 'count', required: true, unit: 'persons', description: 'urban residents aged 16–59', aliases: ['城镇16-59岁'] },
  { name: 'urban_age_60plus', kind: 'count', required: true, unit: 'persons', description: 'urban residents aged 60+', aliases: ['城镇60岁及以上'] },
  { name: 'births', kind: 'count', required: true, unit: 'persons/year', description: 'births per year', aliases: ['出生人口'] },
  { name: 'pupils_primary', kind: 'count', required: true, unit: 'pupils', description: 'primary pupils (age 6–11 × enrolment rate)', aliases: ['小学生'] },
  { name: 'pupils_junior', kind: 'count', required: true, unit: 'pupils', description: 'junior-secondary pupils', aliases: ['初中生'] },
  { name: 'rural_pupils_primary', kind: 'count', required: true, unit: 'pupils', description: 'primary pupils in rural schools (township, village and county-town schools: the 2006 rural compulsory-education mechanism)', aliases: ['农村小学生'] },
  { name: 'rural_pupils_junior', kind: 'count', required: true, unit: 'pupils', description: 'junior-secondary pupils in rural schools (as rural_pupils_primary)', aliases: ['农村初中生'] },
  { name: 'urban_pupils_primary', kind: 'count', required: true, unit: 'pupils', description: 'primary pupils in city schools (the 2008 urban fee waiver)', aliases: ['城市小学生'] },
  { name: 'urban_pupils_junior', kind: 'count', required: true, unit: 'pupils', description: 'junior-secondary pupils in city schools', aliases: ['城市初中生'] },
  { name: 'agri_hukou_pop', kind: 'count', required: true, unit: 'persons', description: 'registered population with agricultural hukou (NCMS base)', aliases: ['农业户籍人口', '农业人口'] },
  { name: 'nonagri_hukou_pop', kind: 'count', required: true, unit: 'persons', description: 'registered population with non-agricultural hukou (urban resident medical insurance base)', aliases: ['非农业户籍人口', '非农业人口'] },
  { name: 'students_vocational', kind: 'count', required: true, unit: 'students', description: 'secondary vocational students', aliases: ['中职学生'] },
  { name: 'students_high_school', kind: 'count', required: true, unit: 'students', description: 'general high-school students', aliases: ['普通高中学生'] },
  { name: 'children_preschool', kind: 'count', required: true, unit: 'children', description: 'children enrolled in preschool', aliases: ['在园幼儿'] },
  { name: 'in_migrants_other_province', kind: 'count', required: false, unit: 'persons', description: 'residents registered in another province', aliases: ['省外流入人口'] },
];

/** Dated fiscal columns: `<stem>_<year>`, e.g. own_revenue_2012 (yuan). */
export const FISCAL_STEMS: readonly ColumnSpec[] = [
  { name: 'own_revenue', kind: 'money', required: true, unit: 'yuan/year', description: 'own general-budget revenue (estimate unless the user supplies real data)', aliases: ['一般预算收入', '地方一般公共预算收入'] },
  { name: 'general_expenditure', kind: 'money', required: false, unit: 'yuan/year', description: 'general-budget expenditure (estimate)', aliases: ['一般预算支出', '一般公共预算支出'] },
  { name: 'other_std_expenditure', kind: 'money', required: true, unit: 'yuan/year', description: 'standard expenditure outside basic services (staff, running, other duties)', aliases: ['其他标准支出'] },
];

/**
 * Dated county-budget columns (contract section B): `<stem>_<year>`, yuan, optional. The import
 * fills them with estimates (data/counties/columns.csv says how); a county file may give real ones.
 * Unlike FISCAL_STEMS they may cover other years than own_revenue (2011–2015).
 */
export const BUDGET_STEMS: readonly ColumnSpec[] = [
  { name: 'rebate_two_tax', kind: 'money', required: false, unit: 'yuan/year', description: 'VAT and consumption-tax rebate received (两税返还; estimate unless supplied)', aliases: ['两税返还', '增值税和消费税返还'] },
  { name: 'rebate_income_tax', kind: 'money', required: false, unit: 'yuan/year', description: 'income-tax base rebate received (所得税基数返还; estimate unless supplied)', aliases: ['所得税基数返还'] },
  { name: 'rebate_oil', kind: 'money', required: false, unit: 'yuan/year', description: 'refined-oil price and tax reform rebate received (成品油价格和税费改革税收返还; estimate unless supplied)', aliases: ['成品油税费改革税收返还', '成品油价格和税费改革税收返还'] },
  { name: 'system_subsidy', kind: 'money', required: false, unit: 'yuan/year', description: 'fiscal-system subsidy received (体制补助; estimate unless supplied)', aliases: ['体制补助'] },
  { name: 'remittance', kind: 'money', required: false, unit: 'yuan/year', description: 'remittance paid to upper levels (上解; estimate unless supplied)', aliases: ['上解', '上解支出'] },
  { name: 'tax_base', kind: 'money', required: false, unit: 'yuan/year', description: 'tax base for standard revenue: value added of secondary + tertiary industry (estimate unless supplied)', aliases: ['税基', '二三产业增加值'] },
];

/**
 * Dated pupil columns: `<driver>_<year>`, pupils, optional. The pupil drivers describe the data
 * year (2012); these give the same driver in other years, following the birth cohorts through the
 * school ages (data/projection/cohorts.yaml). Projection scales pupils_<level> and its rural and
 * urban parts by value(year) ÷ the driver; a year after the last one given takes the last one.
 */
export const DATED_DRIVER_STEMS: readonly ColumnSpec[] = [
  { name: 'pupils_primary', kind: 'count', required: false, unit: 'pupils', description: 'primary pupils in the year (birth cohorts aged through ages 6–11; see data/projection/cohorts.yaml)', aliases: ['小学生'] },
  { name: 'pupils_junior', kind: 'count', required: false, unit: 'pupils', description: 'junior-secondary pupils in the year (birth cohorts aged through ages 12–14)', aliases: ['初中生'] },
];

/** Programme flags of the county budget (contract section B) and fiscal staff; optional. */
export const BUDGET_FLAG_COLUMNS: readonly ColumnSpec[] = [
  { name: 'eco_zone', kind: 'flag', required: false, unit: '0/1', description: 'key ecological function zone county (重点生态功能区转移支付)', aliases: ['重点生态功能区'] },
  { name: 'resource_exhausted', kind: 'flag', required: false, unit: '0/1', description: 'resource-exhausted city or county (资源枯竭城市)', aliases: ['资源枯竭城市'] },
  { name: 'grain_county', kind: 'flag', required: false, unit: '0/1', description: 'major grain-producing county (产粮大县)', aliases: ['产粮大县'] },
  { name: 'ethnic_area', kind: 'flag', required: false, unit: '0/1', description: 'ethnic-area transfer eligible (民族地区)', aliases: ['民族地区'] },
  { name: 'old_revolutionary', kind: 'flag', required: false, unit: '0/1', description: 'old revolutionary base area (革命老区)', aliases: ['革命老区'] },
  { name: 'border', kind: 'flag', required: false, unit: '0/1', description: 'land-border county (边境县)', aliases: ['边境县'] },
];

export const BUDGET_COUNT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'fiscal_staff', kind: 'count', required: false, unit: 'persons', description: 'staff on establishment paid by the county budget (财政供养人员; estimate unless supplied)', aliases: ['财政供养人员'] },
];

/** Census facts carried through for reference and for formulas; optional. */
const AGE_BANDS = ['0', '1_4', '5_9', '10_14', '15_19', '20_24', '25_29', '30_34', '35_39', '40_44', '45_49', '50_54', '55_59', '60_64', '65_69', '70_74', '75_79', '80_84', '85plus'];
export const CENSUS_FACT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'male', kind: 'count', required: false, unit: 'persons', description: 'male residents (census 2010)', aliases: ['男'] },
  { name: 'female', kind: 'count', required: false, unit: 'persons', description: 'female residents (census 2010)', aliases: ['女'] },
  { name: 'households', kind: 'count', required: false, unit: 'households', description: 'households (census 2010)', aliases: ['户数'] },
  ...AGE_BANDS.map((b): ColumnSpec => ({ name: `age_${b}`, kind: 'count', required: false, unit: 'persons', description: `residents in census age band ${b.replace('_', '–')}`, aliases: [] })),
  { name: 'in_migrants_same_county', kind: 'count', required: false, unit: 'persons', description: 'residents registered elsewhere in the same county (census 2010)', aliases: [] },
  { name: 'in_migrants_other_county_same_province', kind: 'count', required: false, unit: 'persons', description: 'residents registered in another county of the same province (census 2010)', aliases: [] },
  { name: 'avg_years_schooling', kind: 'ratio', required: false, unit: 'years', description: 'average years of schooling, age 6+ (census 2010)', aliases: ['平均受教育年限'] },
  { name: 'illiterate_15plus', kind: 'count', required: false, unit: 'persons', description: 'illiterate residents aged 15+ (census 2010)', aliases: [] },
  { name: 'minority_pct', kind: 'ratio', required: false, unit: 'percent', description: 'ethnic-minority share of residents, percent (census 2010)', aliases: [] },
  { name: 'nonagri_hukou_pct', kind: 'ratio', required: false, unit: 'percent', description: 'non-agricultural registration share, percent (census 2010)', aliases: [] },
];

export const OPTIONAL_COLUMNS: readonly ColumnSpec[] = [
  { name: 'cost_index', kind: 'ratio', required: false, unit: 'index (1 = national)', description: 'wage and price level / remoteness cost index applied to every item (default 1)', aliases: ['成本系数'] },
  { name: 'provenance', kind: 'text', required: false, unit: '-', description: 'free-text note on where the row came from', aliases: ['来源'] },
];

export const FIXED_COLUMNS: readonly ColumnSpec[] = [...IDENTITY_COLUMNS, ...POPULATION_COLUMNS, ...BUDGET_FLAG_COLUMNS, ...BUDGET_COUNT_COLUMNS, ...CENSUS_FACT_COLUMNS, ...OPTIONAL_COLUMNS];

/** The population columns a catalog item may use as its driver. */
export const DRIVER_COLUMNS: readonly string[] = POPULATION_COLUMNS.map((c) => c.name);

/** Columns whose header starts with this prefix are the user's own notes, carried through as text. */
export const NOTE_PREFIX = 'x_';

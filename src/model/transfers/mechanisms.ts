/**
 * The general transfers of the Ministry of Finance's 2011–2012 accounts that reach a county,
 * in the order the model computes them, and the model's names for the county's other
 * resources. Each mechanism has its own pool, eligible counties and formula (data/transfers).
 */

/** Pool transfers allocated by a flag and a weight (src/model/transfers/poolTransfer.ts). */
export const POOL_MECHANISMS = [
  'ethnic_area',
  'old_revolutionary',
  'border_area',
  'salary_adjustment',
  'rural_tax_reform',
  'eco_zone',
  'resource_exhausted',
  'grain_county',
] as const;
export type PoolMechanismId = (typeof POOL_MECHANISMS)[number];

/** Every general transfer, in the order money is computed: pool transfers, equalization, guarantee. */
export const GENERAL_MECHANISMS = [...POOL_MECHANISMS, 'equalization', 'guarantee'] as const;
export type GeneralMechanismId = (typeof GENERAL_MECHANISMS)[number];

/** Chinese and English names, for tables and reports. */
export const MECHANISM_NAMES: Readonly<Record<GeneralMechanismId, { readonly zh: string; readonly en: string }>> = {
  ethnic_area: { zh: '民族地区转移支付', en: 'ethnic-area transfer' },
  old_revolutionary: { zh: '革命老区转移支付', en: 'old-revolutionary-area transfer' },
  border_area: { zh: '边境地区转移支付', en: 'border-area transfer' },
  salary_adjustment: { zh: '调整工资转移支付', en: 'salary-adjustment transfer' },
  rural_tax_reform: { zh: '农村税费改革转移支付', en: 'rural tax-reform transfer' },
  eco_zone: { zh: '重点生态功能区转移支付', en: 'key ecological function zone transfer' },
  resource_exhausted: { zh: '资源枯竭城市转移支付', en: 'resource-exhausted city transfer' },
  grain_county: { zh: '产粮大县奖励资金', en: 'grain-county reward' },
  equalization: { zh: '均衡性转移支付', en: 'equalization transfer' },
  guarantee: { zh: '县级基本财力保障机制奖补', en: 'county basic financial guarantee' },
};

/** Item-tied transfers the MoF's 2011–2012 accounts class as general (一般性转移支付). */
export const ITEM_TIED_CLASSES = ['compulsory_education', 'pension_and_dibao', 'ncms'] as const;
export type ItemTiedClass = (typeof ITEM_TIED_CLASSES)[number];

export const ITEM_TIED_NAMES: Readonly<Record<ItemTiedClass, { readonly zh: string; readonly en: string }>> = {
  compulsory_education: { zh: '义务教育转移支付', en: 'compulsory-education transfer' },
  pension_and_dibao: { zh: '基本养老金和低保等转移支付', en: 'basic pension and dibao transfers' },
  ncms: { zh: '新型农村合作医疗等转移支付', en: 'NCMS and related transfers' },
};

/** Which convention classes item-tied transfers: the MoF's accounts (general) or the economic one (earmarked). */
export type TransferClassification = 'mof' | 'economic';

/**
 * Units as a finance office writes them: catalog units such as `yuan/pupil/year` become
 * 元/生/年 in Chinese (English keeps the catalog form); parameter units such as
 * `share` or `rate/year` get their names in both languages.
 */
import type { Lang } from './lang.ts';
import type { Bilingual } from './text.ts';

/** Who a standard is paid per: the Chinese measure word of each beneficiary in the catalog and the data. */
const BENEFICIARY: Readonly<Record<string, Bilingual>> = {
  pupil: { zh: '生', en: 'pupil' },
  student: { zh: '生', en: 'student' },
  child: { zh: '人', en: 'child' },
  person: { zh: '人', en: 'person' },
  'person-time': { zh: '人次', en: 'person-time' },
  resident: { zh: '人', en: 'resident' },
  'rural resident': { zh: '农村居民', en: 'rural resident' },
  'urban resident': { zh: '城镇居民', en: 'urban resident' },
  'elderly resident': { zh: '老年人', en: 'elderly resident' },
  participant: { zh: '人', en: 'participant' },
  recipient: { zh: '人', en: 'recipient' },
  orphan: { zh: '人', en: 'orphan' },
  trainee: { zh: '人', en: 'trainee' },
  user: { zh: '人', en: 'user' },
  household: { zh: '户', en: 'household' },
  couple: { zh: '对', en: 'couple' },
  death: { zh: '例', en: 'death' },
  staff: { zh: '人', en: 'staff member' },
  beneficiary: { zh: '人', en: 'beneficiary' },
};

const PERIOD: Readonly<Record<string, Bilingual>> = {
  year: { zh: '年', en: 'year' },
  month: { zh: '月', en: 'month' },
  day: { zh: '天', en: 'day' },
};

/** Units that are not money per head. */
const PLAIN: Readonly<Record<string, Bilingual>> = {
  yuan: { zh: '元', en: 'yuan' },
  share: { zh: '比例', en: 'share' },
  coefficient: { zh: '系数', en: 'coefficient' },
  persons: { zh: '人', en: 'persons' },
  'rate/year': { zh: '年增长率', en: 'rate per year' },
  'shares of the local part': { zh: '地方负担部分的分担比例', en: 'shares of the local part' },
};

/**
 * A unit in the chosen language: `yuan/<beneficiary>/<period>` → 元/生/年 in Chinese, as written in
 * English; the plain units by name; anything else unchanged.
 */
export function unitLabel(unit: string, lang: Lang): string {
  const plain = PLAIN[unit];
  if (plain) return plain[lang];
  const m = /^yuan\/([a-z -]+)\/(year|month|day)$/.exec(unit);
  if (m) {
    const who = BENEFICIARY[m[1]!];
    const period = PERIOD[m[2]!]!;
    if (lang === 'zh') return `元/${who?.zh ?? '人'}/${period.zh}`;
    return unit;
  }
  return unit;
}

/** The unit of an annual standard per beneficiary: 元/人/年, or yuan/beneficiary/year. */
export function annualUnitLabel(lang: Lang): string {
  return unitLabel('yuan/beneficiary/year', lang);
}

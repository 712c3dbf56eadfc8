/**
 * The years the policy data cover, and what a run outside them means: a year before every
 * parameter has a value cannot be computed (an input error, in plain words); a year after the
 * last dated value holds the latest values and projects the county data, which the run says.
 */
import { say } from '../i18n/messageLang.ts';
import { MAX_YEAR } from '../input/fileLimits.ts';
import { InputError } from '../input/inputError.ts';
import type { PolicyData } from '../input/policyData.ts';
import { listParameters } from '../scenarios/parameterRegistry.ts';
import { DEFAULT_HORIZON } from '../scenarios/scenario.ts';

export interface YearCoverage {
  /** the first year in which every parameter has a value (an item's parameters from the year the item begins) */
  readonly first: number;
  /** the year of the last dated value of any parameter; later years hold the values in force then */
  readonly last: number;
}

export function yearCoverage(policy: PolicyData): YearCoverage {
  let first = -Infinity;
  let last = -Infinity;
  const itemStart = new Map(policy.items.map((item) => [item.id, item.years?.from]));
  for (const p of listParameters(policy)) {
    const from = p.values.map((v) => v.from);
    if (from.length === 0) continue;
    const earliest = Math.min(...from);
    // an item's own parameters need values only from the year the item begins (its `years.from`)
    const begins = p.target.area === 'item' || p.target.area === 'eligibility' ? itemStart.get(p.target.itemId) : undefined;
    if (begins === undefined || earliest > begins) first = Math.max(first, earliest);
    last = Math.max(last, ...from);
  }
  return { first, last };
}

const span = (years: readonly number[]): string => (years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`);

/**
 * Check the years a command will compute against the policy data (its own scenario's, with
 * any changes) and the plan (2011–2015, the default years). Throws an InputError naming the
 * range for years before the data begin or past the farthest projection (MAX_YEAR); returns a
 * note (zh and en) naming the extrapolation for years after the plan, or undefined.
 */
export function checkYearsCovered(years: readonly number[], policy: PolicyData, where = '--year'): string | undefined {
  const { first, last } = yearCoverage(policy);
  const plan = `${DEFAULT_HORIZON[0]}–${DEFAULT_HORIZON[DEFAULT_HORIZON.length - 1]}`;
  const planEnd = Math.max(...DEFAULT_HORIZON);
  const sorted = [...years].sort((a, b) => a - b);
  const early = sorted.filter((y) => y < first);
  if (early.length > 0) {
    throw new InputError([{
      file: where,
      message: say({ zh: `${span(early)} 年早于政策数据的起始年份：标准、分担规则和转移支付从 ${first} 年起才有数据（规划期为 ${plan} 年），请选择 ${first} 年及以后的年份`, en: `${span(early)} is before the policy data begin: standards, sharing rules and transfers are given from ${first} (the plan covers ${plan}); choose a year from ${first} on` }),
    }]);
  }
  const beyond = sorted.filter((y) => y > MAX_YEAR);
  if (beyond.length > 0) {
    throw new InputError([{
      file: where,
      message: say({ zh: `${span(beyond)} 年超出可计算的范围：规划期为 ${plan} 年，政策数据覆盖 ${first}–${last} 年，其后年份据此推算，最晚到 ${MAX_YEAR} 年；请选择 ${first}–${MAX_YEAR} 年之间的年份`, en: `${span(beyond)} is too far ahead: the latest year accepted is ${MAX_YEAR} (the plan covers ${plan}, the policy data ${first}–${last}; later years are projected from them, at most to ${MAX_YEAR}); choose a year from ${first} to ${MAX_YEAR}` }),
    }]);
  }
  const late = sorted.filter((y) => y > planEnd);
  if (late.length === 0) return undefined;
  return say({ zh: `${span(late)} 年超出规划期（${plan} 年）：标准、分担比例和资金规模保持最近年份的水平（政策数据截至 ${last} 年），县级数据按 data/projection/growth.yaml 推算，结果为外推`, en: `${span(late)} lies beyond the plan (${plan}): standards, shares and pools are held at their latest values (the policy data end in ${last}) and county data are projected with data/projection/growth.yaml, so these years are an extrapolation` });
}

/** checkYearsCovered, with its note written to stderr: what a command calls before it computes. */
export function checkYears(years: readonly number[], policy: PolicyData, where = '--year'): void {
  const note = checkYearsCovered(years, policy, where);
  if (note !== undefined) process.stderr.write(`note: ${note}\n`);
}

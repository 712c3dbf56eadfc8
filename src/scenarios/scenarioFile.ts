/**
 * Scenario files (YAML or JSON): parameter changes by path with values by year, county
 * changes, population basis and horizon, optionally built on another scenario (`extends`).
 *
 * Everything is checked before anything is applied: the file's shape, every path against the
 * parameter registry, every value against its kind and range, every formula against the
 * whitelist, and the `extends` chain for cycles. All problems are reported together with
 * file, line and column; a scenario with any problem is never applied.
 *
 * A change's values replace the parameter's values from the change's first year on; values
 * before that year are kept. So `{2013: 400}` means "400 from 2013", whatever the base held.
 */
import { say } from '../i18n/messageLang.ts';
import { dirname, resolve, basename, extname } from 'node:path';
import { z } from 'zod';
import { GroupedNumber, GroupedShare, LocalSplitValue } from '../input/catalogSchema.ts';
import { BUDGET_FLAG_COLUMNS, BUDGET_STEMS, FISCAL_STEMS, FIXED_COLUMNS, REGION_GROUPS, type ColumnSpec } from '../input/countyColumns.ts';
import { FLAG_VALUES, parseAmountText } from '../input/countyFile.ts';
import { withCountyValue } from '../input/overrideApply.ts';
import { isWorkbookPath, loadedWorkbook } from '../input/xlsxWorkbook.ts';
import { workbookScenario } from '../input/xlsxScenario.ts';
import { valueAt } from '../input/datedValues.ts';
import type { Dated } from '../input/datedValues.ts';
import { InputError, type InputProblem } from '../input/inputError.ts';
import type { PolicyData } from '../input/policyData.ts';
import { findPlace, placeProblem, PREFECTURE, prefecturePlaces, resolveProvince } from '../input/placeNames.ts';
import { formatLimit, MAX_COUNT, MAX_AMOUNT_YUAN, MAX_EXTENDS_DEPTH, MAX_STANDARD_YUAN, MAX_YEAR, MIN_YEAR, RATIO_DECIMALS, SHARE_DECIMALS } from '../input/fileLimits.ts';
import type { Source } from '../input/sourceSchema.ts';
import { positionOf, readYamlFile } from '../input/yamlFile.ts';
import type { County } from '../model/county.ts';
import { compileFormula, FormulaError, isFormula, type CompiledFormula } from './formula.ts';
import { listParameters, type ParameterInfo, type ValueKind } from './parameterRegistry.ts';
import { DEFAULT_HORIZON, type Scenario } from './scenario.ts';
import { findScenarioFile } from './scenarioPath.ts';
import { scenarioSchemeConfig } from './schemeData.ts';

const YEAR_KEY = z.string().regex(/^(19|20)\d\d$/, 'year keys must be four-digit years such as 2012');

const CountyWhere = z.union([
  z.strictObject({ all: z.literal(true) }),
  z.strictObject({ province: z.union([z.string(), z.number()]).transform(String) }),
  z.strictObject({ prefecture: z.union([z.string(), z.number()]).transform(String) }),
  z.strictObject({ codes: z.array(z.union([z.string(), z.number()]).transform(String)).min(1) }),
  z.strictObject({ region_group: z.enum(REGION_GROUPS) }),
]);

/** A number where one is expected: also `6000亿`, `500万元` and `1,234,567` (as county files and --pool take them). */
const amountText = (v: unknown): unknown => (typeof v === 'string' && !isFormula(v) ? (parseAmountText(v) ?? v) : v);
/** A flag: also 是/否, yes/no, 1/0 (as county files take them). */
const flagText = (v: unknown): unknown => (typeof v === 'string' ? (FLAG_VALUES[v.trim().toLowerCase()] ?? v) : typeof v === 'number' && (v === 0 || v === 1) ? v === 1 : v);
const REGION_TEXT: Record<string, string> = { 东部: 'east', 中部: 'central', 西部: 'west', 东: 'east', 中: 'central', 西: 'west' };
const countyFlag = z.preprocess(flagText, z.boolean({ error: 'give a flag: true/false, 是/否 or 1/0 / 请填写 是 或 否' })).optional();
const countyAmount = z.preprocess(
  amountText,
  z
    .number({ error: 'give an amount in yuan, e.g. 123456789.50, 1.2亿 or 3500万 / 请填写金额（元）' })
    .min(0, 'an amount cannot be negative / 金额不能为负')
    .max(MAX_AMOUNT_YUAN, { error: (i) => say({ zh: `金额 ${String(i.input)} 过大：最大可接受 ${formatLimit(MAX_AMOUNT_YUAN)} 元`, en: `amount ${String(i.input)} is too large: the largest accepted is ${formatLimit(MAX_AMOUNT_YUAN)} yuan` }) })
    .refine((n) => Math.round(n * 100) / 100 === n, 'money is in yuan to the fen: at most two decimals / 金额最多两位小数'),
);
const countyDated = z.record(YEAR_KEY, countyAmount).refine((r) => Object.keys(r).length > 0, 'give at least one year').optional();

/** Fiscal columns (dated, yuan) a scenario may set for counties: the county file's own_revenue_<year> etc. */
export const COUNTY_FISCAL_FIELDS: readonly ColumnSpec[] = [...FISCAL_STEMS, ...BUDGET_STEMS];

const CountySet = z
  .strictObject({
    directly_managed: countyFlag,
    difficult: countyFlag,
    nutrition_pilot: countyFlag,
    ...Object.fromEntries(BUDGET_FLAG_COLUMNS.map((c) => [c.name, countyFlag])),
    region_group: z.preprocess((v) => (typeof v === 'string' ? (REGION_TEXT[v.trim()] ?? v.trim().toLowerCase()) : v), z.enum(REGION_GROUPS)).optional(),
    tier_2018: z.preprocess(amountText, z.number().int().min(1).max(5)).optional(),
    cost_index: z.preprocess(amountText, z.number().positive().max(10)).optional(),
    fiscal_staff: z.preprocess(amountText, z.number().int('a count of people is a whole number').min(0).max(MAX_COUNT)).optional(),
    ...Object.fromEntries(COUNTY_FISCAL_FIELDS.map((c) => [c.name, countyDated])),
  })
  .refine((s) => Object.values(s).some((v) => v !== undefined), 'set at least one county attribute');
type CountySetValue = Record<string, boolean | string | number | Record<string, number> | undefined>;

export const ScenarioFileSchema = z.strictObject({
  title: z.string().min(3),
  /** the title in Chinese, shown when the language is Chinese */
  title_zh: z.string().min(2).optional(),
  description: z.string().optional(),
  /** the policy the scenario models (document, year) */
  reference: z.string().optional(),
  extends: z.string().optional(),
  years: z
    .strictObject({
      from: z.number().int().min(MIN_YEAR, `the earliest year accepted is ${MIN_YEAR}`).max(MAX_YEAR, `the latest year accepted is ${MAX_YEAR} (projections further ahead are refused)`),
      to: z.number().int().min(MIN_YEAR, `the earliest year accepted is ${MIN_YEAR}`).max(MAX_YEAR, `the latest year accepted is ${MAX_YEAR} (projections further ahead are refused)`),
    })
    .refine((y) => y.to >= y.from, 'years must run forwards')
    .optional(),
  population_basis: z.enum(['resident', 'registered']).optional(),
  changes: z
    .array(
      z.strictObject({
        path: z.string().min(3),
        values: z.record(YEAR_KEY, z.unknown()).refine((r) => Object.keys(r).length > 0, 'give at least one year'),
        note: z.string().optional(),
      }),
    )
    .default([]),
  counties: z.array(z.strictObject({ where: CountyWhere, set: CountySet, note: z.string().optional() })).default([]),
  /** transfer scheme settings (see docs/schemes.md); validated by the scheme module */
  scheme: z.unknown().optional(),
  /** uncertainty declarations for Monte Carlo; validated by the analysis module */
  uncertainty: z.unknown().optional(),
});
export type ScenarioFileData = z.infer<typeof ScenarioFileSchema>;

const sixDecimals = (v: number): boolean => Math.abs(Math.round(v * 1e6) / 1e6 - v) < 1e-12;
const tooFine = (v: number): string => say({ zh: `比例 ${v} 的小数超过 ${SHARE_DECIMALS} 位：比例按百万分之一保存，最小步长为 0.000001`, en: `share ${v} has more than ${SHARE_DECIMALS} decimals: shares are held in parts per million, so the finest step accepted is 0.000001` });
const finite = (what: string, max: number, unit: string) =>
  z
    .number({ error: (i) => (i.input === Infinity || i.input === -Infinity || Number.isNaN(i.input) ? `${what} must be a finite number, not ${String(i.input)}` : undefined) })
    .min(0, `${what} cannot be negative`)
    .max(max, { error: (i) => say({ zh: `${String(i.input)} 过大：最大可接受 ${formatLimit(max)} ${unit}`, en: `${what} ${String(i.input)} is too large: the largest accepted is ${formatLimit(max)} ${unit}` }) });
/** A coverage or eligibility share: multiplies beneficiaries, so finer than the ppm of cost shares. */
const nineDecimals = (v: number): boolean => Math.abs(Math.round(v * 1e9) / 1e9 - v) < 1e-15;
const share = z
  .number()
  .min(0, 'a share cannot be below 0')
  .max(1, 'a share cannot be above 1')
  .refine(nineDecimals, { error: (i) => say({ zh: `比例 ${String(i.input)} 的小数超过 ${RATIO_DECIMALS} 位：覆盖率或资格比例最细到十亿分之一（0.000000001）`, en: `share ${String(i.input)} has more than ${RATIO_DECIMALS} decimals: a coverage or eligibility share is accepted to the billionth (0.000000001)` }) });

/** A plain number checked by `plain`, or (an object) a value by province group checked by `grouped`. */
const numberOrGrouped = (plain: z.ZodType, grouped: z.ZodType): z.ZodType => z.unknown().pipe(z.custom<unknown>()).superRefine((v, ctx) => {
  const result = (v !== null && typeof v === 'object' ? grouped : plain).safeParse(v);
  if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
});

const VALUE_SCHEMAS: Record<ValueKind, z.ZodType> = {
  // a standard may differ by province group, like the catalog's own values
  yuan_standard: numberOrGrouped(finite('a standard', MAX_STANDARD_YUAN, 'yuan per beneficiary and period'), GroupedNumber),
  share,
  grouped_share: GroupedNumber.superRefine((g, ctx) => {
    const values = typeof g === 'number' ? [g] : Object.entries(g).filter(([k]) => k !== 'by').map(([, v]) => v as number);
    for (const v of values) {
      if (v > 1) ctx.addIssue({ code: 'custom', message: say({ zh: `比例 ${v} 大于 1`, en: `share ${v} is above 1` }) });
      else if (!sixDecimals(v)) ctx.addIssue({ code: 'custom', message: tooFine(v) });
    }
  }),
  grouped_yuan: GroupedNumber.superRefine((g, ctx) => {
    const values = typeof g === 'number' ? [g] : Object.entries(g).filter(([k]) => k !== 'by').map(([, v]) => v as number);
    for (const v of values) {
      if (v > MAX_STANDARD_YUAN) ctx.addIssue({ code: 'custom', message: say({ zh: `金额 ${v} 过大：每名受益人最大可接受 ${formatLimit(MAX_STANDARD_YUAN)} 元`, en: `amount ${v} is too large: the largest accepted is ${formatLimit(MAX_STANDARD_YUAN)} yuan per beneficiary` }) });
    }
  }),
  split: LocalSplitValue.superRefine((v, ctx) => {
    for (const [k, x] of Object.entries(v)) if (!sixDecimals(x)) ctx.addIssue({ code: 'custom', path: [k], message: tooFine(x) });
  }),
  yuan: finite('an amount', MAX_AMOUNT_YUAN, 'yuan'),
  rate: z.number().min(-0.5, 'a growth rate below −50% a year is refused').max(1, 'a growth rate above 100% a year is refused'),
  number: z.number().min(0, 'this parameter cannot be negative'),
};

/** Eligibility shares (kind share) may also differ by province group, like the catalog's own values. */
const ELIGIBILITY_SCHEMA = numberOrGrouped(VALUE_SCHEMAS.share, GroupedShare);

/**
 * A scenario as read from its file, before checking: the data, and where each part of it is
 * (a YAML line and column, or a workbook's `sheet!cell`).
 */
export interface ScenarioDocument {
  readonly file: string;
  readonly data: unknown;
  readonly locate: (path: ReadonlyArray<PropertyKey>) => { line?: number; column?: number | string };
  /** how a change is cited: `scenario x.yaml:12` or `scenario x.xlsx 参数!E12` */
  readonly cite: (path: ReadonlyArray<PropertyKey>) => string;
}

function yamlDocument(file: string): ScenarioDocument {
  const parsed = readYamlFile(file);
  return {
    file: parsed.file,
    data: parsed.data,
    locate: (path) => positionOf(parsed, path),
    cite: (path) => {
      const { line } = positionOf(parsed, path);
      return `scenario ${basename(parsed.file)}${line !== undefined ? `:${line}` : ''}`;
    },
  };
}

/** Problems for zod issues, placed where the document says. */
function issueProblems(doc: ScenarioDocument, error: z.ZodError, basePath: ReadonlyArray<PropertyKey> = []): InputProblem[] {
  return error.issues.map((issue) => {
    const path = [...basePath, ...issue.path];
    return { file: doc.file, ...doc.locate(path), field: path.map(String).join('.') || undefined, message: issue.message };
  });
}

/** Values where a number is expected may be written with 万/亿 (`6000亿`); grouped values too. */
function withAmounts(raw: unknown): unknown {
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, k === 'by' ? v : amountText(v)]));
  return amountText(raw);
}

/** A change checked and ready to apply. */
interface CheckedChange {
  readonly path: string;
  readonly info: ParameterInfo;
  readonly values: Dated<unknown>;
  readonly formulas: Dated<CompiledFormula | null>;
  /** where the new values come from: the scenario file and its reference */
  readonly source: Source;
}

interface CheckedCountyChange {
  readonly file: string;
  readonly line?: number;
  readonly column?: number | string;
  readonly where: z.infer<typeof CountyWhere>;
  readonly set: z.infer<typeof CountySet>;
}

interface CheckedFile {
  readonly file: string;
  readonly parsed: ScenarioDocument;
  readonly data: ScenarioFileData;
  readonly changes: CheckedChange[];
  readonly counties: CheckedCountyChange[];
}

function checkChanges(parsed: ScenarioDocument, data: ScenarioFileData, registry: ReadonlyMap<string, ParameterInfo>, problems: InputProblem[]): CheckedChange[] {
  const out: CheckedChange[] = [];
  data.changes.forEach((change, k) => {
    const at = (path: PropertyKey[]) => ({ file: parsed.file, ...parsed.locate(['changes', k, ...path]) });
    const info = registry.get(change.path);
    if (!info) {
      const prefix = change.path.split('.').slice(0, 2).join('.');
      const near = [...registry.keys()].filter((p) => p.startsWith(prefix)).slice(0, 5);
      problems.push({ ...at(['path']), field: `changes[${k}].path`, message: say({ zh: `未知参数路径“${change.path}”${near.length ? `（是否想用 ${near.join('、')}？）` : '（用 `fiscal-sim params` 列出全部参数）'}`, en: `unknown parameter path "${change.path}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ' (list them with `fiscal-sim params`)'}` }) });
      return;
    }
    const values: Array<{ from: number; value: unknown }> = [];
    const formulas: Array<{ from: number; value: CompiledFormula | null }> = [];
    let ok = true;
    for (const [yearKey, given] of Object.entries(change.values)) {
      const raw = withAmounts(given);
      const year = Number(yearKey);
      const pos = at(['values', yearKey]);
      if (isFormula(raw)) {
        if (!info.formulaAllowed) {
          problems.push({ ...pos, field: `${change.path} ${yearKey}`, message: say({ zh: `${change.path} 不接受公式，请给出数值`, en: `${change.path} does not take a formula; give a ${info.kind.replace('_', ' ')}` }) });
          ok = false;
          continue;
        }
        try {
          formulas.push({ from: year, value: compileFormula(raw, pos) });
        } catch (e) {
          if (!(e instanceof FormulaError)) throw e;
          problems.push({ ...pos, field: `${change.path} ${yearKey}`, message: say({ zh: `公式：${e.message}`, en: `formula: ${e.message}` }) });
          ok = false;
        }
        continue;
      }
      const result = (info.target.area === 'eligibility' ? ELIGIBILITY_SCHEMA : VALUE_SCHEMAS[info.kind]).safeParse(raw);
      if (!result.success) {
        problems.push(...issueProblems(parsed, result.error, ['changes', k, 'values', yearKey]).map((p) => ({ ...p, field: `${change.path} ${yearKey}` })));
        ok = false;
        continue;
      }
      values.push({ from: year, value: result.data });
      formulas.push({ from: year, value: null });
    }
    if (ok) out.push({ path: change.path, info, values: values.sort((a, b) => a.from - b.from), formulas: formulas.sort((a, b) => a.from - b.from), source: changeSource(parsed, data, k) });
  });
  return out;
}

/** The source of a changed value: the scenario's reference, with the file and line of the change. */
function changeSource(parsed: ScenarioDocument, data: ScenarioFileData, k: number): Source {
  const where = `${parsed.cite(['changes', k, 'path'])}${data.changes[k]?.note ? `, ${data.changes[k].note}` : ''}`;
  const reference = data.reference?.trim();
  return reference && reference.length >= 2
    ? { kind: 'policy', document: reference, note: `set by ${where}` }
    : { kind: 'assumption', reasoning: `set by ${where} (“${data.title}”), which cites no reference` };
}

function checkCounties(parsed: ScenarioDocument, data: ScenarioFileData, problems: InputProblem[]): CheckedCountyChange[] {
  return data.counties.flatMap((c, k): CheckedCountyChange[] => {
    const pos = { file: parsed.file, ...parsed.locate(['counties', k, 'where']) };
    if ('province' in c.where) {
      const { code, problem } = resolveProvince(c.where.province);
      if (!code) {
        problems.push({ ...pos, field: `counties[${k}].where.province`, message: problem ?? '' });
        return [];
      }
      return [{ ...pos, where: { province: code }, set: c.set }];
    }
    return [{ ...pos, where: c.where, set: c.set }];
  });
}

/** Read and check one file and (recursively) the files it extends, base first. */
function checkChain(file: string, registry: ReadonlyMap<string, ParameterInfo>, stack: string[], problems: InputProblem[]): CheckedFile[] {
  const path = resolve(file);
  if (stack.length >= MAX_EXTENDS_DEPTH) {
    problems.push({ file: stack[stack.length - 1]!, field: 'extends', message: say({ zh: `extends 链超过 ${MAX_EXTENDS_DEPTH} 个文件（最多可接受的数目）`, en: `the extends chain is longer than ${MAX_EXTENDS_DEPTH} files, the most accepted` }) });
    return [];
  }
  if (stack.includes(path)) {
    problems.push({ file: stack[stack.length - 1]!, field: 'extends', message: say({ zh: `extends 形成循环：${[...stack, path].map((p) => basename(p)).join(' → ')}`, en: `extends cycle: ${[...stack, path].map((p) => basename(p)).join(' → ')}` }) });
    return [];
  }
  let parsed: ScenarioDocument;
  try {
    if (isWorkbookPath(path)) {
      const book = workbookScenario(loadedWorkbook(path), baselineCells(registry));
      problems.push(...book.problems);
      parsed = book;
    } else parsed = yamlDocument(path);
  } catch (e) {
    if (e instanceof InputError) {
      problems.push(...e.problems);
      return [];
    }
    throw e;
  }
  const shape = ScenarioFileSchema.safeParse(parsed.data ?? {});
  if (!shape.success) {
    problems.push(...issueProblems(parsed, shape.error));
    // the changes are checked too when only the counties block is wrong, so that all problems come at once
    const rest = ScenarioFileSchema.safeParse({ ...(parsed.data as object), counties: [] });
    if (rest.success) checkChanges(parsed, rest.data, registry, problems);
    return [];
  }
  const data = shape.data;
  let base: CheckedFile[] = [];
  if (data.extends !== undefined) {
    const before = problems.length;
    try {
      base = checkChain(findScenarioFile(data.extends, dirname(path)), registry, [...stack, path], problems);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.problems.map((p) => ({ ...p, file: path, field: 'extends' })));
    }
    for (let i = before; i < problems.length; i++) {
      const p = problems[i]!;
      if (p.field === 'extends' && p.file === path) Object.assign(p, parsed.locate(['extends']));
    }
  }
  const changes = checkChanges(parsed, data, registry, problems);
  const counties = checkCounties(parsed, data, problems);
  return [...base, { file: path, parsed, data, changes, counties }];
}

/** Replace dated values from the first new year on. */
export function replaceFrom<T>(existing: Dated<T>, incoming: Dated<T>): Dated<T> {
  if (incoming.length === 0) return existing;
  const first = incoming[0]!.from;
  return [...existing.filter((e) => e.from < first), ...incoming];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Apply checked changes to a copy of the policy data. */
function applyChanges(policy: PolicyData, changes: readonly CheckedChange[]): PolicyData {
  const next = structuredClone({ items: policy.items, rules: policy.rules, sharing: policy.sharing, transfers: policy.transfers, growth: policy.growth });
  const formulas = new Map(policy.formulas ?? []);
  const sources = new Map(policy.changeSources ?? []);
  for (const change of changes) {
    const from = Math.min(...[...change.values, ...change.formulas].map((v) => v.from));
    sources.set(change.path, replaceFrom(sources.get(change.path) ?? [], [{ from, value: change.source }]));
    const t = change.info.target;
    const missing = (): never => {
      throw new Error(`internal: parameter ${change.path} not found in the policy data`);
    };
    const setValues = (holder: { values: Dated<unknown> } | undefined): void => {
      if (!holder) missing();
      else holder.values = replaceFrom(holder.values, change.values);
    };
    switch (t.area) {
      case 'item': {
        const item = next.items.find((i) => i.id === t.itemId) ?? missing();
        setValues(t.field === 'standard' ? item.standard : item.coverage);
        formulas.set(change.path, replaceFrom(formulas.get(change.path) ?? [], change.formulas));
        break;
      }
      case 'eligibility': {
        const item = next.items.find((i) => i.id === t.itemId) ?? missing();
        const e = (item.eligibility.find((x) => x.id === t.factorId) ?? missing()) as Mutable<(typeof item.eligibility)[number]>;
        if (t.otherwise) e.otherwise = [...replaceFrom(e.otherwise ?? [], change.values as Dated<number>)];
        else setValues(e);
        formulas.set(change.path, replaceFrom(formulas.get(change.path) ?? [], change.formulas));
        break;
      }
      case 'rule':
        setValues(next.rules.get(t.ruleId)?.[t.field]);
        break;
      case 'local_split': {
        const entry = t.province === 'default' ? next.sharing.local_split.default : next.sharing.local_split.provinces[t.province];
        setValues(entry?.[t.variant]);
        break;
      }
      case 'transfers':
        setValues(next.transfers[t.name]);
        break;
      case 'growth':
        setValues(next.growth[t.name as keyof typeof next.growth]);
        break;
    }
  }
  return { ...policy, ...next, formulas, changeSources: sources };
}

/** `where` with province and prefecture as codes (provinces are resolved when the file is checked). */
function matches(county: County, where: CheckedCountyChange['where']): boolean {
  if ('all' in where) return true;
  if ('province' in where) return county.provinceCode === where.province;
  if ('prefecture' in where) return county.prefectureCode === where.prefecture;
  if ('codes' in where) return where.codes.includes(county.code);
  return county.regionGroup === where.region_group;
}

function countyApplier(files: readonly CheckedFile[]): (counties: readonly County[]) => County[] {
  const changes = files.flatMap((f) => f.counties);
  return (counties) => {
    const problems: InputProblem[] = [];
    // a prefecture by code, name, short name or pinyin, among the prefectures of the county data
    const prefectures = changes.some((ch) => 'prefecture' in ch.where) ? prefecturePlaces(counties) : [];
    const wheres = changes.map((ch) => {
      if ('codes' in ch.where) {
        const known = new Set(counties.map((c) => c.code));
        const unknown = ch.where.codes.filter((c) => !known.has(c));
        if (unknown.length) problems.push({ file: ch.file, line: ch.line, column: ch.column, field: 'where.codes', message: say({ zh: `县数据中没有代码为 ${unknown.join('、')} 的县`, en: `no county with code ${unknown.join(', ')} in the county data` }) });
      } else if ('prefecture' in ch.where) {
        const match = findPlace(ch.where.prefecture, prefectures);
        if (match.kind === 'found') return { prefecture: prefectures[match.index]!.code };
        problems.push({ file: ch.file, line: ch.line, column: ch.column, field: 'where.prefecture', message: placeProblem(ch.where.prefecture, match, prefectures, PREFECTURE, { zh: '县数据中', en: 'the county data' }) ?? '' });
      }
      return ch.where;
    });
    if (problems.length) throw new InputError(problems);
    return counties.map((county) => {
      let c = county;
      for (const [k, ch] of changes.entries()) {
        if (!matches(county, wheres[k]!)) continue;
        for (const [key, value] of Object.entries(ch.set as CountySetValue)) {
          if (value === undefined) continue;
          const fiscal = COUNTY_FISCAL_FIELDS.find((f) => f.name === key);
          if (fiscal && typeof value === 'object') {
            for (const [year, amount] of Object.entries(value)) c = withCountyValue(c, { key: `${key}_${year}`, spec: fiscal, year: Number(year) }, amount);
            continue;
          }
          const spec = FIXED_COLUMNS.find((f) => f.name === key);
          if (!spec || typeof value === 'object') throw new Error(`internal: county attribute ${key}`);
          c = withCountyValue(c, { key, spec }, value);
        }
      }
      return c;
    });
  };
}

/** The baseline's value of every parameter in each year of the default horizon (what the template shows). */
export function baselineCells(registry: ReadonlyMap<string, ParameterInfo>, years: readonly number[] = DEFAULT_HORIZON): Map<string, Map<number, unknown>> {
  return new Map([...registry.values()].map((p) => [p.path, new Map(years.map((y) => [y, valueAt(p.values, y)]))]));
}

/** Load a scenario file (and what it extends) on top of the base policy data. */
export function loadScenario(file: string, basePolicy: PolicyData): Scenario {
  const registry = new Map(listParameters(basePolicy).map((p) => [p.path, p]));
  const problems: InputProblem[] = [];
  const chain = checkChain(findScenarioFile(file), registry, [], problems);
  if (problems.length) throw new InputError(problems);
  const policy = applyChanges(basePolicy, chain.flatMap((f) => f.changes));
  const top = chain[chain.length - 1]!;
  // the scheme section is checked now too, so that a bad one fails before anything runs
  const schemeSection = [...chain].reverse().find((f) => f.data.scheme !== undefined);
  let schemeConfig = null;
  if (schemeSection) {
    try {
      schemeConfig = scenarioSchemeConfig({ scheme: schemeSection.data.scheme, files: [schemeSection.file] });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // place each problem at its position in the scenario file
      throw new InputError(e.problems.map((p) => (p.file === schemeSection.file && p.line === undefined ? { ...p, ...schemeSection.parsed.locate((p.field ?? 'scheme').split('.')) } : p)));
    }
  }
  const yearsSpec = [...chain].reverse().find((f) => f.data.years)?.data.years;
  const basis = [...chain].reverse().find((f) => f.data.population_basis)?.data.population_basis ?? 'resident';
  const years = yearsSpec ? Array.from({ length: yearsSpec.to - yearsSpec.from + 1 }, (_, i) => yearsSpec.from + i) : DEFAULT_HORIZON;
  const ownFrom = top.changes.flatMap((c) => [...c.values, ...c.formulas].map((v) => v.from));
  return {
    name: basename(top.file, extname(top.file)),
    ...(top.counties.length === 0 && ownFrom.length > 0 ? { ownChangesFrom: Math.min(...ownFrom) } : {}),
    title: top.data.title,
    ...(top.data.title_zh !== undefined ? { titleZh: top.data.title_zh } : {}),
    files: chain.map((f) => f.file),
    years,
    basis,
    policy,
    applyToCounties: countyApplier(chain),
    changes: [
      ...chain.flatMap((f) => f.changes.map((c) => ({ path: c.path, description: `${basename(f.file)}: ${c.path} = ${JSON.stringify(Object.fromEntries([...c.values.map((v) => [v.from, v.value]), ...c.formulas.filter((x) => x.value).map((x) => [x.from, `=${x.value!.text}`])]))}` }))),
      ...chain.flatMap((f) => f.counties.map((c) => ({ path: 'counties', description: `${basename(f.file)}: where ${JSON.stringify(c.where)} set ${JSON.stringify(c.set)}` }))),
    ],
    changeValues: [
      ...chain.flatMap((f) => f.changes.map((c) => ({ file: basename(f.file), byYear: [...c.values, ...c.formulas.filter((x) => x.value).map((x) => ({ from: x.from, value: null, formula: x.value!.text }))].sort((a, b) => a.from - b.from) }))),
      ...chain.flatMap((f) => f.counties.map(() => undefined)),
    ],
    scheme: schemeSection?.data.scheme,
    uncertainty: [...chain].reverse().find((f) => f.data.uncertainty !== undefined)?.data.uncertainty,
    ...(schemeConfig ? { schemeConfig } : {}),
  };
}


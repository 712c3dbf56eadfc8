/**
 * Parameters in force in a year with their sources: every parameter of the policy data
 * (for the workbook's parameters sheet), and the ones behind one county's figures with the
 * value that applies to that county (for its report).
 */
import { valueAt } from '../input/datedValues.ts';
import { sourceInForce, type PolicyData } from '../input/policyData.ts';
import { describeSource, type Source } from '../input/sourceSchema.ts';
import type { County } from '../model/county.ts';
import { PPM } from '../model/money.ts';
import { groupValue, hasFlag, valueFor, type Grouped } from '../model/parameters.ts';
import { listParameters, type ParameterInfo } from '../scenarios/parameterRegistry.ts';
import { periodsPerYear } from '../scenarios/resolveYear.ts';
import type { YearRun } from '../simulation/runSimulation.ts';

export interface ParameterRow {
  readonly path: string;
  readonly description: string;
  /** value in force, as text (a number, grouped values, a split, or `= formula`) */
  readonly value: string;
  readonly unit: string;
  readonly sourceKind: Source['kind'];
  readonly source: string;
}

export const PARAMETER_COLUMNS = ['path', 'description', 'value', 'unit', 'source_kind', 'source'] as const;

function num(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(6)));
}

/** A dated value as text: plain numbers, {by, group: value} objects, or {province, prefecture, county} splits. */
export function valueText(v: unknown): string {
  if (typeof v === 'number') return num(v);
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([k]) => k !== 'by');
    const by = (v as Record<string, unknown>)['by'];
    const body = entries.map(([k, x]) => `${k} ${typeof x === 'number' ? num(x) : String(x)}`).join(' / ');
    return typeof by === 'string' ? `${body} (by ${by})` : body;
  }
  return typeof v === 'string' || typeof v === 'boolean' ? String(v) : '';
}

function formulaText(policy: PolicyData, path: string, year: number): string | undefined {
  const f = policy.formulas?.get(path);
  const inForce = f ? valueAt(f, year) : undefined;
  return inForce ? `= ${inForce.text}` : undefined;
}

const described = new WeakMap<Source, string>();

function row(info: ParameterInfo, value: string, inForce: Source = info.source): ParameterRow {
  let source = described.get(inForce);
  if (source === undefined) described.set(inForce, (source = describeSource(inForce)));
  return { path: info.path, description: info.description, value, unit: info.unit, sourceKind: inForce.kind, source };
}

/** Every parameter with the value in force in `year` (empty when none is in force yet). */
export function parameterRows(policy: PolicyData, year: number): ParameterRow[] {
  return listParameters(policy).map((info) => row(info, formulaText(policy, info.path, year) ?? valueText(valueAt(info.values, year)), sourceInForce(policy, info.path, year, info.source)));
}

/**
 * The parameters behind one county's figures in a run, each with the value that applies to
 * this county: its items' standards, coverage and eligibility, their sharing rules for its
 * province group, its province's local split, and the transfer settings.
 */
export function countyParameterRows(policy: PolicyData, run: YearRun, countyIndex: number, registry?: ReadonlyMap<string, ParameterInfo>): ParameterRow[] {
  const reg = registry ?? new Map(listParameters(policy).map((p) => [p.path, p]));
  const c: County = run.counties[countyIndex]!;
  const out: ParameterRow[] = [];
  const add = (path: string, value: string): void => {
    const info = reg.get(path);
    if (info) out.push(row(info, value));
  };
  const seenRules = new Set<string>();
  const grouped = (g: Grouped, toValue: (n: number) => number): string => {
    const v = toValue(groupValue(g, c.regionGroup, c.tier2018));
    return g.by === 'national' ? num(v) : `${num(v)} (${g.by === 'region_group' ? c.regionGroup : `tier ${c.tier2018}`})`;
  };
  for (const p of run.params.items) {
    const base = `standards.${p.id}`;
    const entry = policy.items.find((i) => i.id === p.id);
    const perPeriod = entry ? periodsPerYear(entry, run.year) : 1;
    add(`${base}.standard`, num(valueFor(p.annualStandard, c) / perPeriod));
    add(`${base}.coverage`, num(valueFor(p.coverage, c)));
    for (const e of p.eligibility) {
      if (e.when && e.otherwise !== undefined && !hasFlag(c, e.when)) add(`${base}.eligibility.${e.id}.otherwise`, num(valueFor(e.otherwise, c)));
      else add(`${base}.eligibility.${e.id}`, num(valueFor(e.value, c)));
    }
    if (!seenRules.has(p.rule.id)) {
      seenRules.add(p.rule.id);
      if (p.rule.centralSharePpm) add(`rules.${p.rule.id}.central_share`, grouped(p.rule.centralSharePpm, (x) => x / PPM));
      if (p.rule.centralAmount) add(`rules.${p.rule.id}.central_amount`, grouped(p.rule.centralAmount, (x) => x));
    }
  }
  const split = run.params.localSplit(c.provinceCode);
  const variant = c.directlyManaged ? 'directly_managed' : 'through_prefecture';
  const ppm = c.directlyManaged ? split.directlyManaged : split.throughPrefecture;
  const splitText = `province ${num(ppm[0] / PPM)} / prefecture ${num(ppm[1] / PPM)} / county ${num(ppm[2] / PPM)}`;
  const own = `local_split.provinces.${c.provinceCode}.${variant}`;
  add(reg.has(own) ? own : `local_split.default.${variant}`, splitText);
  for (const info of reg.values()) {
    if (info.path.startsWith('transfers.') || info.path.startsWith('growth.')) {
      out.push(row(info, formulaText(policy, info.path, run.year) ?? valueText(valueAt(info.values, run.year))));
    }
  }
  return out;
}

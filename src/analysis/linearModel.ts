/**
 * The linear pieces of the model, computed once with the exact engine, from which the
 * analytic paths (Monte Carlo, sweeps) re-evaluate a year cheaply in floating point.
 *
 * For each year × county × parameter group (a catalog domain given its own uncertainty or
 * sweep, or the rest) the exact run gives:
 *   cost   the standard cost                                  scales with population × coverage × unit cost
 *   K      central money at 100% (national pilot counties)    scales with cost
 *   A, S   cost of items under a central share, and that share's money (a central-share
 *          override v replaces S by v × A)                    scale with cost
 *   B      central money per beneficiary (fixed amounts)     scales with population × coverage
 * and for each year × county: population, own revenue, other standard expenditure, how many
 * years of each fiscal figure are projected (and by what baseline growth), the local split,
 * and the exact result (gap, general transfer) for reference. Counties are put in province
 * order so that a province is a contiguous range.
 *
 * The arrays are plain typed arrays; `shareModel` copies them to SharedArrayBuffers so that
 * worker threads read them without copying.
 */
import type { PolicyData } from '../input/policyData.ts';
import type { County } from '../model/county.ts';
import { PPM } from '../model/money.ts';
import type { PopulationBasis, RuleParameters, YearParameters } from '../model/parameters.ts';
import { runYear } from '../model/runYear.ts';
import type { SchemeConfig } from '../model/transfers/schemes/registry.ts';
import { REGION_INDEX } from '../model/transfers/schemes/schemeInput.ts';
import { CENSUS_YEAR, fiscalForYear, growthFactor, projectDrivers } from '../scenarios/projection.ts';
import { resolveYear } from '../scenarios/resolveYear.ts';

export const REST_GROUP = '*';

export interface LinearModel {
  readonly years: readonly number[];
  /** counties, in province order */
  readonly n: number;
  /** parameter groups: the domains named, then REST_GROUP */
  readonly groups: readonly string[];
  /** model position → index in the county list the model was built from */
  readonly countyIndex: Int32Array;
  readonly provinceCodes: readonly string[];
  /** P + 1 offsets: province p is [provinceStart[p], provinceStart[p + 1]) */
  readonly provinceStart: Int32Array;
  readonly provinceOf: Int32Array;
  readonly regionGroup: Uint8Array;
  readonly directlyManaged: Uint8Array;
  /** 1 for the counties reported */
  readonly focus: Uint8Array;
  readonly scheme: SchemeConfig | null;
  /** per year */
  readonly centralPoolFen: Float64Array;
  readonly provincialPoolRate: Float64Array;
  readonly standardRevenueRate: Float64Array;
  readonly guaranteeFillRate: Float64Array;
  readonly guaranteeCentralShare: Float64Array;
  readonly retentionRate: Float64Array;
  /** y − census year, and the baseline population growth factor since the census */
  readonly populationYears: Float64Array;
  readonly populationBase: Float64Array;
  /** per year × county (index y·n + c) */
  readonly population: Float64Array;
  readonly ownRevenue: Float64Array;
  readonly otherStd: Float64Array;
  readonly revenueYears: Float64Array;
  readonly revenueBase: Float64Array;
  readonly otherYears: Float64Array;
  readonly otherBase: Float64Array;
  /** local split (province, prefecture, county shares of the local part) */
  readonly splitProvince: Float64Array;
  readonly splitPrefecture: Float64Array;
  readonly splitCounty: Float64Array;
  readonly exactGapFen: Float64Array;
  readonly exactGeneralFen: Float64Array;
  /** per year × county × group (index (y·n + c)·G + g) */
  readonly cost: Float64Array;
  readonly centralFull: Float64Array;
  readonly shareBearingCost: Float64Array;
  readonly shareBearingCentral: Float64Array;
  readonly centralFixed: Float64Array;
}

export interface LinearModelSource {
  readonly policy: PolicyData;
  /** counties with the scenario's county changes applied */
  readonly counties: readonly County[];
  readonly basis: PopulationBasis;
  readonly years: readonly number[];
  /** indexes of the counties reported */
  readonly focus: readonly number[];
  /** domains that get their own parameter group */
  readonly groups?: readonly string[];
  /** scheme for the province → county stage (none: the gap rule) */
  readonly scheme?: SchemeConfig | null;
  /** called after each year is computed */
  readonly onYear?: (year: number) => void;
  /**
   * Run the exact engine over at most this many counties at a time (default: all at once).
   * The linear pieces do not depend on the other counties, but the exact reference figures
   * (exactGapFen, exactGeneralFen) do: with chunks they are NaN. For very large generated sets.
   */
  readonly chunk?: number;
}

/** Baseline parameters of a year with the scheme set. */
export function yearParameters(policy: PolicyData, year: number, basis: PopulationBasis, scheme: SchemeConfig | null | undefined): YearParameters {
  const params = resolveYear(policy, year, basis);
  return scheme ? { ...params, transfers: { ...params.transfers, scheme } } : params;
}

function projectedYears(county: County, stem: string, year: number): number {
  const byYear = county.fiscal[stem] ?? {};
  if (byYear[year] !== undefined) return 0;
  const earlier = Object.keys(byYear).map(Number).filter((y) => y < year).sort((a, b) => b - a)[0];
  return earlier === undefined ? 0 : year - earlier;
}

interface PieceArrays {
  readonly cost: Float64Array;
  readonly centralFull: Float64Array;
  readonly shareBearingCost: Float64Array;
  readonly shareBearingCentral: Float64Array;
  readonly centralFixed: Float64Array;
}

/** Add an item's cost and central money to the pieces of its county × group cell k. */
function addItem(m: PieceArrays, k: number, rule: RuleParameters, county: County, costFen: number, centralFen: number): void {
  m.cost[k]! += costFen;
  switch (rule.kind) {
    case 'local':
    case 'county_and_above':
      return;
    case 'fixed_amount':
      m.centralFixed[k]! += centralFen;
      return;
    case 'subsidy_difficult':
      if (!county.difficult) return;
      break;
    case 'pilot':
      if (rule.pilotFlag === 'difficult' ? county.difficult : county.nutritionPilot) {
        m.centralFull[k]! += centralFen;
        return;
      }
      break;
    default:
      break;
  }
  m.shareBearingCost[k]! += costFen;
  m.shareBearingCentral[k]! += centralFen;
}

export function buildLinearModel(src: LinearModelSource): LinearModel {
  const { policy, counties, basis, years } = src;
  const groups = [...(src.groups ?? []), REST_GROUP];
  const G = groups.length;
  const groupIndex = new Map(groups.map((g, i) => [g, i]));
  // province order (stable within a province)
  const order = counties.map((_, i) => i).sort((a, b) => (counties[a]!.provinceCode < counties[b]!.provinceCode ? -1 : counties[a]!.provinceCode > counties[b]!.provinceCode ? 1 : a - b));
  const n = order.length;
  const position = new Int32Array(n);
  order.forEach((c, k) => (position[c] = k));
  const provinceCodes: string[] = [];
  const provinceStartList: number[] = [];
  const provinceOf = new Int32Array(n);
  order.forEach((c, k) => {
    const code = counties[c]!.provinceCode;
    if (provinceCodes[provinceCodes.length - 1] !== code) {
      provinceCodes.push(code);
      provinceStartList.push(k);
    }
    provinceOf[k] = provinceCodes.length - 1;
  });
  provinceStartList.push(n);
  const focusSet = new Set(src.focus);
  const Y = years.length;
  const perYear = (): Float64Array => new Float64Array(Y);
  const perCounty = (): Float64Array => new Float64Array(Y * n);
  const perGroup = (): Float64Array => new Float64Array(Y * n * G);
  const m = {
    centralPoolFen: perYear(), provincialPoolRate: perYear(), standardRevenueRate: perYear(), guaranteeFillRate: perYear(),
    guaranteeCentralShare: perYear(), retentionRate: perYear(), populationYears: perYear(), populationBase: perYear(),
    population: perCounty(), ownRevenue: perCounty(), otherStd: perCounty(), revenueYears: perCounty(), revenueBase: perCounty(),
    otherYears: perCounty(), otherBase: perCounty(), splitProvince: perCounty(), splitPrefecture: perCounty(), splitCounty: perCounty(),
    exactGapFen: perCounty(), exactGeneralFen: perCounty(),
    cost: perGroup(), centralFull: perGroup(), shareBearingCost: perGroup(), shareBearingCentral: perGroup(), centralFixed: perGroup(),
  };
  const growth = policy.growth;
  years.forEach((year, y) => {
    const params = yearParameters(policy, year, basis, src.scheme);
    const projected = counties.map((c) => projectDrivers(c, year, growth.population_growth.values));
    const fiscal = projected.map((c) => fiscalForYear(c, year, growth.revenue_growth.values, growth.other_expenditure_growth.values));
    const chunk = src.chunk ?? counties.length;
    const reference = chunk >= counties.length;
    const t = params.transfers;
    m.centralPoolFen[y] = t.centralPoolFen;
    m.provincialPoolRate[y] = t.provincialPoolRatePpm / PPM;
    m.standardRevenueRate[y] = t.standardRevenueRatePpm / PPM;
    m.guaranteeFillRate[y] = t.guaranteeFillRatePpm / PPM;
    m.guaranteeCentralShare[y] = t.guaranteeCentralSharePpm / PPM;
    m.retentionRate[y] = t.prefectureRetentionPpm / PPM;
    m.populationYears[y] = year - CENSUS_YEAR;
    m.populationBase[y] = growthFactor(growth.population_growth.values, CENSUS_YEAR, year);
    const itemGroup = params.items.map((item) => groupIndex.get(item.domain) ?? G - 1);
    for (let from = 0; from < counties.length; from += chunk) {
      const to = Math.min(counties.length, from + chunk);
      const result = runYear(projected.slice(from, to), fiscal.slice(from, to), params);
      for (const r of result.counties) {
        const c = r.countyIndex + from;
        const county = counties[c]!;
        const k = y * n + position[c]!;
        m.population[k] = r.population;
        m.ownRevenue[k] = r.ownRevenueFen;
        m.otherStd[k] = r.otherStdExpenditureFen;
        m.exactGapFen[k] = reference ? r.gapFen : Number.NaN;
        m.exactGeneralFen[k] = reference ? r.generalFen : Number.NaN;
        const ry = projectedYears(county, 'own_revenue', year);
        m.revenueYears[k] = ry;
        m.revenueBase[k] = ry > 0 ? growthFactor(growth.revenue_growth.values, year - ry, year) : 1;
        const oy = projectedYears(county, 'other_std_expenditure', year);
        m.otherYears[k] = oy;
        m.otherBase[k] = oy > 0 ? growthFactor(growth.other_expenditure_growth.values, year - oy, year) : 1;
        const split = params.localSplit(county.provinceCode);
        const s = county.directlyManaged ? split.directlyManaged : split.throughPrefecture;
        m.splitProvince[k] = s[0] / PPM;
        m.splitPrefecture[k] = s[1] / PPM;
        m.splitCounty[k] = s[2] / PPM;
      }
      const { columns, itemsPerCounty, length } = result.items;
      for (let row = 0; row < length; row++) {
        const c = Math.floor(row / itemsPerCounty) + from;
        const i = row % itemsPerCounty;
        const k = (y * n + position[c]!) * G + itemGroup[i]!;
        addItem(m, k, params.items[i]!.rule, counties[c]!, columns.costFen[row]!, columns.centralFen[row]!);
      }
    }
    src.onYear?.(year);
  });
  return {
    years: [...years],
    n,
    groups,
    countyIndex: Int32Array.from(order),
    provinceCodes,
    provinceStart: Int32Array.from(provinceStartList),
    provinceOf,
    regionGroup: Uint8Array.from(order, (c) => REGION_INDEX[counties[c]!.regionGroup]),
    directlyManaged: Uint8Array.from(order, (c) => (counties[c]!.directlyManaged ? 1 : 0)),
    focus: Uint8Array.from(order, (c) => (focusSet.has(c) ? 1 : 0)),
    scheme: src.scheme ?? null,
    ...m,
  };
}

type TypedArray = Float64Array | Int32Array | Uint8Array | Float32Array;

function shared<T extends TypedArray>(a: T): T {
  const Ctor = a.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Ctor(new SharedArrayBuffer(a.byteLength));
  (copy as unknown as { set(x: ArrayLike<number>): void }).set(a);
  return copy;
}

/** The model with every typed array moved to shared memory (for worker threads). */
export function shareModel(model: LinearModel): LinearModel {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(model)) out[k] = ArrayBuffer.isView(v) && !(v.buffer instanceof SharedArrayBuffer) ? shared(v as TypedArray) : v;
  return out as unknown as LinearModel;
}

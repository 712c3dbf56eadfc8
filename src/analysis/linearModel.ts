/**
 * The pieces of the model, computed once with the exact engine, from which the analytic paths
 * (Monte Carlo, sweeps) re-evaluate a year cheaply in floating point (src/analysis/evaluate.ts).
 *
 * For each year × county × cell the exact run gives the catalog's linear pieces. A cell is a
 * parameter group (a catalog domain given its own uncertainty or sweep, or the rest) × whether
 * the items are in the guarantee's 保民生 scope × whether their central money is an item-tied
 * transfer the MoF's accounts class as general:
 *   cost   the standard cost                                  scales with population × coverage × unit cost
 *   K      central money at 100% (national pilot counties)    scales with cost
 *   A, S   cost of items under a central share, and that share's money (a central-share
 *          override v replaces S by v × A)                    scale with cost
 *   B      central money per beneficiary (fixed amounts)     scales with population × coverage
 * For each year × county: population and the drivers of the cost-difference coefficient; the
 * equalization formula's standard expenditure before that coefficient (Σ driver × unit
 * standard, scaling with population); own revenue and the tax base, with how many years of each
 * are projected (and by what baseline growth); rebates, system subsidy and remittance (net);
 * the pool transfers weighted by drivers or equally (held at the exact run's allocations; those
 * weighted by the standard gap are re-allocated by the evaluation from their pools and
 * eligible counties); salaries, running costs
 * and other mandated spending (scaling with population); the local split; and the exact result
 * (gap, general transfers) for reference. For each year: the equalization, guarantee and
 * retention parameters, and the exact run's previous-year equalization (growth control of the
 * first year, and of a year whose predecessor the model does not hold).
 *
 * Counties are put in province order so that a province is a contiguous range. The arrays are
 * plain typed arrays; `shareModel` copies them to SharedArrayBuffers so that worker threads read
 * them without copying.
 */
import type { PolicyData } from '../input/policyData.ts';
import { basisFactor } from '../model/cost/beneficiaries.ts';
import type { County } from '../model/county.ts';
import { PPM } from '../model/money.ts';
import type { PopulationBasis, RuleParameters, YearParameters } from '../model/parameters.ts';
import type { YearResult } from '../model/results.ts';
import { runYear, type CountyFiscalYear, type PreviousYear } from '../model/runYear.ts';
import { ITEM_TIED_CLASSES, POOL_MECHANISMS } from '../model/transfers/mechanisms.ts';
import type { SchemeConfig } from '../model/transfers/schemes/registry.ts';
import { REGION_INDEX } from '../model/transfers/schemes/schemeInput.ts';
import { isEligible } from '../model/transfers/poolTransfer.ts';
import { CENSUS_YEAR, fiscalForYear, growthFactor, projectDrivers } from '../scenarios/projection.ts';
import { resolveYear } from '../scenarios/resolveYear.ts';
import { runWithPrevious } from './yearSequence.ts';

export const REST_GROUP = '*';
/** Cells per parameter group: bit 0 in the guarantee's scope, bit 1 item-tied general. */
import { CELLS_PER_GROUP, IN_SCOPE, ITEM_TIED } from './modelCells.ts';
export { CELLS_PER_GROUP, IN_SCOPE, ITEM_TIED };

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

  // per year
  readonly equalizationPoolFen: Float64Array;
  /** growth control band (NaN: none) */
  readonly growthCap: Float64Array;
  readonly growthFloor: Float64Array;
  readonly expenditureShare: Float64Array;
  readonly revenueShare: Float64Array;
  readonly passDown: Float64Array;
  readonly topUpRate: Float64Array;
  readonly capacityRate: Float64Array;
  readonly difficultyWeight: Float64Array;
  readonly difficultyMin: Float64Array;
  readonly difficultyMax: Float64Array;
  readonly standardRevenueRate: Float64Array;
  readonly ethnicWeight: Float64Array;
  readonly smallScaleBonus: Float64Array;
  readonly smallScaleThreshold: Float64Array;
  /** per year × region group (east, central, west) */
  readonly regionFactor: Float64Array;
  readonly closeRate: Float64Array;
  readonly awardPoolFen: Float64Array;
  readonly retentionRate: Float64Array;
  readonly generalRetentionRate: Float64Array;
  /** y − census year, and the baseline population growth factor since the census */
  readonly populationYears: Float64Array;
  readonly populationBase: Float64Array;
  /** the pool transfers weighted by the standard gap (re-allocated by the evaluation), in POOL order */
  readonly gapPoolIds: readonly string[];
  /** per year × gap pool: pool × the county-level share, fen */
  readonly gapPoolFen: Float64Array;
  /** per gap pool × county: 1 when eligible */
  readonly gapPoolEligible: Uint8Array;
  /** 1 when the model's previous year is the year before: growth control reads the evaluation's own transfers */
  readonly chained: Uint8Array;
  /** the exact run's equalization of the year before (NaN: none): per year × province (central allocation), per year × county (before retention) */
  readonly previousProvinceFen: Float64Array;
  readonly previousCountyFen: Float64Array;

  // per year × county (index y·n + c)
  readonly population: Float64Array;
  /** resident_pop and minority_pct drivers as projected (cost-difference coefficient) */
  readonly residentPop: Float64Array;
  readonly minorityPct: Float64Array;
  /** standard expenditure before the cost-difference coefficient, fen */
  readonly stdExpBase: Float64Array;
  readonly ownRevenue: Float64Array;
  readonly revenueYears: Float64Array;
  readonly revenueBase: Float64Array;
  readonly taxBase: Float64Array;
  readonly taxBaseYears: Float64Array;
  readonly taxBaseGrowth: Float64Array;
  /** tax rebates + system subsidy − remittance */
  readonly rebatesNet: Float64Array;
  /** pool transfers received that are weighted by drivers or equally (exact run's allocations, held) */
  readonly poolsFen: Float64Array;
  readonly salaryFen: Float64Array;
  readonly runningFen: Float64Array;
  readonly otherMandatedFen: Float64Array;
  /** local split (province, prefecture, county shares of the local part) */
  readonly splitProvince: Float64Array;
  readonly splitPrefecture: Float64Array;
  readonly splitCounty: Float64Array;
  readonly exactGapFen: Float64Array;
  readonly exactGeneralFen: Float64Array;

  // per year × county × cell (index (y·n + c)·cells + cell, cell = g·4 + flags)
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
  /** scheme for the province → county stage (none: the 2011 formula) */
  readonly scheme?: SchemeConfig | null;
  /** called after each year is computed */
  readonly onYear?: (year: number) => void;
  /**
   * Run the exact engine over at most this many counties at a time, each year on its own
   * (default: all at once, in sequence). The catalog pieces do not depend on the other
   * counties, but the pool transfers, the equalization pools and the reference figures do:
   * with chunks the pools are each chunk's, growth control has no exact previous year, and
   * exactGapFen, exactGeneralFen are NaN. For timing very large generated sets only.
   */
  readonly chunk?: number;
}

/** Baseline parameters of a year with the scheme set. */
export function yearParameters(policy: PolicyData, year: number, basis: PopulationBasis, scheme: SchemeConfig | null | undefined): YearParameters {
  const params = resolveYear(policy, year, basis);
  return withScheme(params, scheme);
}

export function withScheme(params: YearParameters, scheme: SchemeConfig | null | undefined): YearParameters {
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

/** Add an item's cost and central money to the pieces of its cell k. */
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

/** One year of the exact engine over counties [from, from + result.counties.length). */
interface YearSlice {
  readonly params: YearParameters;
  readonly projected: readonly County[];
  readonly fiscal: readonly CountyFiscalYear[];
  readonly result: YearResult;
  readonly from: number;
  readonly previous: PreviousYear | undefined;
  readonly reference: boolean;
}

export function buildLinearModel(src: LinearModelSource): LinearModel {
  const { policy, counties, basis, years } = src;
  const groups = [...(src.groups ?? []), REST_GROUP];
  const G = groups.length;
  const C = G * CELLS_PER_GROUP;
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
  const P = provinceCodes.length;
  const focusSet = new Set(src.focus);
  const sortedYears = [...new Set(years)].sort((a, b) => a - b);
  const Y = sortedYears.length;
  const perYear = (): Float64Array => new Float64Array(Y);
  const perCounty = (): Float64Array => new Float64Array(Y * n);
  const perCell = (): Float64Array => new Float64Array(Y * n * C);
  const m = {
    equalizationPoolFen: perYear(), growthCap: perYear(), growthFloor: perYear(), expenditureShare: perYear(), revenueShare: perYear(),
    passDown: perYear(), topUpRate: perYear(), capacityRate: perYear(), difficultyWeight: perYear(), difficultyMin: perYear(),
    difficultyMax: perYear(), standardRevenueRate: perYear(), ethnicWeight: perYear(), smallScaleBonus: perYear(), smallScaleThreshold: perYear(),
    regionFactor: new Float64Array(Y * 3), closeRate: perYear(), awardPoolFen: perYear(), retentionRate: perYear(), generalRetentionRate: perYear(),
    populationYears: perYear(), populationBase: perYear(),
    chained: Uint8Array.from(sortedYears, (year, y) => (y > 0 && sortedYears[y - 1] === year - 1 ? 1 : 0)),
    previousProvinceFen: new Float64Array(Y * P).fill(Number.NaN), previousCountyFen: perCounty().fill(Number.NaN),
    population: perCounty(), residentPop: perCounty(), minorityPct: perCounty(), stdExpBase: perCounty(), ownRevenue: perCounty(),
    revenueYears: perCounty(), revenueBase: perCounty(), taxBase: perCounty(), taxBaseYears: perCounty(), taxBaseGrowth: perCounty(),
    rebatesNet: perCounty(), poolsFen: perCounty(), salaryFen: perCounty(), runningFen: perCounty(), otherMandatedFen: perCounty(),
    splitProvince: perCounty(), splitPrefecture: perCounty(), splitCounty: perCounty(), exactGapFen: perCounty(), exactGeneralFen: perCounty(),
    cost: perCell(), centralFull: perCell(), shareBearingCost: perCell(), shareBearingCentral: perCell(), centralFixed: perCell(),
  };
  const growth = policy.growth;
  const first = yearParameters(policy, sortedYears[0]!, basis, src.scheme);
  const gapPools = first.transfers.pools.filter((p) => p.weight.kind === 'standard_gap');
  const gapPoolIds = gapPools.map((p) => p.id as string);
  const J = gapPoolIds.length;
  const gapPoolFen = new Float64Array(Y * J);
  const gapPoolEligible = new Uint8Array(J * n);
  gapPools.forEach((pool, j) => order.forEach((c, k) => (gapPoolEligible[j * n + k] = isEligible(counties[c]!, pool) ? 1 : 0)));

  const recordYear = (y: number, year: number, s: YearSlice): void => {
    const { params, projected, fiscal, result, from } = s;
    const t = params.transfers;
    const eq = t.equalization;
    if (from === 0) {
      m.equalizationPoolFen[y] = eq.poolFen;
      m.growthCap[y] = eq.growthCap ?? Number.NaN;
      m.growthFloor[y] = eq.growthFloor ?? Number.NaN;
      m.expenditureShare[y] = eq.countyShareOfExpenditurePpm / PPM;
      m.revenueShare[y] = eq.countyShareOfRevenuePpm / PPM;
      m.passDown[y] = eq.passDownPpm / PPM;
      m.topUpRate[y] = eq.provincialTopUpRatePpm / PPM;
      m.capacityRate[y] = eq.provincialCapacityPpm / PPM;
      m.difficultyWeight[y] = eq.difficulty.weight;
      m.difficultyMin[y] = eq.difficulty.min;
      m.difficultyMax[y] = eq.difficulty.max;
      m.standardRevenueRate[y] = eq.standardRevenueRatePpm / PPM;
      m.ethnicWeight[y] = eq.costCoefficient.ethnicWeight;
      m.smallScaleBonus[y] = eq.costCoefficient.smallScaleBonus;
      m.smallScaleThreshold[y] = eq.costCoefficient.smallScaleThreshold;
      for (const [region, r] of Object.entries(REGION_INDEX)) m.regionFactor[y * 3 + r] = eq.costCoefficient.regionFactor[region as keyof typeof REGION_INDEX];
      m.closeRate[y] = t.guarantee.closeRatePpm / PPM;
      m.awardPoolFen[y] = t.guarantee.awardPoolFen;
      m.retentionRate[y] = t.prefectureRetentionPpm / PPM;
      m.generalRetentionRate[y] = t.prefectureGeneralRetentionPpm / PPM;
      for (const pool of t.pools) {
        const j = gapPoolIds.indexOf(pool.id);
        if (j >= 0 && pool.weight.kind !== 'standard_gap') throw new RangeError(`pool transfer ${pool.id} is weighted by the standard gap in ${sortedYears[0]} but not in ${year}`);
        if (j >= 0) gapPoolFen[y * J + j] = (pool.poolFen * pool.countySharePpm) / PPM;
        else if (pool.weight.kind === 'standard_gap') throw new RangeError(`pool transfer ${pool.id} is weighted by the standard gap in ${year} but not in ${sortedYears[0]}`);
      }
      m.populationYears[y] = year - CENSUS_YEAR;
      m.populationBase[y] = growthFactor(growth.population_growth.values, CENSUS_YEAR, year);
      if (s.previous) {
        const prev = s.previous.equalization;
        provinceCodes.forEach((code, p) => (m.previousProvinceFen[y * P + p] = prev.province.get(code) ?? Number.NaN));
        prev.county.forEach((x, c) => (m.previousCountyFen[y * n + position[c]!] = x));
      }
    }
    const inScope = params.items.map((item) => t.guarantee.scopeDomains.includes(item.domain));
    const tied = params.items.map((item) => ITEM_TIED_CLASSES.some((k) => t.itemTiedGeneral[k].includes(item.id)));
    const itemCell = params.items.map((item, i) => (groupIndex.get(item.domain) ?? G - 1) * CELLS_PER_GROUP + (inScope[i] ? IN_SCOPE : 0) + (tied[i] ? ITEM_TIED : 0));
    for (const r of result.counties) {
      const c = r.countyIndex + from;
      const county = counties[c]!;
      const p = projected[r.countyIndex]!;
      const f = fiscal[r.countyIndex]!;
      const k = y * n + position[c]!;
      m.population[k] = r.population;
      m.residentPop[k] = p.drivers['resident_pop'] ?? 0;
      m.minorityPct[k] = p.drivers['minority_pct'] ?? 0;
      const bf = basisFactor(p, basis);
      let stdBase = 0;
      for (const fn of eq.functions) {
        let driver = 0;
        for (const d of fn.drivers) driver += p.drivers[d] ?? 0;
        stdBase += driver * bf * fn.unitStandard * 100;
      }
      m.stdExpBase[k] = stdBase;
      m.ownRevenue[k] = r.ownRevenueFen;
      m.taxBase[k] = f.taxBaseFen;
      m.rebatesNet[k] = r.rebatesFen + r.systemSubsidyFen - r.remittanceFen;
      m.poolsFen[k] = POOL_MECHANISMS.reduce((a, id) => a + (gapPoolIds.includes(id) ? 0 : r.generalByMechanismFen[id]), 0);
      m.salaryFen[k] = r.salaryFen;
      m.runningFen[k] = r.runningFen;
      m.otherMandatedFen[k] = r.otherMandatedFen;
      m.exactGapFen[k] = s.reference ? r.gapFen : Number.NaN;
      m.exactGeneralFen[k] = s.reference ? r.generalFen : Number.NaN;
      const ry = projectedYears(county, 'own_revenue', year);
      m.revenueYears[k] = ry;
      m.revenueBase[k] = ry > 0 ? growthFactor(growth.revenue_growth.values, year - ry, year) : 1;
      const ty = projectedYears(county, 'tax_base', year);
      m.taxBaseYears[k] = ty;
      m.taxBaseGrowth[k] = ty > 0 ? growthFactor(growth.revenue_growth.values, year - ty, year) : 1;
      const split = params.localSplit(county.provinceCode);
      const sp = county.directlyManaged ? split.directlyManaged : split.throughPrefecture;
      m.splitProvince[k] = sp[0] / PPM;
      m.splitPrefecture[k] = sp[1] / PPM;
      m.splitCounty[k] = sp[2] / PPM;
    }
    const { columns, itemsPerCounty, length } = result.items;
    for (let row = 0; row < length; row++) {
      const c = Math.floor(row / itemsPerCounty) + from;
      const i = row % itemsPerCounty;
      const k = (y * n + position[c]!) * C + itemCell[i]!;
      addItem(m, k, params.items[i]!.rule, counties[c]!, columns.costFen[row]!, columns.centralFen[row]!);
    }
  };

  const chunk = src.chunk ?? counties.length;
  if (chunk >= counties.length) {
    const runs = runWithPrevious(policy, counties, { years: sortedYears, basis, ...(src.scheme ? { scheme: src.scheme } : {}) });
    runs.forEach((r, y) => {
      recordYear(y, r.year, { params: r.params, projected: r.counties, fiscal: r.fiscal, result: r.result, from: 0, previous: r.previous, reference: true });
      src.onYear?.(r.year);
    });
  } else {
    sortedYears.forEach((year, y) => {
      const params = yearParameters(policy, year, basis, src.scheme);
      const projected = counties.map((c) => projectDrivers(c, year, growth.population_growth.values));
      const fiscal = projected.map((c) => fiscalForYear(c, year, growth.revenue_growth.values));
      for (let from = 0; from < counties.length; from += chunk) {
        const to = Math.min(counties.length, from + chunk);
        const result = runYear(projected.slice(from, to), fiscal.slice(from, to), params);
        recordYear(y, year, { params, projected: projected.slice(from, to), fiscal: fiscal.slice(from, to), result, from, previous: undefined, reference: false });
      }
      src.onYear?.(year);
    });
  }
  return {
    years: sortedYears,
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
    gapPoolIds,
    gapPoolFen,
    gapPoolEligible,
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

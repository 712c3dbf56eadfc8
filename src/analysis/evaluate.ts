/**
 * Evaluate the model at one parameter point from its linear pieces, in floating point:
 * costs and shares → earmarked transfers → two-stage equalization (the scheme in the
 * province → county stage) → basic financial guarantee → gap → measures, for every year.
 *
 * This is the analytic path of the Monte Carlo and the sweeps: it reproduces the exact engine
 * at the baseline point to within rounding (a few fen per county; tested), but it is not exact
 * money. Growth rates given here replace the baseline rate in every projected year.
 */
import { allocateScheme, type SchemeConfig } from '../model/transfers/schemes/registry.ts';
import { sliceInput, type SchemeInput } from '../model/transfers/schemes/schemeInput.ts';
import { InequalityScratch } from './fastInequality.ts';
import type { LinearModel } from './linearModel.ts';

/** A parameter point. Anything not given keeps the scenario's value. */
export interface Point {
  /** central equalization pool in fen, every year */
  readonly centralPoolFen?: number;
  /** central share of every item under a central share (ratio, subsidy, …) */
  readonly centralShare?: number;
  readonly provincialPoolRate?: number;
  readonly standardRevenueRate?: number;
  readonly guaranteeFillRate?: number;
  readonly guaranteeCentralShare?: number;
  readonly retentionRate?: number;
  /** scheme of the province → county stage (null: the gap rule; undefined: the model's) */
  readonly scheme?: SchemeConfig | null;
  /** per county in model order (length n), or one value for all */
  readonly populationGrowth?: Float64Array | number;
  readonly revenueGrowth?: Float64Array | number;
  readonly otherGrowth?: Float64Array | number;
  /** multiplier of own revenue */
  readonly revenueLevel?: Float64Array | number;
  /** multipliers per county × group (length n·G), or one value for all */
  readonly coverage?: Float64Array | number;
  readonly unitCost?: Float64Array | number;
}

/** What each year's evaluation yields, in `measures` (money in yuan). */
export const YEAR_MEASURES = [
  'gini', 'theil', 'theil_between', 'theil_within', 'cv', 'max_min', 'decile_ratio', 'mean_resources_pc',
  'gini_before_transfers', 'gini_after_general',
  'counties_in_gap', 'residents_in_gap', 'shortfall', 'net_gap',
  'central_pays', 'provincial_pays', 'prefecture_pays', 'county_pays', 'unfunded',
] as const;
export type YearMeasure = (typeof YEAR_MEASURES)[number];
export const M = YEAR_MEASURES.length;
/** Position of each measure in a year's measures. */
export const IX = Object.fromEntries(YEAR_MEASURES.map((m, i) => [m, i])) as Readonly<Record<YearMeasure, number>>;

export class EvaluationScratch {
  readonly n: number;
  readonly G: number;
  /** per year: gap of each county (fen), measures */
  readonly gap: Float64Array[];
  readonly measures: Float64Array[];
  readonly input: SchemeInput;
  readonly previousInput: { transfer: Float64Array; own: Float64Array };
  readonly centralEarmarked: Float64Array;
  readonly provincialEarmarked: Float64Array;
  readonly prefectureEarmarked: Float64Array;
  readonly special: Float64Array;
  readonly equalization: Float64Array;
  readonly guarantee: Float64Array;
  readonly centralFraction: Float64Array;
  readonly values: Float64Array;
  readonly weights: Float64Array;
  readonly scratch: Array<[InequalityScratch, InequalityScratch, InequalityScratch]>;
  private readonly broadcast = new Map<string, Float64Array>();

  /**
   * @param extraGinis also compute the Gini before transfers and after general transfers (two
   * more sorts a year; the Monte Carlo leaves them out)
   */
  constructor(
    readonly model: LinearModel,
    readonly extraGinis = true,
  ) {
    const n = model.n;
    this.n = n;
    this.G = model.groups.length;
    const Y = model.years.length;
    this.gap = Array.from({ length: Y }, () => new Float64Array(n));
    this.measures = Array.from({ length: Y }, () => new Float64Array(M));
    const col = (): Float64Array => new Float64Array(n);
    this.input = {
      n,
      population: col(), standardExpenditure: col(), standardRevenue: col(), ownRevenue: col(), standardCost: col(), mustFund: col(),
      otherStdExpenditure: col(), previousTransfer: col(), previousOwnRevenue: col(), regionGroup: model.regionGroup,
    };
    this.previousInput = { transfer: col(), own: col() };
    this.centralEarmarked = col();
    this.provincialEarmarked = col();
    this.prefectureEarmarked = col();
    this.special = col();
    this.equalization = col();
    this.guarantee = col();
    this.centralFraction = col();
    this.values = col();
    this.weights = col();
    const groups = model.provinceCodes.length;
    this.scratch = Array.from({ length: Y }, () => [new InequalityScratch(n, model.provinceOf, groups), new InequalityScratch(n, model.provinceOf, groups), new InequalityScratch(n, model.provinceOf, groups)]);
  }

  /** A per-county (or per county × group) array for a point value (a constant is broadcast). */
  array(key: string, v: Float64Array | number | undefined, length: number, fallback: number): Float64Array {
    if (v instanceof Float64Array) {
      if (v.length !== length) throw new RangeError(`${key}: ${v.length} values for ${length}`);
      return v;
    }
    const value = v ?? fallback;
    let a = this.broadcast.get(key);
    if (!a) this.broadcast.set(key, (a = new Float64Array(length)));
    if (a[0] !== value || a[length - 1] !== value) a.fill(value);
    return a;
  }
}

/** (1 + rate)^years ÷ base, remembering the last answer (national and provincial draws repeat it). */
class GrowthRatio {
  private rate = Number.NaN;
  private years = Number.NaN;
  private base = Number.NaN;
  private value = 1;
  of(rate: number, years: number, base: number): number {
    if (years === 0) return 1;
    if (rate !== this.rate || years !== this.years || base !== this.base) {
      this.rate = rate;
      this.years = years;
      this.base = base;
      this.value = (1 + rate) ** years / base;
    }
    return this.value;
  }
}

/** Evaluate every year of the model at a point; results are left in the scratch (gap, measures). */
export function evaluatePoint(model: LinearModel, point: Point, s: EvaluationScratch): void {
  const { n, G } = s;
  const scheme = point.scheme === undefined ? model.scheme : point.scheme;
  const popGrowth = point.populationGrowth === undefined ? null : s.array('pop', point.populationGrowth, n, 0);
  const revGrowth = point.revenueGrowth === undefined ? null : s.array('rev', point.revenueGrowth, n, 0);
  const othGrowth = point.otherGrowth === undefined ? null : s.array('oth', point.otherGrowth, n, 0);
  const revLevel = s.array('level', point.revenueLevel, n, 1);
  const coverage = s.array('cov', point.coverage, n * G, 1);
  const unitCost = s.array('unit', point.unitCost, n * G, 1);
  const v = point.centralShare;
  const input = s.input;
  const P = model.provinceCodes.length;
  const { cost: mCost, centralFull: mFull, shareBearingCentral: mShareCentral, shareBearingCost: mShareCost, centralFixed: mFixed } = model;
  const { splitProvince: splitP, splitCounty: splitC, splitPrefecture: splitF, directlyManaged: direct, provinceOf } = model;
  const { ownRevenue: mOwn, otherStd: mOther, population: mPop, revenueYears: revYears, revenueBase: revBase, otherYears: othYears, otherBase: othBase } = model;
  const { centralEarmarked: centralE, provincialEarmarked: provincialE, prefectureEarmarked: prefectureE, special, equalization, guarantee, centralFraction } = s;
  const { population: inPop, standardCost: inCost, mustFund: inMust, otherStdExpenditure: inOther, ownRevenue: inOwn, standardRevenue: inStdRev, standardExpenditure: inStdExp } = input;
  const popRatio = new GrowthRatio(), revRatio = new GrowthRatio(), othRatio = new GrowthRatio();
  const provE = new Float64Array(P), provR = new Float64Array(P), provOwn = new Float64Array(P), provPop = new Float64Array(P), provGap = new Float64Array(P);
  const provPool = new Float64Array(P), provCentral = new Float64Array(P);

  model.years.forEach((_, y) => {
    const retention = point.retentionRate ?? model.retentionRate[y]!;
    const stdRate = point.standardRevenueRate ?? model.standardRevenueRate[y]!;
    const provRate = point.provincialPoolRate ?? model.provincialPoolRate[y]!;
    const fill = point.guaranteeFillRate ?? model.guaranteeFillRate[y]!;
    const gcs = point.guaranteeCentralShare ?? model.guaranteeCentralShare[y]!;
    const pool = point.centralPoolFen ?? model.centralPoolFen[y]!;
    const popYears = model.populationYears[y]!;
    const popBase = model.populationBase[y]!;
    provE.fill(0); provR.fill(0); provOwn.fill(0); provPop.fill(0);

    // costs, shares and earmarked money; fiscal figures
    for (let c = 0; c < n; c++) {
      const k = y * n + c;
      const popF = popGrowth ? popRatio.of(popGrowth[c]!, popYears, popBase) : 1;
      let cost = 0, central = 0;
      for (let g = 0; g < G; g++) {
        const kg = k * G + g;
        const cov = coverage[c * G + g]! * popF;
        const mult = cov * unitCost[c * G + g]!;
        const C = mCost[kg]! * mult;
        const shareBearing = v === undefined ? mShareCentral[kg]! : v * mShareCost[kg]!;
        const cen = (mFull[kg]! + shareBearing) * mult + mFixed[kg]! * cov;
        cost += C;
        central += cen < C ? cen : C;
      }
      const local = cost - central;
      const provincial = local * splitP[k]!;
      const retained = direct[c] ? 0 : provincial * retention;
      const ownBurden = local * splitC[k]! + retained;
      const ownRev = mOwn[k]! * revLevel[c]! * (revGrowth ? revRatio.of(revGrowth[c]!, revYears[k]!, revBase[k]!) : 1);
      const other = mOther[k]! * (othGrowth ? othRatio.of(othGrowth[c]!, othYears[k]!, othBase[k]!) : 1);
      const pop = mPop[k]! * popF;
      centralE[c] = central;
      provincialE[c] = provincial - retained;
      prefectureE[c] = local * splitF[k]!;
      special[c] = cost - ownBurden;
      inPop[c] = pop;
      inCost[c] = cost;
      inMust[c] = ownBurden;
      inOther[c] = other;
      inOwn[c] = ownRev;
      inStdRev[c] = stdRate * (ownRev > 0 ? ownRev : 0);
      inStdExp[c] = ownBurden + other;
      const p = provinceOf[c]!;
      provE[p]! += inStdExp[c]!;
      provR[p]! += inStdRev[c]!;
      provOwn[p]! += ownRev > 0 ? ownRev : 0;
      provPop[p]! += pop;
    }
    if (y > 0) {
      input.previousTransfer.set(s.previousInput.transfer);
      input.previousOwnRevenue.set(s.previousInput.own);
    } else {
      input.previousTransfer.fill(Number.NaN);
      input.previousOwnRevenue.fill(Number.NaN);
    }

    // stage 1: centre → provinces by provincial gaps (population when no province has one)
    let gapTotal = 0, popTotal = 0;
    for (let p = 0; p < P; p++) {
      provGap[p] = Math.max(0, provE[p]! - provR[p]!);
      gapTotal += provGap[p]!;
      popTotal += provPop[p]!;
    }
    for (let p = 0; p < P; p++) {
      provCentral[p] = gapTotal > 0 ? (pool * provGap[p]!) / gapTotal : popTotal > 0 ? (pool * provPop[p]!) / popTotal : 0;
      provPool[p] = provCentral[p]! + provRate * provOwn[p]!;
    }
    // stage 2: province → counties
    for (let p = 0; p < P; p++) {
      const start = model.provinceStart[p]!;
      const end = model.provinceStart[p + 1]!;
      const pp = provPool[p]!;
      const cf = pp > 0 ? provCentral[p]! / pp : 0;
      if (scheme) {
        const amounts = allocateScheme(scheme, sliceInput(input, start, end), pp).amounts;
        for (let c = start; c < end; c++) equalization[c] = amounts[c - start]!;
      } else {
        let sum = 0;
        for (let c = start; c < end; c++) sum += Math.max(0, inStdExp[c]! - inStdRev[c]!);
        const byPop = !(sum > 0);
        if (byPop) for (let c = start; c < end; c++) sum += inPop[c]!;
        for (let c = start; c < end; c++) {
          const w = byPop ? inPop[c]! : Math.max(0, inStdExp[c]! - inStdRev[c]!);
          equalization[c] = sum > 0 ? (pp * w) / sum : 0;
        }
      }
      for (let c = start; c < end; c++) centralFraction[c] = cf;
    }

    // guarantee, gap, who pays; measures over the reported counties
    const gap = s.gap[y]!;
    const out = s.measures[y]!;
    out.fill(0);
    const w = s.weights;
    const x = s.values;
    for (let c = 0; c < n; c++) {
      const ownBurden = inMust[c]!;
      const own = inOwn[c]!;
      const other = inOther[c]!;
      const eq = equalization[c]!;
      const gg = Math.max(0, ownBurden + other - own - eq);
      const gt = fill * gg;
      const general = eq + gt;
      guarantee[c] = gt;
      const capacity = own + general - other;
      const g = ownBurden - capacity;
      gap[c] = g;
      s.previousInput.transfer[c] = eq;
      s.previousInput.own[c] = own;
      const pop = inPop[c]!;
      if (!model.focus[c]) {
        w[c] = 0;
        x[c] = 0;
        continue;
      }
      w[c] = pop > 0 ? pop : 0;
      x[c] = pop > 0 ? (own + general + special[c]!) / 100 / pop : 0;
      if (g > 0) {
        out[IX.counties_in_gap]! += 1;
        out[IX.residents_in_gap]! += pop;
        out[IX.shortfall]! += g / 100;
      }
      out[IX.net_gap]! += g / 100;
      // who pays the basic-service bundle: earmarked shares, then general transfers (first), own revenue, unfunded
      const funded = Math.min(Math.max(capacity, 0), ownBurden > 0 ? ownBurden : 0);
      const byTransfers = Math.min(funded, general);
      const centralGeneral = eq * centralFraction[c]! + gt * gcs;
      const phi = general > 0 ? centralGeneral / general : 0;
      out[IX.central_pays]! += (centralE[c]! + phi * byTransfers) / 100;
      out[IX.provincial_pays]! += (provincialE[c]! + (1 - phi) * byTransfers) / 100;
      out[IX.prefecture_pays]! += prefectureE[c]! / 100;
      out[IX.county_pays]! += (funded - byTransfers) / 100;
      out[IX.unfunded]! += (Math.max(ownBurden, 0) - funded) / 100;
    }
    const [all, before, afterGeneral] = s.scratch[y]!;
    all.summarize(x, w, out, 0);
    if (!s.extraGinis) {
      out[IX.gini_before_transfers] = Number.NaN;
      out[IX.gini_after_general] = Number.NaN;
      return;
    }
    for (let c = 0; c < n; c++) x[c] = w[c]! > 0 ? inOwn[c]! / 100 / w[c]! : 0;
    out[IX.gini_before_transfers] = before.gini(x, w);
    for (let c = 0; c < n; c++) x[c] = w[c]! > 0 ? (inOwn[c]! + equalization[c]! + guarantee[c]!) / 100 / w[c]! : 0;
    out[IX.gini_after_general] = afterGeneral.gini(x, w);
  });
}

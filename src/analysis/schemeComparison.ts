/**
 * Compare transfer schemes in the province → county stage of the equalization transfer (exact
 * money). Every outcome is a full run of the exact engine in which only that stage changes:
 * the centre → province stage, each province's county pool (its pass-down and top-up), the pool
 * transfers and the earmarked transfers are the same for every scheme, so the schemes differ
 * only in how each province spends the same pool over its counties. What follows from it does
 * change, as it would: the guarantee (computed against resources after equalization, from the
 * room the province has left) and the gap. Each scheme runs in sequence from the first year
 * the equalization pool has a value, so that growth control reads the scheme's own transfers
 * of the year before.
 *
 * Per outcome: inequality of per-capita resources after all transfers, after general transfers
 * (economic convention, and the MoF's accounts with item-tied general transfers), before
 * transfers; counties and residents in a gap, the gap and the plan gap; the guarantee paid;
 * how much each level of government pays for the catalog; how far the scheme moves each county
 * from the status quo. Two reference outcomes: the status quo (the scenario as it is: the 2011
 * formula, or its scheme) and no equalization at all (no central pool and no provincial
 * top-up; the guarantee still closes what it can).
 *
 * Who pays (an attribution, in floating point): each level's earmarked money net of what
 * prefectures keep; the county's own burden of the catalog that its capacity (own revenue +
 * rebates, subsidies and remittances + general transfers − other spending) can fund is paid
 * first from general transfers — split centre/province by the central part of each (pool
 * transfers: central; equalization: the province's pass-down ÷ its county pool; guarantee: the
 * award ÷ what the province closed) — then by the county from its own resources; the rest is
 * unfunded. The five add up to the catalog's standard cost.
 */
import type { PolicyData } from '../input/policyData.ts';
import type { County } from '../model/county.ts';
import { gini, inequalitySummary, type InequalitySummary } from '../model/measures/inequality.ts';
import type { PopulationBasis } from '../model/parameters.ts';
import type { CountyResult, ProvinceResult, YearResult } from '../model/results.ts';
import { POOL_MECHANISMS } from '../model/transfers/mechanisms.ts';
import type { SchemeConfig } from '../model/transfers/schemes/registry.ts';
import { runSimulation, type YearRun } from '../simulation/runSimulation.ts';
import { withTransferValues } from './yearSequence.ts';

export interface LevelPayments {
  readonly centralFen: number;
  readonly provincialFen: number;
  readonly prefectureFen: number;
  readonly countyFen: number;
  readonly unfundedFen: number;
}

/** One run to compare: the engine's year result under a scheme (or a reference). */
export interface SchemeRun {
  /** scheme id, or 'status_quo' / 'formula_2011' / 'no_equalization' */
  readonly name: string;
  readonly title: string;
  readonly result: YearResult;
}

export interface SchemeOutcome {
  readonly name: string;
  readonly title: string;
  /** the central equalization pool of the year (whole country) */
  readonly centralPoolFen: number;
  /** Σ county-stage pools (pass-down + top-up) of the provinces of the compared counties */
  readonly countyPoolFen: number;
  /**
   * Σ of those pools not spent on counties, back in the provinces' budgets: the 2011 formula
   * caps each province's county coefficient at 1 (no county gets more than its gap); a scheme
   * spends its pool in full (0)
   */
  readonly returnedFen: number;
  /** per compared county (same order as `focus`), fen */
  readonly equalizationFen: readonly number[];
  readonly guaranteeFen: readonly number[];
  readonly generalFen: readonly number[];
  readonly resourcesFen: readonly number[];
  readonly gapsFen: readonly number[];
  readonly planGapsFen: readonly number[];
  /** after all transfers */
  readonly measures: InequalitySummary;
  readonly giniBefore: number;
  /** after general transfers: economic convention (item-tied money earmarked) and the MoF's accounts */
  readonly giniAfterGeneral: number;
  readonly giniAfterGeneralMof: number;
  readonly countiesInGap: number;
  readonly residentsInGap: number;
  readonly shortfallFen: number;
  readonly netGapFen: number;
  readonly planShortfallFen: number;
  readonly payments: LevelPayments;
  /** population-weighted mean of |equalization − status quo's| per resident, yuan */
  readonly meanAbsChangePerCapita: number;
  readonly countiesGaining: number;
  readonly countiesLosing: number;
  /** mean absolute change of a county's percentile rank in per-capita resources, before general transfers → after all (points) */
  readonly meanRankShift: number;
  /** per county: rank (0 = poorest) of per-capita resources before general transfers and after all transfers */
  readonly rankBefore: readonly number[];
  readonly rankAfter: readonly number[];
}

export interface Comparison {
  readonly year: number;
  readonly centralPoolFen: number;
  readonly countyPoolFen: number;
  readonly focus: readonly number[];
  readonly outcomes: readonly SchemeOutcome[];
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const r = new Array<number>(values.length);
  order.forEach((i, k) => (r[i] = k));
  return r;
}

/** rebates + system subsidy − remittance */
const rebatesNet = (r: CountyResult): number => r.rebatesFen + r.systemSubsidyFen - r.remittanceFen;

/** The catalog's cost paid by each level, for one county (see the file comment). */
export function countyPayments(r: CountyResult, p: ProvinceResult | undefined): LevelPayments {
  const upper = r.centralFen + r.provincialFen;
  const keptCentral = upper > 0 ? (r.retainedFen * r.centralFen) / upper : 0;
  const pools = POOL_MECHANISMS.reduce((a, id) => a + r.generalByMechanismFen[id], 0);
  const capacity = r.ownRevenueFen + rebatesNet(r) + r.generalFen - r.otherSpendingFen;
  const mustPay = Math.max(0, r.ownBurdenFen);
  const funded = Math.min(Math.max(capacity, 0), mustPay);
  const byTransfers = Math.min(funded, r.generalFen);
  const cfEq = p && p.poolFen > 0 ? p.passedDownFen / p.poolFen : 0;
  const cfG = p && p.guaranteeClosedFen > 0 ? Math.min(p.guaranteeAwardFen, p.guaranteeClosedFen) / p.guaranteeClosedFen : 0;
  const centralGeneral = pools + r.equalizationFen * cfEq + r.guaranteeFen * cfG;
  const phi = r.generalFen > 0 ? centralGeneral / r.generalFen : 0;
  return {
    centralFen: r.centralFen - keptCentral + phi * byTransfers,
    provincialFen: r.provincialFen - (r.retainedFen - keptCentral) + (1 - phi) * byTransfers,
    prefectureFen: r.prefectureFen,
    countyFen: funded - byTransfers,
    unfundedFen: mustPay - funded,
  };
}

function outcome(run: SchemeRun, counties: readonly County[], focus: readonly number[], statusQuo: YearResult): SchemeOutcome {
  const rows = focus.map((i) => run.result.counties[i]!);
  const sq = focus.map((i) => statusQuo.counties[i]!);
  const provinces = new Map(run.result.provinces.map((p) => [p.provinceCode, p]));
  const withPop = rows.filter((r) => r.population > 0);
  const groups = withPop.map((r) => counties[r.countyIndex]!.provinceCode);
  const weights = withPop.map((r) => r.population);
  const pc = (f: (r: CountyResult) => number): number[] => withPop.map((r) => f(r) / 100 / r.population);
  const afterGeneral = (r: CountyResult): number => r.ownRevenueFen + rebatesNet(r) + r.generalFen;
  const measures = inequalitySummary(pc((r) => r.resourcesFen), groups, weights);
  let countiesInGap = 0, residentsInGap = 0, shortfallFen = 0, netGapFen = 0, planShortfallFen = 0;
  let central = 0, provincial = 0, prefecture = 0, county = 0, unfunded = 0;
  let absChange = 0, popTotal = 0, gaining = 0, losing = 0;
  rows.forEach((r, k) => {
    netGapFen += r.gapFen;
    if (r.gapFen > 0) {
      countiesInGap++;
      residentsInGap += counties[r.countyIndex]!.drivers['resident_pop'] ?? 0;
      shortfallFen += r.gapFen;
    }
    if (r.planGapFen > 0) planShortfallFen += r.planGapFen;
    const pay = countyPayments(r, provinces.get(counties[r.countyIndex]!.provinceCode));
    central += pay.centralFen;
    provincial += pay.provincialFen;
    prefecture += pay.prefectureFen;
    county += pay.countyFen;
    unfunded += pay.unfundedFen;
    const delta = r.equalizationFen - sq[k]!.equalizationFen;
    if (delta > 0) gaining++;
    if (delta < 0) losing++;
    if (r.population > 0) {
      absChange += Math.abs(delta) / 100;
      popTotal += r.population;
    }
  });
  const perCapita = (f: (r: CountyResult) => number): number[] => rows.map((r) => (r.population > 0 ? f(r) / r.population : 0));
  const rankBefore = ranks(perCapita((r) => r.resourcesFen - r.generalFen));
  const rankAfter = ranks(perCapita((r) => r.resourcesFen));
  const n = rows.length;
  const meanRankShift = n > 1 ? (rankBefore.reduce((a, rb, k) => a + Math.abs(rb - rankAfter[k]!), 0) / n / (n - 1)) * 100 : 0;
  const codes = new Set(focus.map((i) => counties[i]!.provinceCode));
  const eq = run.result.mechanisms.find((m) => m.id === 'equalization');
  return {
    name: run.name,
    title: run.title,
    centralPoolFen: eq?.poolFen ?? 0,
    countyPoolFen: run.result.provinces.filter((p) => codes.has(p.provinceCode)).reduce((a, p) => a + p.poolFen, 0),
    returnedFen: run.result.provinces.filter((p) => codes.has(p.provinceCode)).reduce((a, p) => a + p.returnedFen, 0),
    equalizationFen: rows.map((r) => r.equalizationFen),
    guaranteeFen: rows.map((r) => r.guaranteeFen),
    generalFen: rows.map((r) => r.generalFen),
    resourcesFen: rows.map((r) => r.resourcesFen),
    gapsFen: rows.map((r) => r.gapFen),
    planGapsFen: rows.map((r) => r.planGapFen),
    measures,
    giniBefore: gini(pc((r) => r.ownRevenueFen), weights),
    giniAfterGeneral: gini(pc(afterGeneral), weights),
    giniAfterGeneralMof: gini(pc((r) => afterGeneral(r) + r.itemTiedGeneralFen), weights),
    countiesInGap, residentsInGap, shortfallFen, netGapFen, planShortfallFen,
    payments: { centralFen: central, provincialFen: provincial, prefectureFen: prefecture, countyFen: county, unfundedFen: unfunded },
    meanAbsChangePerCapita: popTotal > 0 ? absChange / popTotal : 0,
    countiesGaining: gaining,
    countiesLosing: losing,
    meanRankShift,
    rankBefore,
    rankAfter,
  };
}

/** Compare runs of the same year over the counties `focus` (indexes into `counties`); `runs` holds a 'status_quo'. */
export function compareSchemes(year: number, counties: readonly County[], focus: readonly number[], runs: readonly SchemeRun[]): Comparison {
  const statusQuo = runs.find((r) => r.name === 'status_quo');
  if (!statusQuo) throw new RangeError('the comparison needs a status_quo run');
  const outcomes = runs.map((r) => outcome(r, counties, focus, statusQuo.result));
  const sq = outcomes.find((o) => o.name === 'status_quo')!;
  return { year, centralPoolFen: sq.centralPoolFen, countyPoolFen: sq.countyPoolFen, focus, outcomes };
}

export interface SchemeRunOptions {
  readonly policy: PolicyData;
  readonly counties: readonly County[];
  readonly basis: PopulationBasis;
  readonly year: number;
  /** the scenario's own scheme (null: the 2011 formula) */
  readonly scenarioScheme: SchemeConfig | null;
  readonly schemes: readonly SchemeConfig[];
  readonly titles: Readonly<Record<string, string>>;
  /** central equalization pool in every year, yuan (default: the scenario's) */
  readonly equalizationPoolYuan?: number;
  /** called after each run */
  readonly onRun?: (name: string) => void;
}

export interface SchemeRuns {
  readonly runs: SchemeRun[];
  /** counties as projected to the year */
  readonly counties: readonly County[];
  /** the status quo's year result */
  readonly statusQuo: YearResult;
}

/**
 * Run the engine (runSimulation, in sequence from its warm-up year) for each outcome: no
 * equalization, the status quo, the 2011 formula (when the scenario has a scheme) and each
 * scheme in the province → county stage.
 */
export function runSchemes(o: SchemeRunOptions): SchemeRuns {
  const poolName = o.policy.mechanisms.equalization.pool;
  const policy = o.equalizationPoolYuan === undefined ? o.policy : withTransferValues(o.policy, { [poolName]: o.equalizationPoolYuan });
  const one = (p: PolicyData, scheme: SchemeConfig | null): YearRun => runSimulation(p, o.counties, { years: [o.year], basis: o.basis, ...(scheme ? { scheme } : {}) })[0]!;
  const noEqualization = one(withTransferValues(policy, { [poolName]: 0, provincial_top_up_rate: 0 }), null).result;
  o.onRun?.('no_equalization');
  const sq = one(policy, o.scenarioScheme);
  o.onRun?.('status_quo');
  const runs: SchemeRun[] = [
    { name: 'no_equalization', title: 'No equalization transfer (no central pool, no provincial top-up)', result: noEqualization },
    { name: 'status_quo', title: o.scenarioScheme ? `Scenario (${o.scenarioScheme.id} in the province → county stage)` : 'Scenario (the 2011 formula)', result: sq.result },
  ];
  if (o.scenarioScheme) {
    runs.push({ name: 'formula_2011', title: 'The 2011 formula (财预〔2011〕392号)', result: one(policy, null).result });
    o.onRun?.('formula_2011');
  }
  for (const config of o.schemes) {
    const same = o.scenarioScheme !== null && JSON.stringify(o.scenarioScheme) === JSON.stringify(config);
    runs.push({ name: config.id, title: o.titles[config.id] ?? config.id, result: same ? sq.result : one(policy, config).result });
    o.onRun?.(config.id);
  }
  return { runs, counties: sq.counties, statusQuo: sq.result };
}

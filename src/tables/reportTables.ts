/**
 * Figures the reports show beyond the county and item rows: cost by domain and level of
 * government, transfers by type, per-capita resources before and after transfers, Lorenz
 * curves, and each county's place among similar counties. Money stays integer fen; every
 * aggregate is a sum of the model's own integers.
 */
import type { County } from '../model/county.ts';
import { lorenzCurve } from '../model/measures/inequality.ts';
import { measuresOf, perCapitaResources, type Stage } from '../model/measures/equalizationMeasures.ts';
import { GENERAL_MECHANISMS, type GeneralMechanismId } from '../model/transfers/mechanisms.ts';
import { fenToYuanString, sumFen } from '../model/money.ts';
import type { CountyResult, EqualizationMeasures, ItemResult } from '../model/results.ts';
import type { YearRun } from '../simulation/runSimulation.ts';
import type { Row } from './countyTable.ts';

export const LEVELS = ['central', 'provincial', 'prefecture', 'county'] as const;
export type Level = (typeof LEVELS)[number];

/** The four shares of an item row (or a county row), in level order. */
export function levelFen(r: Pick<ItemResult, 'centralFen' | 'provincialFen' | 'prefectureFen' | 'countyFen'>): [number, number, number, number] {
  return [r.centralFen, r.provincialFen, r.prefectureFen, r.countyFen];
}

export interface DomainLevelCost {
  readonly domain: string;
  /** fen by level, in LEVELS order */
  readonly byLevel: readonly [number, number, number, number];
  readonly costFen: number;
}

/** Standard cost by service domain and level of government over the selected counties (domains in catalog order). */
export function costByDomainAndLevel(run: YearRun, selected: ReadonlySet<number>): DomainLevelCost[] {
  const acc = new Map<string, [number, number, number, number]>();
  for (const p of run.params.items) if (!acc.has(p.domain)) acc.set(p.domain, [0, 0, 0, 0]);
  const perCounty = run.params.items.length;
  const rows: Iterable<ItemResult> = selected.size * perCounty * 4 < run.result.items.length ? [...selected].flatMap((i) => itemsOfCounty(run, i)) : run.result.items;
  for (const it of rows) {
    if (!selected.has(it.countyIndex)) continue;
    const a = acc.get(run.params.items[it.itemIndex]!.domain)!;
    a[0] += it.centralFen;
    a[1] += it.provincialFen;
    a[2] += it.prefectureFen;
    a[3] += it.countyFen;
  }
  return [...acc].map(([domain, byLevel]) => ({ domain, byLevel, costFen: sumFen(byLevel) }));
}

/** The transfer types a county's breakdown holds, in the order money arrives. */
export const TRANSFER_TYPES = ['tax_rebates', 'system_net', ...GENERAL_MECHANISMS, 'earmarked_upper', 'earmarked_prefecture'] as const;
export type TransferType = (typeof TRANSFER_TYPES)[number];

/** A county's transfers by type, fen; system_net (subsidy − remittance) may be negative. */
export type TransferBreakdown = Readonly<Record<TransferType, number>> & {
  /** Σ earmarked received (= special transfers) */
  readonly earmarkedFen: number;
  /** upper-level earmarked money the prefecture kept */
  readonly retainedFen: number;
  /** Σ general transfers (economic convention) */
  readonly generalFen: number;
  /** central money of item-tied transfers the MoF classes as general (inside earmarked here) */
  readonly itemTiedGeneralFen: number;
  /** rebates + system net + general + earmarked */
  readonly totalFen: number;
};

export function transferBreakdown(r: CountyResult): TransferBreakdown {
  const byMechanism = Object.fromEntries(GENERAL_MECHANISMS.map((m) => [m, r.generalByMechanismFen[m]])) as Record<GeneralMechanismId, number>;
  const systemNet = r.systemSubsidyFen - r.remittanceFen;
  return {
    tax_rebates: r.rebatesFen,
    system_net: systemNet,
    ...byMechanism,
    earmarked_upper: r.specialFen - r.prefectureFen,
    earmarked_prefecture: r.prefectureFen,
    earmarkedFen: r.specialFen,
    retainedFen: r.retainedFen,
    generalFen: r.generalFen,
    itemTiedGeneralFen: r.itemTiedGeneralFen,
    totalFen: sumFen([r.rebatesFen, systemNet, r.generalFen, r.specialFen]),
  };
}

export function sumTransfers(rows: readonly TransferBreakdown[]): TransferBreakdown {
  const s = (k: keyof TransferBreakdown): number => sumFen(rows.map((r) => r[k]));
  const types = Object.fromEntries(TRANSFER_TYPES.map((k) => [k, s(k)])) as Record<TransferType, number>;
  return { ...types, earmarkedFen: s('earmarkedFen'), retainedFen: s('retainedFen'), generalFen: s('generalFen'), itemTiedGeneralFen: s('itemTiedGeneralFen'), totalFen: s('totalFen') };
}

export const TRANSFER_COLUMNS = [
  'code', 'name', 'province', 'prefecture', 'year',
  'tax_rebates', 'system_subsidy', 'remittance',
  ...GENERAL_MECHANISMS.map((m) => `transfer_${m}` as const), 'general_transfer',
  'earmarked_upper', 'earmarked_prefecture', 'earmarked_total', 'retained_by_prefecture', 'item_tied_general', 'all_transfers',
] as const;

export function transferRow(run: YearRun, r: CountyResult): Row {
  const c = run.counties[r.countyIndex]!;
  const t = transferBreakdown(r);
  const y = fenToYuanString;
  const row: Row = {
    code: c.code,
    name: c.name,
    province: c.province,
    prefecture: c.prefecture,
    year: run.year,
    tax_rebates: y(r.rebatesFen),
    system_subsidy: y(r.systemSubsidyFen),
    remittance: y(r.remittanceFen),
  };
  for (const m of GENERAL_MECHANISMS) row[`transfer_${m}`] = y(t[m]);
  return Object.assign(row, {
    general_transfer: y(t.generalFen),
    earmarked_upper: y(t.earmarked_upper),
    earmarked_prefecture: y(t.earmarked_prefecture),
    earmarked_total: y(t.earmarkedFen),
    retained_by_prefecture: y(t.retainedFen),
    item_tied_general: y(t.itemTiedGeneralFen),
    all_transfers: y(t.totalFen),
  });
}

export { perCapitaResources, STAGES, type PerCapitaResources, type Stage } from '../model/measures/equalizationMeasures.ts';

/** Population-weighted Lorenz curves of per-capita resources at each stage (the weighting of the summary's measures). */
export function lorenzCurves(rows: readonly CountyResult[]): Record<Stage, Array<[number, number]>> {
  const kept = rows.filter((r) => r.population > 0);
  const pc = kept.map((r) => perCapitaResources(r)!);
  const w = kept.map((r) => r.population);
  return {
    before: lorenzCurve(pc.map((p) => p.before), w),
    afterGeneral: lorenzCurve(pc.map((p) => p.afterGeneral), w),
    afterGeneralMof: lorenzCurve(pc.map((p) => p.afterGeneralMof), w),
    afterAll: lorenzCurve(pc.map((p) => p.afterAll), w),
  };
}

/**
 * Equalization measures of per-capita resources over the given counties, with the Theil
 * index decomposed over any grouping (provinces for the country, prefectures within a
 * province). Same measures and weighting as the run summary (src/tables/summary.ts).
 */
export function measuresBy(run: YearRun, members: readonly number[], groupOf: (c: County) => string, weighting: 'population' | 'unweighted'): EqualizationMeasures {
  const rows = members.map((i) => run.result.counties[i]!);
  return measuresOf(rows, rows.map((r) => groupOf(run.counties[r.countyIndex]!)), weighting);
}

/** Gap per resident in yuan (NaN without population). */
export function gapPerCapita(r: CountyResult): number {
  return r.population > 0 ? r.gapFen / 100 / r.population : Number.NaN;
}

export interface PeerStats {
  /** counties in the group, the county included */
  readonly n: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** share of the group with a lower gap per capita (0 = lowest) */
  readonly percentile: number;
  readonly inGap: number;
}

export interface PeerGroup {
  readonly key: string;
  /** county indexes in the group */
  readonly members: readonly number[];
  /** gap per capita of the members, sorted ascending */
  readonly sorted: readonly number[];
  readonly inGap: number;
}

/**
 * Similar counties for each county: the same prefecture, and the same region group (east,
 * central, west) across every county computed. Built once per run.
 */
export class PeerIndex {
  readonly gapPerCapita: readonly number[];
  readonly byPrefecture = new Map<string, PeerGroup>();
  readonly byRegion = new Map<string, PeerGroup>();

  constructor(readonly run: YearRun) {
    this.gapPerCapita = run.result.counties.map(gapPerCapita);
    const group = (key: (c: County) => string): Map<string, PeerGroup> => {
      const members = new Map<string, number[]>();
      run.counties.forEach((c, i) => {
        if (!Number.isFinite(this.gapPerCapita[i]!)) return;
        const k = key(c);
        (members.get(k) ?? members.set(k, []).get(k)!).push(i);
      });
      return new Map([...members].map(([k, m]) => [k, {
        key: k,
        members: m,
        sorted: m.map((i) => this.gapPerCapita[i]!).sort((a, b) => a - b),
        inGap: m.filter((i) => run.result.counties[i]!.gapFen > 0).length,
      }]));
    };
    for (const [k, g] of group((c) => c.prefectureCode)) this.byPrefecture.set(k, g);
    for (const [k, g] of group((c) => c.regionGroup)) this.byRegion.set(k, g);
  }

  prefectureOf(countyIndex: number): PeerGroup | undefined {
    return this.byPrefecture.get(this.run.counties[countyIndex]!.prefectureCode);
  }

  regionOf(countyIndex: number): PeerGroup | undefined {
    return this.byRegion.get(this.run.counties[countyIndex]!.regionGroup);
  }

  stats(group: PeerGroup, countyIndex: number): PeerStats {
    const v = this.gapPerCapita[countyIndex]!;
    const s = group.sorted;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    const n = s.length;
    const median = n === 0 ? Number.NaN : n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
    return { n, median, min: s[0] ?? Number.NaN, max: s[n - 1] ?? Number.NaN, percentile: n > 1 ? lo / (n - 1) : 0, inGap: group.inGap };
  }
}

/** Item rows of one county, in catalog order (the engine writes them county by county). */
export function itemsOfCounty(run: YearRun, countyIndex: number): ItemResult[] {
  const per = run.params.items.length;
  const start = countyIndex * per;
  const slice = run.result.items.slice(start, start + per);
  if (slice.length === per && slice.every((it) => it.countyIndex === countyIndex)) return slice;
  return run.result.items.filter((it) => it.countyIndex === countyIndex);
}

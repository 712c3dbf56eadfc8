/**
 * What every report page of one run needs: the run, the policy data, labels in the chosen
 * language, the similar-county index, and where each page lives (so pages link to each
 * other by relative paths and only to pages that exist).
 */
import { posix } from 'node:path';
import type { PolicyData } from '../../input/policyData.ts';
import type { ItemParameters, PopulationBasis } from '../../model/parameters.ts';
import { listParameters, type ParameterInfo } from '../../scenarios/parameterRegistry.ts';
import type { YearRun } from '../../simulation/runSimulation.ts';
import { PeerIndex, LEVELS, type Level } from '../../tables/reportTables.ts';
import { provinceName, t, type Lang, type LabelKey } from './labels.ts';

export interface ReportMeta {
  readonly scenarioName: string;
  readonly scenarioTitle: string;
  /** the scenario's title in Chinese, when its file gives one */
  readonly scenarioTitleZh?: string;
  readonly basis: PopulationBasis;
  readonly version: string;
  /** county data files, as shown to the reader (base names) */
  readonly countyFiles: readonly string[];
  readonly notes: readonly string[];
}

/** Where the report files go, relative to the output folder. */
export class ReportLayout {
  constructor(readonly year: number, readonly scenarioName: string) {}

  /** "2012" for the baseline, "2012-<scenario>" otherwise */
  get tag(): string {
    return this.scenarioName === 'baseline' ? String(this.year) : `${this.year}-${this.scenarioName}`;
  }
  province(code: string): string {
    return `province-${code}-${this.tag}.html`;
  }
  county(code: string): string {
    return `county/${code}-${this.tag}.html`;
  }
  index(): string {
    return `index-${this.tag}.html`;
  }
  comparison(baseName: string): string {
    return `comparison-${this.tag}-vs-${baseName}.html`;
  }
  workbook(): string {
    return `workbook-${this.tag}.xlsx`;
  }
  tidy(ext: 'csv' | 'json' | 'parquet', years: readonly number[]): string {
    const span = years.length === 1 ? `${years[0]}` : `${years[0]}-${years[years.length - 1]}`;
    return `tidy-${span}${this.scenarioName === 'baseline' ? '' : `-${this.scenarioName}`}.${ext}`;
  }
  tidyMetadata(years: readonly number[]): string {
    return this.tidy('json', years).replace(/\.json$/, '.metadata.json');
  }
}

/** Relative link from one report file to another. */
export function relativeLink(from: string, to: string): string {
  return posix.relative(posix.dirname(from), to) || posix.basename(to);
}

export class ReportContext {
  private peerIndex?: PeerIndex;
  private registryMap?: ReadonlyMap<string, ParameterInfo>;
  private readonly domains: ReadonlyMap<string, { zh: string; en: string }>;

  constructor(
    readonly lang: Lang,
    readonly run: YearRun,
    readonly policy: PolicyData,
    readonly meta: ReportMeta,
    readonly layout: ReportLayout,
    /** province codes and county codes that get a page in this batch */
    readonly pages: { readonly provinces: ReadonlySet<string>; readonly counties: ReadonlySet<string>; readonly index: boolean; readonly comparison?: string },
  ) {
    this.domains = new Map(policy.domains.map((d) => [d.domain, { zh: d.nameZh, en: d.nameEn }]));
  }

  t(key: LabelKey, vars?: Readonly<Record<string, string | number>>): string {
    return t(this.lang, key, vars);
  }

  get peers(): PeerIndex {
    this.peerIndex ??= new PeerIndex(this.run);
    return this.peerIndex;
  }

  get registry(): ReadonlyMap<string, ParameterInfo> {
    this.registryMap ??= new Map(listParameters(this.policy).map((p) => [p.path, p]));
    return this.registryMap;
  }

  domainName(domain: string): string {
    const d = this.domains.get(domain);
    return d ? (this.lang === 'zh' ? d.zh : d.en) : domain;
  }

  itemName(p: ItemParameters): string {
    return this.lang === 'zh' ? p.nameZh : p.nameEn;
  }

  /** `text` in brackets after a label: full-width in Chinese, " (…)" in English. */
  paren(text: string | number): string {
    return this.lang === 'zh' ? `（${text}）` : ` (${text})`;
  }

  /** The colon between a label and its value: full-width in Chinese. */
  get colon(): string {
    return this.lang === 'zh' ? '：' : ': ';
  }

  /** The scenario's title in the page's language (its Chinese title when the scenario file gives one). */
  scenarioTitle(): string {
    return this.lang === 'zh' ? (this.meta.scenarioTitleZh ?? this.meta.scenarioTitle) : this.meta.scenarioTitle;
  }

  levelName(level: Level): string {
    return this.t(`level_${level}`);
  }

  get levelNames(): string[] {
    return LEVELS.map((l) => this.levelName(l));
  }

  provinceName(code: string, zhName: string): string {
    return provinceName(this.lang, code, zhName);
  }

  basisName(): string {
    return this.t(this.meta.basis === 'registered' ? 'basis_registered' : 'basis_resident');
  }

  /** Link from page `from` to the province page, if this batch writes it. */
  provinceHref(from: string, code: string): string | undefined {
    return this.pages.provinces.has(code) ? relativeLink(from, this.layout.province(code)) : undefined;
  }

  countyHref(from: string, code: string): string | undefined {
    return this.pages.counties.has(code) ? relativeLink(from, this.layout.county(code)) : undefined;
  }
}

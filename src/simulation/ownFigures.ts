/**
 * Running with a user's own figures (override files, src/input/override*.ts).
 *
 * The general transfers share fixed pools by formulas that read every county's data, so one
 * county's figures would re-share every pool and move every other county's transfers and gap.
 * Two modes:
 *
 * - `hold` (分配保持, the default): the allocations of every general transfer, with the pools'
 *   and provinces' figures, are those of a run on the data without the user's figures (the
 *   bundled data, with the scenario's own county changes); the user's figures enter only their
 *   counties' own accounts. Every other county's results are those of that run, exactly.
 * - `reallocate` (重新分配): the user's figures enter the allocation formulas and the pools are
 *   re-shared; the run reports how many other counties' gaps changed.
 *
 * In both, transfer amounts the files give replace the modelled amounts their counties receive;
 * the run reports by how much the counties' amounts then differ from each pool's allocation.
 * Years only run as warm-up for growth control are not held: growth control only moves the
 * formula's allocation, which the years asked for replace.
 */
import { say } from '../i18n/messageLang.ts';
import type { PolicyData } from '../input/policyData.ts';
import type { County } from '../model/county.ts';
import { bookedBeyondAllocationFen, heldAllocationsOf, type FixedAllocations } from '../model/transfers/fixedAllocations.ts';
import { MECHANISM_NAMES, type GeneralMechanismId } from '../model/transfers/mechanisms.ts';
import { runSimulation, type SimulationSettings, type YearRun } from './runSimulation.ts';

export type AllocationMode = 'hold' | 'reallocate';

/** Transfer amounts received as the user's files give them: county index → year → transfer → fen. */
export type GivenTransfers = ReadonlyMap<number, ReadonlyMap<number, Partial<Readonly<Record<GeneralMechanismId, number>>>>>;

export interface OwnFigures {
  readonly mode: AllocationMode;
  /** the counties without the user's figures: same order and codes as the run's */
  readonly bundled: readonly County[];
  /** indexes of the counties the user's figures change (values or transfer amounts) */
  readonly changed: ReadonlySet<number>;
  readonly given: GivenTransfers;
}

export interface AllocationReport {
  readonly mode: AllocationMode;
  /** per transfer with amounts given: the counties' amounts less the pool's allocation to them, fen */
  readonly beyondPoolFen: Partial<Record<GeneralMechanismId, number>>;
  /** counties the figures do not change whose gap differs from the run without the figures */
  readonly otherGapsChanged: number;
  /** counties the figures do not change */
  readonly otherCounties: number;
  /** per county index with amounts given this year, per transfer given: what the county received in the run without the figures, fen (explain shows it beside the given amount) */
  readonly modelledFen: ReadonlyMap<number, Partial<Record<GeneralMechanismId, number>>>;
}

export interface OwnFiguresRun extends YearRun {
  readonly allocation: AllocationReport;
}

/** The given amounts of one year, by county index. */
function givenInYear(given: GivenTransfers, year: number): Map<number, Partial<Record<GeneralMechanismId, number>>> {
  const out = new Map<number, Partial<Record<GeneralMechanismId, number>>>();
  for (const [c, byYear] of given) {
    const amounts = byYear.get(year);
    if (amounts && Object.keys(amounts).length > 0) out.set(c, amounts);
  }
  return out;
}

/** Run the counties (the user's figures applied) over the settings' years, with allocations as `own.mode` says. */
export function runWithOwnFigures(policy: PolicyData, counties: readonly County[], settings: SimulationSettings, own: OwnFigures): OwnFiguresRun[] {
  if (own.bundled.length !== counties.length || own.bundled.some((c, i) => c.code !== counties[i]!.code)) throw new RangeError('the bundled counties and the run differ in order or codes');
  // the run without the figures: the allocations to hold, and the gaps to compare with
  const bundledRuns = new Map(runSimulation(policy, own.bundled, { ...settings, onYear: undefined, fixedAllocations: undefined, items: undefined }).map((r) => [r.year, r]));
  const fixedAllocations = (year: number): FixedAllocations | undefined => {
    const givenFen = givenInYear(own.given, year);
    const bundled = own.mode === 'hold' ? bundledRuns.get(year) : undefined;
    if (!bundled && givenFen.size === 0) return undefined;
    return { ...(bundled ? { held: heldAllocationsOf(bundled.result) } : {}), ...(givenFen.size ? { givenFen } : {}) };
  };
  const runs = runSimulation(policy, counties, { ...settings, fixedAllocations });
  return runs.map((run) => {
    const bundled = bundledRuns.get(run.year)!;
    let otherGapsChanged = 0;
    run.result.counties.forEach((r, c) => {
      if (!own.changed.has(c) && r.gapFen !== bundled.result.counties[c]!.gapFen) otherGapsChanged++;
    });
    const modelledFen = new Map<number, Partial<Record<GeneralMechanismId, number>>>();
    for (const [c, amounts] of givenInYear(own.given, run.year)) {
      const received = bundled.result.counties[c]!.generalByMechanismFen;
      modelledFen.set(c, Object.fromEntries(Object.keys(amounts).map((id) => [id, received[id as GeneralMechanismId]])));
    }
    const allocation: AllocationReport = { mode: own.mode, beyondPoolFen: bookedBeyondAllocationFen(run.result), otherGapsChanged, otherCounties: counties.length - own.changed.size, modelledFen };
    return { ...run, allocation };
  });
}

const yuanText = (fen: number): string => (Math.abs(fen) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** What the run does with the allocations, said before it runs (in the message language). */
export function allocationModeNote(mode: AllocationMode): string {
  return mode === 'hold'
    ? say({ zh: '分配保持：各项一般性转移支付按不含你的数据的内置数据分配（资金池与各省数字不变），你的数据只进入所涉县自身的账户，其他县的结果与不用覆盖文件时完全相同；要让你的数据参与分配公式、重新分配资金池，请加 --reallocate', en: 'allocations held: every general transfer is allocated on the bundled data without your figures (pools and provinces as they were), your figures enter only their own counties\' accounts, and every other county\'s results are exactly those of the run without the override; --reallocate lets them enter the allocation formulas and re-share the pools' })
    : say({ zh: '重新分配（--reallocate）：你的数据参与各项一般性转移支付的分配公式，资金池在各县之间重新分配，其他县的转移支付和缺口随之改变', en: 'allocations re-shared (--reallocate): your figures enter the general transfers\' allocation formulas, the pools are re-shared, and other counties\' transfers and gaps move with them' });
}

/** What the allocations came to in a year (in the message language): the other counties' gaps, and pools the given amounts no longer sum to. */
export function allocationNotes(year: number, report: AllocationReport): string[] {
  const notes = [
    report.mode === 'hold'
      ? say({ zh: `${year}年：分配保持，其他 ${report.otherCounties} 个县中缺口改变的有 ${report.otherGapsChanged} 个`, en: `${year}: allocations held; the gaps of ${report.otherGapsChanged} of the ${report.otherCounties} other counties changed` })
      : say({ zh: `${year}年：重新分配后，其他 ${report.otherCounties} 个县中有 ${report.otherGapsChanged} 个县的缺口改变`, en: `${year}: re-sharing the pools changed the gaps of ${report.otherGapsChanged} of the ${report.otherCounties} other counties` }),
  ];
  for (const [id, fen] of Object.entries(report.beyondPoolFen) as Array<[GeneralMechanismId, number]>) {
    const m = MECHANISM_NAMES[id];
    notes.push(
      say({
        zh: `${year}年：你给出的${m.zh}实收数使各县合计${fen > 0 ? '多于' : '少于'}其分配额 ${yuanText(fen)} 元，该资金池不再等于其引用数`,
        en: `${year}: the amounts your files give for the ${m.en} put the counties' total ${yuanText(fen)} yuan ${fen > 0 ? 'above' : 'below'} its allocation, so the pool no longer sums to its cited figure`,
      }),
    );
  }
  return notes;
}

/**
 * The chain behind one county's gap, for `fiscal-sim explain`: each item's driver, coverage,
 * eligibility and standard with their sources, the rule and its shares, the transfers and
 * the gap, every figure from the model's own rows, in Chinese or English.
 */
import type { PolicyData } from '../input/policyData.ts';
import { sourceInForce } from '../input/policyLookups.ts';
import type { Source } from '../input/sourceSchema.ts';
import { FIXED_COLUMNS } from '../input/countyColumns.ts';
import type { Lang } from '../i18n/lang.ts';
import { money } from '../i18n/money.ts';
import { describeSource } from '../i18n/sources.ts';
import { inLang } from '../i18n/text.ts';
import { unitLabel } from '../i18n/units.ts';
import { basisFactor } from '../model/cost/beneficiaries.ts';
import { formatYuan, PPM } from '../model/money.ts';
import { groupValue, valueFor } from '../model/parameters.ts';
import { eligibilityValue } from '../model/cost/beneficiaries.ts';
import type { YearRun } from '../simulation/runSimulation.ts';
import { countyFlag } from '../model/county.ts';
import { GENERAL_MECHANISMS, MECHANISM_NAMES, type GeneralMechanismId } from '../model/transfers/mechanisms.ts';
import type { OverriddenValue } from '../input/overrideApply.ts';
import type { AllocationReport } from '../simulation/ownFigures.ts';
import { EXPLAIN_TEXT } from './explainText.ts';

/** One formatter per number of digits (n.toLocaleString('en-US', …) builds a new one on every call). */
const FORMATS = new Map<number, Intl.NumberFormat>();
const num = (n: number, digits = 2): string => {
  let f = FORMATS.get(digits);
  if (!f) FORMATS.set(digits, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits })));
  return f.format(n);
};

/** A county column's name: its Chinese header (the first alias) in Chinese, its id in English. */
const COLUMN_ZH = new Map(FIXED_COLUMNS.map((c) => [c.name, c.aliases[0] ?? c.name]));

/** A transfer column an override gives (`transfer_eco_zone_2012`): the transfer and year. */
function transferColumn(column: string): { id: GeneralMechanismId; year: number } | undefined {
  const m = /^transfer_(.+)_(\d{4})$/.exec(column);
  return m && (GENERAL_MECHANISMS as readonly string[]).includes(m[1]!) ? { id: m[1] as GeneralMechanismId, year: Number(m[2]) } : undefined;
}

/** An override's amount in yuan as fen. */
const yuanToFen = (value: OverriddenValue['value']): number => Math.round(Number(value) * 100);

/**
 * The values the override files set for the county, each with where it came from: a county
 * value beside the bundled one; a transfer received, for the year explained, beside the model's
 * allocation it replaced, and for another year, saying that the year explained uses the model's.
 */
export function explainOverrides(own: readonly OverriddenValue[], run: YearRun & { readonly allocation?: AllocationReport }, countyIndex: number, lang: Lang): string {
  const m = inLang(EXPLAIN_TEXT, lang);
  const modelled = run.allocation?.modelledFen.get(countyIndex);
  const lines = own.map((v) => {
    const t = transferColumn(v.column);
    if (!t) return m.overriddenValue(v.column, String(v.value), v.bundled === undefined ? '—' : String(v.bundled), v.from);
    if (t.year !== run.year) return m.givenTransferOtherYear(v.column, formatYuan(yuanToFen(v.value)), t.year, run.year, v.from);
    return m.givenTransferUsed(v.column, formatYuan(yuanToFen(v.value)), t.year, formatYuan(modelled?.[t.id] ?? 0), v.from);
  });
  return [m.overriddenHeading, ...lines].join('\n');
}

export function explainCounty(run: YearRun & { readonly allocation?: AllocationReport }, countyIndex: number, policy: PolicyData, lang: Lang, own: readonly OverriddenValue[] = []): string {
  const m = inLang(EXPLAIN_TEXT, lang);
  const zh = lang === 'zh';
  const col = (name: string): string => (zh ? (COLUMN_ZH.get(name) ?? name) : name);
  const yes = (b: boolean): string => (b ? m.yes : m.no);
  const src = (s: Source | undefined): string => (s ? `[${describeSource(s, lang)}]` : '');
  const y = formatYuan;
  const c = run.counties[countyIndex]!;
  // this county's row alone (result.counties would build every county's row object)
  const r = run.result.countyTable.row(countyIndex);
  const p = run.params;
  const out: string[] = [];
  out.push(m.heading(c.name, c.code, c.prefecture, c.province, run.year));
  out.push(m.flags(m.region[c.regionGroup], c.tier2018, yes(c.directlyManaged), yes(c.difficult), yes(c.nutritionPilot), c.costIndex));
  out.push(m.basis(p.basis === 'registered' ? m.basisRegistered : m.basisResident, p.basis === 'registered' ? num(basisFactor(c, p.basis), 4) : undefined, num(c.drivers['resident_pop'] ?? 0, 0)));
  out.push('');
  out.push(m.section1);
  const split = p.localSplit(c.provinceCode);
  const localSplit = c.directlyManaged ? split.directlyManaged : split.throughPrefecture;
  for (const it of run.result.items.forCounty(countyIndex)) {
    const ip = p.items[it.itemIndex]!;
    const entry = policy.items.find((e) => e.id === ip.id);
    const rule = policy.rules.get(ip.rule.id);
    out.push(`  ${ip.id}  ${zh ? ip.nameZh : `${ip.nameZh} / ${ip.nameEn}`}`);
    const flagOf = (when: string): boolean => c[when === 'nutrition_pilot' ? 'nutritionPilot' : when === 'difficult' ? 'difficult' : 'directlyManaged'];
    const elig = ip.eligibility
      .map((e) => {
        const factor = entry?.eligibility.find((x) => x.id === e.id);
        // Chinese names the factor by its Chinese description; English by its id
        const name = zh && factor?.description_zh ? factor.description_zh : e.id;
        const flag = e.when ? (zh ? `（${col(e.when)}：${yes(flagOf(e.when))}）` : ` (${col(e.when)}: ${yes(flagOf(e.when))})`) : '';
        return ` × ${name}${flag} ${num(eligibilityValue(e, c), 6)}${typeof e.value === 'function' ? ` ${m.formula}` : ''} ${src(factor?.source)}`;
      })
      .join('');
    out.push(`    ${m.beneficiaries} = ${col(ip.driver)} ${num(c.drivers[ip.driver] ?? 0, 2)} × ${m.coverage} ${num(valueFor(ip.coverage, c), 6)}${typeof ip.coverage === 'function' ? ` ${m.formula}` : ''} ${src(entry?.coverage.source)}${elig}${p.basis === 'registered' ? ` × ${m.basisWord} ${num(basisFactor(c, p.basis), 4)}` : ''} = ${num(it.beneficiaries)}`);
    const annualUnit = unitLabel((entry?.standard?.unit ?? 'yuan/beneficiary/year').replace(/\/(month|day)$/, '/year'), lang);
    out.push(`    ${m.standard(num(valueFor(ip.annualStandard, c)), annualUnit)}${typeof ip.annualStandard === 'function' ? ` ${m.formula}` : ''} ${src(entry?.standard ? sourceInForce(policy, `standards.${ip.id}.standard`, run.year, entry.standard.source) : undefined)}`);
    out.push(`    ${m.cost(y(it.costFen))}`);
    let ruleText = zh ? `${ip.rule.id}（${rule?.wording_zh ?? ip.rule.kind}）` : `${ip.rule.id} (${ip.rule.kind}; ${rule?.wording_zh ?? ''})`;
    if (ip.rule.centralSharePpm) ruleText += m.centralShare(groupValue(ip.rule.centralSharePpm, c.regionGroup, c.tier2018) / PPM, m.grouping[ip.rule.centralSharePpm.by]);
    if (ip.rule.centralAmount) ruleText += m.centralAmount(groupValue(ip.rule.centralAmount, c.regionGroup, c.tier2018), m.grouping[ip.rule.centralAmount.by]);
    if (ip.rule.kind === 'pilot') ruleText += c.nutritionPilot && ip.rule.pilotFlag === 'nutrition_pilot' ? m.pilotYes : m.pilotNo;
    if (ip.rule.kind === 'subsidy_difficult') ruleText += c.difficult ? m.difficultYes : m.difficultNo;
    out.push(`    ${m.rule} ${ruleText} ${src(rule?.central_share?.source ?? rule?.central_amount?.source)}`);
    out.push(`    → ${m.splitLine(y(it.centralFen), y(it.provincialFen), y(it.prefectureFen), y(it.countyFen), localSplit.map((x) => x / PPM).join(' / '))}`);
    out.push(`    → ${m.earmarked(y(it.specialFen), it.retainedFen ? y(it.retainedFen) : undefined)}`);
  }
  const prov = run.result.provinces.find((x) => x.provinceCode === c.provinceCode);
  const t = p.transfers;
  const eq = t.equalization;
  const tp = (name: string): string => src(policy.transfers[name]?.source);
  const mech = policy.mechanisms;
  const mechName = (id: keyof typeof MECHANISM_NAMES): string => (zh ? MECHANISM_NAMES[id].zh : `${MECHANISM_NAMES[id].zh} / ${MECHANISM_NAMES[id].en}`);
  // where the amount of each transfer received came from, when the override files give it in some year
  const modelled = run.allocation?.modelledFen.get(countyIndex);
  const origin = (id: GeneralMechanismId): string => {
    const given = own.map((v) => ({ v, t: transferColumn(v.column) })).filter((x) => x.t?.id === id);
    if (given.length === 0) return '';
    const here = given.find((x) => x.t!.year === run.year);
    if (here) return m.receivedGiven(here.v.from, y(modelled?.[id] ?? 0));
    return m.receivedModelled(given.map((x) => x.t!.year).sort((a, b) => a - b).join(zh ? '、' : ', '));
  };
  out.push('');
  out.push(m.section2);
  out.push(`  ${m.planCost(y(r.standardCostFen), y(r.centralFen), y(r.provincialFen), y(r.prefectureFen), y(r.countyFen))}`);
  const staff = c.drivers['fiscal_staff'] ?? 0;
  out.push(`  ${m.salaries} = ${m.staff} ${num(staff, 0)} × ${num(t.guarantee.salaryStandard)} ${tp('guarantee_salary_standard')} = ${y(r.salaryFen)}`);
  out.push(`  ${m.running} = ${num(staff, 0)} × ${num(t.guarantee.runningStandard)} ${tp('guarantee_running_standard')} = ${y(r.runningFen)}`);
  out.push(`  ${m.otherMandated} = ${m.residents} ${num(r.population, 0)} × ${num(t.otherMandatedPerResident)} ${tp('other_mandated_standard')} = ${y(r.otherMandatedFen)}`);
  out.push(`  ${m.needs} = ${y(r.standardCostFen)} + ${y(r.salaryFen)} + ${y(r.runningFen)} + ${y(r.otherMandatedFen)} = ${y(r.needsFen)}`);
  out.push('');
  out.push(m.section3);
  out.push(`  ${m.ownRevenue} ${y(r.ownRevenueFen)}`);
  out.push(`  ${m.rebates(y(r.rebatesFen), y(r.rebateTwoTaxFen), y(r.rebateIncomeTaxFen), y(r.rebateOilFen))}`);
  out.push(`  ${m.subsidyRemittance(y(r.systemSubsidyFen), y(r.remittanceFen))}`);
  for (const pool of t.pools) {
    const spec = mech.pools.find((x) => x.id === pool.id)!;
    const eligible = pool.flag ? `${col(pool.flag)} ${yes(countyFlag(c, pool.flag))}` : m.everyCounty;
    const regions = pool.regionGroups ? m.regions(pool.regionGroups.map((g) => m.region[g]).join('/')) : '';
    const weight = pool.weight.kind === 'driver' ? m.byDriver(col(pool.weight.driver)) : pool.weight.kind === 'standard_gap' ? m.byStandardGap : m.equalShares;
    out.push(`  ${mechName(pool.id)}${m.pool(y(pool.poolFen), tp(spec.pool), eligible, regions, weight, pool.countySharePpm / PPM, src(spec.source), y(r.generalByMechanismFen[pool.id]))}${origin(pool.id)}`);
  }
  out.push(`  ${m.eqHeader(mechName('equalization'), src(mech.equalization.source))}`);
  const fnName = (id: string): string => (lang === 'zh' ? (mech.equalization.functions.find((x) => x.id === id)?.name_zh ?? id) : id);
  const fns = eq.functions.map((f) => `${fnName(f.id)} ${num(f.drivers.reduce((a, d) => a + (c.drivers[d] ?? 0), 0), 0)} × ${num(f.unitStandard)}`).join(' + ');
  out.push(`    ${m.standardExpenditure(fns, num(r.costCoefficient, 4), y(r.standardExpenditureFen))}`);
  const ownStd = r.standardRevenueFen - (r.rebatesFen + r.systemSubsidyFen - r.remittanceFen) - t.pools.reduce((a, x) => a + r.generalByMechanismFen[x.id], 0);
  out.push(`    ${m.standardRevenue(eq.standardRevenueRatePpm / PPM, tp('standard_revenue_rate'), y(ownStd), y(r.standardRevenueFen))}`);
  if (prov) {
    out.push(`    ${m.provinceLine(c.provinceCode, y(prov.standardExpenditureFen), y(prov.standardRevenueFen), y(prov.gapFen), num(prov.difficulty, 4), y(prov.centralAllocationFen), num(run.result.centralCoefficient, 6))}`);
    out.push(`    ${m.countyPool(y(prov.poolFen), y(prov.passedDownFen), `${eq.passDownPpm / PPM} ${tp('equalization_pass_down')}`, y(prov.provincialTopUpFen), tp('provincial_top_up_rate'), num(prov.coefficient, 6))}`);
  }
  out.push(`    ${m.countyGap(y(r.standardExpenditureFen), y(r.standardRevenueFen), y(r.equalizationFen), r.generalRetainedByMechanism.equalization ? y(r.generalRetainedByMechanism.equalization) : undefined)}${origin('equalization')}`);
  out.push(`  ${m.mechHeader(mechName('guarantee'), src(mech.guarantee.source))}`);
  const domainName = (d: string): string => {
    const info = policy.domains.find((x) => x.domain === d);
    return zh ? (info?.nameZh ?? d) : d;
  };
  out.push(`    ${m.guaranteeNeeds(t.guarantee.scopeDomains.map(domainName).join(zh ? '、' : ', '), y(r.guaranteeNeedsFen))}`);
  out.push(`    ${m.guaranteeGap(y(r.guaranteeGapFen), `${t.guarantee.closeRatePpm / PPM} ${tp('guarantee_close_rate')}`, y(prov?.guaranteeClosedFen ?? 0), y(prov?.guaranteeTargetFen ?? 0), y(prov?.guaranteeAwardFen ?? 0), `${y(t.guarantee.awardPoolFen)} ${tp('guarantee_award_pool')}`)}`);
  out.push(`    → ${m.guaranteeTransfer(y(r.guaranteeFen), y(r.guaranteeGapAfterFen))}${origin('guarantee')}`);
  out.push(`  ${m.general(y(r.generalFen), r.generalRetainedFen ? y(r.generalRetainedFen) : undefined, tp('prefecture_general_retention_rate'))}`);
  out.push(`  ${m.special(y(r.specialFen), y(r.itemTiedGeneralFen))}`);
  out.push(`  ${m.resources} = ${y(r.ownRevenueFen)} + ${y(r.rebatesFen)} + ${y(r.systemSubsidyFen)} − ${y(r.remittanceFen)} + ${y(r.generalFen)} + ${y(r.specialFen)} = ${y(r.resourcesFen)}`);
  out.push('');
  out.push(m.section4);
  const perResident = num(Math.abs(r.gapFen) / 100 / Math.max(1, r.population));
  if (r.gapFen > 0) out.push(`  ${m.gap(y(r.needsFen), y(r.resourcesFen), y(r.gapFen), money(lang, r.gapFen), perResident)}`);
  else out.push(`  ${m.surplus(y(r.needsFen), y(r.resourcesFen), y(r.gapFen), y(-r.gapFen), money(lang, -r.gapFen), perResident)}`);
  out.push(`  ${m.planGap(y(r.ownBurdenFen), y(r.planGapFen))}`);
  out.push(`  ${m.guaranteeGapLine(y(r.guaranteeGapFen), y(r.guaranteeGapAfterFen))}`);
  return out.join('\n');
}

/**
 * The chain behind one county's gap, for `fiscal-sim explain`: each item's driver, coverage,
 * eligibility and standard with their sources, the rule and its shares, the transfers and
 * the gap, every figure from the model's own rows.
 */
import { sourceInForce, type PolicyData } from '../input/policyData.ts';
import { describeSource, type Source } from '../input/sourceSchema.ts';
import { basisFactor } from '../model/cost/beneficiaries.ts';
import { formatYuan, PPM } from '../model/money.ts';
import { groupValue, valueFor } from '../model/parameters.ts';
import { eligibilityValue } from '../model/cost/beneficiaries.ts';
import type { YearRun } from '../simulation/runSimulation.ts';
import { countyFlag } from '../model/county.ts';
import { MECHANISM_NAMES } from '../model/transfers/mechanisms.ts';

const num = (n: number, digits = 2): string => n.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits });
const src = (s: Source | undefined): string => (s ? `[${describeSource(s)}]` : '');

export function explainCounty(run: YearRun, countyIndex: number, policy: PolicyData): string {
  const c = run.counties[countyIndex]!;
  const r = run.result.counties[countyIndex]!;
  const p = run.params;
  const out: string[] = [];
  out.push(`${c.name} (${c.code}), ${c.prefecture}, ${c.province} — ${run.year}`);
  out.push(`  region group ${c.regionGroup}, 2018 tier ${c.tier2018}; directly managed: ${c.directlyManaged ? 'yes' : 'no'}; difficult area: ${c.difficult ? 'yes' : 'no'}; nutrition pilot: ${c.nutritionPilot ? 'yes' : 'no'}; cost index ${c.costIndex}`);
  out.push(`  population basis: ${p.basis}${p.basis === 'registered' ? ` (drivers × ${num(basisFactor(c, p.basis), 4)})` : ''}; resident population ${num(c.drivers['resident_pop'] ?? 0, 0)}`);
  out.push('');
  out.push('1. Cost of each item = beneficiaries × unit standard × cost index, and who pays it');
  const split = p.localSplit(c.provinceCode);
  const localSplit = c.directlyManaged ? split.directlyManaged : split.throughPrefecture;
  for (const it of run.result.items.forCounty(countyIndex)) {
    const ip = p.items[it.itemIndex]!;
    const entry = policy.items.find((e) => e.id === ip.id);
    const rule = policy.rules.get(ip.rule.id);
    out.push(`  ${ip.id}  ${ip.nameZh} / ${ip.nameEn}`);
    const elig = ip.eligibility.map((e) => ` × ${e.id}${e.when ? ` (${e.when}: ${c[e.when === 'nutrition_pilot' ? 'nutritionPilot' : e.when === 'difficult' ? 'difficult' : 'directlyManaged'] ? 'yes' : 'no'})` : ''} ${num(eligibilityValue(e, c), 6)}${typeof e.value === 'function' ? ' (formula)' : ''} ${src(entry?.eligibility.find((x) => x.id === e.id)?.source)}`).join('');
    out.push(`    beneficiaries = ${ip.driver} ${num(c.drivers[ip.driver] ?? 0, 2)} × coverage ${num(valueFor(ip.coverage, c), 6)}${typeof ip.coverage === 'function' ? ' (formula)' : ''} ${src(entry?.coverage.source)}${elig}${p.basis === 'registered' ? ` × basis ${num(basisFactor(c, p.basis), 4)}` : ''} = ${num(it.beneficiaries)}`);
    out.push(`    standard ${num(valueFor(ip.annualStandard, c))} yuan per beneficiary per year${typeof ip.annualStandard === 'function' ? ' (formula)' : ''} ${src(entry?.standard ? sourceInForce(policy, `standards.${ip.id}.standard`, run.year, entry.standard.source) : undefined)}`);
    out.push(`    cost = ${formatYuan(it.costFen)} yuan`);
    let ruleText = `${ip.rule.id} (${ip.rule.kind}; ${rule?.wording_zh ?? ''})`;
    if (ip.rule.centralSharePpm) ruleText += `: central share ${groupValue(ip.rule.centralSharePpm, c.regionGroup, c.tier2018) / PPM} by ${ip.rule.centralSharePpm.by}`;
    if (ip.rule.centralAmount) ruleText += `: central ${groupValue(ip.rule.centralAmount, c.regionGroup, c.tier2018)} yuan per beneficiary by ${ip.rule.centralAmount.by}`;
    if (ip.rule.kind === 'pilot') ruleText += c.nutritionPilot && ip.rule.pilotFlag === 'nutrition_pilot' ? ' — pilot county: central pays all' : ' — not a pilot county';
    if (ip.rule.kind === 'subsidy_difficult') ruleText += c.difficult ? ' — difficult area: subsidy applies' : ' — not a difficult area: no central subsidy';
    out.push(`    rule ${ruleText} ${src(rule?.central_share?.source ?? rule?.central_amount?.source)}`);
    out.push(`    → central ${formatYuan(it.centralFen)} | provincial ${formatYuan(it.provincialFen)} | prefecture ${formatYuan(it.prefectureFen)} | county ${formatYuan(it.countyFen)}   (local split ${localSplit.map((x) => x / PPM).join(' / ')})`);
    out.push(`    → earmarked transfer received ${formatYuan(it.specialFen)}${it.retainedFen ? `, kept by the prefecture ${formatYuan(it.retainedFen)}` : ''}`);
  }
  const prov = run.result.provinces.find((x) => x.provinceCode === c.provinceCode);
  const t = p.transfers;
  const eq = t.equalization;
  const tp = (name: string): string => src(policy.transfers[name]?.source);
  const m = policy.mechanisms;
  out.push('');
  out.push('2. Needs 支出需求 (yuan)');
  out.push(`  plan standard cost ${formatYuan(r.standardCostFen)} = central ${formatYuan(r.centralFen)} + provincial ${formatYuan(r.provincialFen)} + prefecture ${formatYuan(r.prefectureFen)} + county ${formatYuan(r.countyFen)} (section 1)`);
  const staff = c.drivers['fiscal_staff'] ?? 0;
  out.push(`  salaries 保工资 = staff on establishment ${num(staff, 0)} × ${num(t.guarantee.salaryStandard)} ${tp('guarantee_salary_standard')} = ${formatYuan(r.salaryFen)}`);
  out.push(`  running costs 保运转 = ${num(staff, 0)} × ${num(t.guarantee.runningStandard)} ${tp('guarantee_running_standard')} = ${formatYuan(r.runningFen)}`);
  out.push(`  other mandated spending = residents ${num(r.population, 0)} × ${num(t.otherMandatedPerResident)} ${tp('other_mandated_standard')} = ${formatYuan(r.otherMandatedFen)}`);
  out.push(`  needs = ${formatYuan(r.standardCostFen)} + ${formatYuan(r.salaryFen)} + ${formatYuan(r.runningFen)} + ${formatYuan(r.otherMandatedFen)} = ${formatYuan(r.needsFen)}`);
  out.push('');
  out.push('3. Resources 可用财力 (yuan; the fiscal columns are estimates unless the county file holds real data)');
  out.push(`  own revenue 本级收入 ${formatYuan(r.ownRevenueFen)}`);
  out.push(`  tax rebates 税收返还 ${formatYuan(r.rebatesFen)} = two-tax ${formatYuan(r.rebateTwoTaxFen)} + income-tax base ${formatYuan(r.rebateIncomeTaxFen)} + refined-oil ${formatYuan(r.rebateOilFen)}`);
  out.push(`  system subsidy 体制补助 ${formatYuan(r.systemSubsidyFen)}; remittance 上解 −${formatYuan(r.remittanceFen)}`);
  for (const pool of t.pools) {
    const spec = m.pools.find((x) => x.id === pool.id)!;
    const eligible = pool.flag ? `${pool.flag} ${countyFlag(c, pool.flag) ? 'yes' : 'no'}` : 'every county';
    const regions = pool.regionGroups ? `, regions ${pool.regionGroups.join('/')}` : '';
    const weight = pool.weight.kind === 'driver' ? `by ${pool.weight.driver}` : pool.weight.kind === 'standard_gap' ? 'by standard gap' : 'equal shares';
    out.push(`  ${MECHANISM_NAMES[pool.id].zh} / ${MECHANISM_NAMES[pool.id].en}: pool ${formatYuan(pool.poolFen)} ${tp(spec.pool)}, eligible: ${eligible}${regions}, ${weight}, county share ${pool.countySharePpm / PPM} ${src(spec.source)} → ${formatYuan(r.generalByMechanismFen[pool.id])}`);
  }
  out.push(`  ${MECHANISM_NAMES.equalization.zh} / ${MECHANISM_NAMES.equalization.en} (财预〔2011〕392号) ${src(m.equalization.source)}:`);
  const fns = eq.functions.map((f) => `${f.id} ${num(f.drivers.reduce((a, d) => a + (c.drivers[d] ?? 0), 0), 0)} × ${num(f.unitStandard)}`).join(' + ');
  out.push(`    standard expenditure = (${fns}) × cost-difference coefficient ${num(r.costCoefficient, 4)} = ${formatYuan(r.standardExpenditureFen)}`);
  const ownStd = r.standardRevenueFen - (r.rebatesFen + r.systemSubsidyFen - r.remittanceFen) - t.pools.reduce((a, x) => a + r.generalByMechanismFen[x.id], 0);
  out.push(`    standard revenue = tax base × ${eq.standardRevenueRatePpm / PPM} ${tp('standard_revenue_rate')} (${formatYuan(ownStd)}) + rebates, subsidy − remittance + the transfers above = ${formatYuan(r.standardRevenueFen)}`);
  if (prov) {
    out.push(`    province ${c.provinceCode}: grossed-up standard expenditure ${formatYuan(prov.standardExpenditureFen)}, revenue ${formatYuan(prov.standardRevenueFen)}, gap ${formatYuan(prov.gapFen)} × difficulty ${num(prov.difficulty, 4)}; central allocation ${formatYuan(prov.centralAllocationFen)} (national coefficient ${num(run.result.centralCoefficient, 6)})`);
    out.push(`    county pool ${formatYuan(prov.poolFen)} = passed down ${formatYuan(prov.passedDownFen)} (${eq.passDownPpm / PPM} ${tp('equalization_pass_down')}) + provincial top-up ${formatYuan(prov.provincialTopUpFen)} ${tp('provincial_top_up_rate')}; county coefficient ${num(prov.coefficient, 6)}`);
  }
  out.push(`    county gap max(0, ${formatYuan(r.standardExpenditureFen)} − ${formatYuan(r.standardRevenueFen)}) → transfer ${formatYuan(r.equalizationFen)}${r.generalRetainedByMechanism.equalization ? ` (the prefecture kept ${formatYuan(r.generalRetainedByMechanism.equalization)})` : ''}`);
  out.push(`  ${MECHANISM_NAMES.guarantee.zh} / ${MECHANISM_NAMES.guarantee.en} ${src(m.guarantee.source)}:`);
  out.push(`    guarantee needs = salaries + running + county share of ${t.guarantee.scopeDomains.join(', ')} items = ${formatYuan(r.guaranteeNeedsFen)}`);
  out.push(`    guarantee gap before = ${formatYuan(r.guaranteeGapFen)}; close rate ${t.guarantee.closeRatePpm / PPM} ${tp('guarantee_close_rate')}; province closed ${formatYuan(prov?.guaranteeClosedFen ?? 0)} of ${formatYuan(prov?.guaranteeTargetFen ?? 0)} (central award ${formatYuan(prov?.guaranteeAwardFen ?? 0)} from a pool of ${formatYuan(t.guarantee.awardPoolFen)} ${tp('guarantee_award_pool')})`);
  out.push(`    → guarantee transfer ${formatYuan(r.guaranteeFen)}; gap left ${formatYuan(r.guaranteeGapAfterFen)}`);
  out.push(`  general transfers 一般性转移支付 ${formatYuan(r.generalFen)}${r.generalRetainedFen ? ` (after ${formatYuan(r.generalRetainedFen)} kept by the prefecture ${tp('prefecture_general_retention_rate')})` : ''}`);
  out.push(`  earmarked received 专项转移支付 ${formatYuan(r.specialFen)} (of which central money the MoF classes as general: ${formatYuan(r.itemTiedGeneralFen)})`);
  out.push(`  resources = ${formatYuan(r.ownRevenueFen)} + ${formatYuan(r.rebatesFen)} + ${formatYuan(r.systemSubsidyFen)} − ${formatYuan(r.remittanceFen)} + ${formatYuan(r.generalFen)} + ${formatYuan(r.specialFen)} = ${formatYuan(r.resourcesFen)}`);
  out.push('');
  out.push('4. The gap 财力缺口');
  out.push(`  financing gap = needs − resources = ${formatYuan(r.needsFen)} − ${formatYuan(r.resourcesFen)} = ${formatYuan(r.gapFen)}${r.gapFen > 0 ? ' (shortfall 缺口)' : ' (room to spare 结余)'}; per resident ${num(r.gapFen / 100 / Math.max(1, r.population))} yuan`);
  out.push(`  plan gap 规划服务缺口 = min(gap, own burden ${formatYuan(r.ownBurdenFen)}) = ${formatYuan(r.planGapFen)}`);
  out.push(`  guarantee gap 保障缺口 (2010 scope) before ${formatYuan(r.guaranteeGapFen)}, left ${formatYuan(r.guaranteeGapAfterFen)}`);
  return out.join('\n');
}

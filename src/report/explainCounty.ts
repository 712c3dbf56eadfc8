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
  out.push('');
  out.push('2. Totals, transfers and the gap (yuan)');
  out.push(`  standard cost ${formatYuan(r.standardCostFen)} = central ${formatYuan(r.centralFen)} + provincial ${formatYuan(r.provincialFen)} + prefecture ${formatYuan(r.prefectureFen)} + county ${formatYuan(r.countyFen)}`);
  out.push(`  own burden = standard cost − earmarked received ${formatYuan(r.specialFen)} = ${formatYuan(r.ownBurdenFen)}`);
  out.push(`  own revenue ${formatYuan(r.ownRevenueFen)}; other standard expenditure ${formatYuan(r.otherStdExpenditureFen)} (county file; estimates unless the file holds real data)`);
  out.push(`  standard revenue = own revenue × ${t.standardRevenueRatePpm / PPM} ${src(policy.transfers.standard_revenue_rate.source)} = ${formatYuan(r.standardRevenueFen)}`);
  if (prov) {
    out.push(`  equalization: province pool ${formatYuan(prov.poolFen)} = central allocation ${formatYuan(prov.centralAllocationFen)} (central pool × province gap share, coefficient ${num(run.result.centralCoefficient, 6)}) + provincial top-up ${formatYuan(prov.provincialTopUpFen)} (${t.provincialPoolRatePpm / PPM} × counties' own revenue) ${src(policy.transfers.provincial_pool_rate.source)}`);
    out.push(`    county gap for the formula = own burden + other standard expenditure − standard revenue = ${formatYuan(r.ownBurdenFen + r.otherStdExpenditureFen - r.standardRevenueFen)}; × coefficient ${num(prov.coefficient, 6)} → transfer ${formatYuan(r.equalizationFen)}`);
  }
  out.push(`  basic financial guarantee: gap ${formatYuan(r.guaranteeGapFen)} × fill rate ${t.guaranteeFillRatePpm / PPM} ${src(policy.transfers.guarantee_fill_rate.source)} = ${formatYuan(r.guaranteeFen)} (central award ${formatYuan(r.guaranteeCentralFen)})`);
  out.push(`  general transfers = ${formatYuan(r.equalizationFen)} + ${formatYuan(r.guaranteeFen)} = ${formatYuan(r.generalFen)}`);
  out.push(`  capacity = own revenue + general transfers − other standard expenditure = ${formatYuan(r.capacityFen)}`);
  out.push(`  financing gap = own burden − capacity = ${formatYuan(r.gapFen)}${r.gapFen > 0 ? ' (shortfall)' : ' (room to spare)'}; per resident ${num(r.gapFen / 100 / Math.max(1, r.population))} yuan`);
  return out.join('\n');
}

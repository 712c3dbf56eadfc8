/** The readable summary `fiscal-sim compare` prints for one scenario against its base. */
import { formatYuan } from '../model/money.ts';
import type { Comparison } from '../tables/comparison.ts';

export function formatComparison(c: Comparison, baseName: string, scenarioName: string): string {
  const lines: string[] = [`${scenarioName} compared with ${baseName}`];
  for (const year of c.years) {
    const t = c.totals.find((g) => g.year === year)!;
    const f = t.fields;
    lines.push('');
    lines.push(`${year}: ${t.counties} counties`);
    lines.push(`  standard cost      ${formatYuan(f.standardCostFen.base).padStart(22)} → ${formatYuan(f.standardCostFen.scenario).padStart(22)}  (${formatYuan(f.standardCostFen.delta)})`);
    for (const l of c.levels.filter((x) => x.year === year)) {
      lines.push(`    paid by ${l.level.padEnd(10)} ${formatYuan(l.cost.base).padStart(22)} → ${formatYuan(l.cost.scenario).padStart(22)}  (${formatYuan(l.cost.delta)})`);
    }
    lines.push(`  general transfers  ${formatYuan(f.generalFen.base).padStart(22)} → ${formatYuan(f.generalFen.scenario).padStart(22)}  (${formatYuan(f.generalFen.delta)})`);
    lines.push(`  net gap            ${formatYuan(f.gapFen.base).padStart(22)} → ${formatYuan(f.gapFen.scenario).padStart(22)}  (${formatYuan(f.gapFen.delta)})`);
    lines.push('  counties by change in gap per resident:');
    for (const b of c.bands.filter((x) => x.year === year && x.counties > 0)) {
      lines.push(`    ${b.band.label.padEnd(34)} ${String(b.counties).padStart(5)} counties, ${Math.round(b.population).toLocaleString('en-US').padStart(13)} residents`);
    }
    const m = c.measures.find((x) => x.year === year)!;
    lines.push(`  Gini after all transfers ${m.base.afterAll.gini.toFixed(4)} → ${m.scenario.afterAll.gini.toFixed(4)}; Theil ${m.base.afterAll.theil.total.toFixed(4)} → ${m.scenario.afterAll.theil.total.toFixed(4)}`);
  }
  return lines.join('\n');
}

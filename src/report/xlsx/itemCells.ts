/**
 * The workbook's item sheet straight from the item table's typed columns: one array of cell
 * values per county × item, made as the sheet writer asks for it (a generator), never a row
 * object per item nor all rows at once. The values are those the row tables give
 * (src/tables/countyTable.ts itemRows), in ITEM_COLUMNS order, with money as integer fen
 * (the sheet writer turns fen into yuan and display units). Each item's fixed text (id,
 * names, driver, rule) is taken once per year, each county's once. The source of each item's
 * standard is not repeated on every county's row: the parameter sheet (参数与来源) gives it. In
 * Chinese the domain, driver and sharing rule are words (教育, 农村小学生, 中央与地方财政按比例分担),
 * not the CSV's ids.
 */
import type { PolicyData } from '../../input/policyData.ts';
import { valueFor } from '../../model/parameters.ts';
import type { YearRun } from '../../simulation/runSimulation.ts';
import type { SheetCell } from './sheetCells.ts';
import { driverName, type Lang } from '../html/labels.ts';

/** Item cells (ITEM_COLUMNS order, money in fen) of the selected counties, in county then catalog order. */
export function* itemCells(run: YearRun, selected: ReadonlySet<number>, policy: Pick<PolicyData, 'rules' | 'domains'>, lang: Lang = 'en'): Generator<SheetCell[]> {
  const items = run.result.items;
  const per = items.itemsPerCounty;
  const params = run.params.items;
  const zh = lang === 'zh';
  const domainsZh = new Map<string, string>(policy.domains.map((d) => [d.domain, d.nameZh]));
  const domains = params.map((p) => (zh ? (domainsZh.get(p.domain) ?? p.domain) : p.domain));
  const drivers = params.map((p) => (zh ? driverName('zh', p.driver) : p.driver));
  const rules = params.map((p) => (zh ? (policy.rules.get(p.rule.id)?.wording_zh ?? p.rule.id) : p.rule.id));
  const fixedStandard = params.map((p) => (typeof p.annualStandard === 'number' ? String(p.annualStandard) : undefined));
  const { beneficiaries, costFen, centralFen, provincialFen, prefectureFen, countyFen, specialFen, retainedFen } = items.columns;
  const inOrder = [...selected].filter((ci) => ci >= 0 && ci < items.countyCount).sort((a, b) => a - b);
  for (const ci of inOrder) {
    const c = run.counties[ci]!;
    const costIndex = String(c.costIndex);
    for (let i = 0, k = ci * per; i < per; i++, k++) {
      const p = params[i]!;
      yield [
        c.code, c.name, run.year, p.id, p.nameZh, domains[i]!, drivers[i]!,
        beneficiaries[k]!.toFixed(2), fixedStandard[i] ?? String(valueFor(p.annualStandard, c)), costIndex,
        costFen[k]!, centralFen[k]!, provincialFen[k]!, prefectureFen[k]!, countyFen[k]!, specialFen[k]!, retainedFen[k]!,
        rules[i]!,
      ];
    }
  }
}

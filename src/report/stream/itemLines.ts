/**
 * items.csv written from the item table's typed columns, without a row object per line.
 */
import { valueFor } from '../../model/parameters.ts';
import type { YearRun } from '../../simulation/runSimulation.ts';
import { csvField } from '../csv.ts';
import { fenToUnitText, type MoneyUnit } from '../moneyUnits.ts';
import { fenText } from './moneyText.ts';

/**
 * items.csv lines (ITEM_COLUMNS order, no line end) for the selected counties, in county then
 * catalog order, straight from the item table's columns: the same text as itemRows gives
 * through toCsv, without building a row object. Each item's fixed text (id, names, driver,
 * rule) is built once per year, each county's once; the source of its standard is written once
 * per item and year in item_sources.csv, not on every county's row. With a display unit (万元, 亿元)
 * the money columns follow again in that unit (unitColumns).
 */
export function forEachItemLine(run: YearRun, selected: ReadonlySet<number>, emit: (line: string) => void, unit?: MoneyUnit): void {
  const items = run.result.items;
  const per = items.itemsPerCounty;
  const params = run.params.items;
  const year = csvField(String(run.year));
  const middle = params.map((p) => `${year},${csvField(p.id)},${csvField(p.nameZh)},${csvField(p.domain)},${csvField(p.driver)},`);
  const tail = params.map((p) => `,${csvField(p.rule.id)}`);
  const fixedStandard = params.map((p) => (typeof p.annualStandard === 'number' ? csvField(String(p.annualStandard)) : undefined));
  const { beneficiaries, costFen, centralFen, provincialFen, prefectureFen, countyFen, specialFen, retainedFen } = items.columns;
  // display columns in 万元/亿元 after the exact ones (ITEM_MONEY_COLUMNS order); none for yuan
  const display = unit && unit !== 'yuan' ? unit : undefined;
  const selectedInOrder = [...selected].filter((ci) => ci >= 0 && ci < items.countyCount).sort((a, b) => a - b);
  for (const ci of selectedInOrder) {
    const c = run.counties[ci]!;
    const head = `${csvField(c.code)},${csvField(c.name)},`;
    const costIndex = csvField(String(c.costIndex));
    for (let i = 0, k = ci * per; i < per; i++, k++) {
      const p = params[i]!;
      const standard = fixedStandard[i] ?? csvField(String(valueFor(p.annualStandard, c)));
      emit(
        `${head}${middle[i]!}${csvField(beneficiaries[k]!.toFixed(2))},${standard},${costIndex},` +
          `${fenText(costFen[k]!)},${fenText(centralFen[k]!)},${fenText(provincialFen[k]!)},${fenText(prefectureFen[k]!)},${fenText(countyFen[k]!)},${fenText(specialFen[k]!)},${fenText(retainedFen[k]!)}` +
          tail[i]! +
          (display
            ? `,${fenToUnitText(costFen[k]!, display)},${fenToUnitText(centralFen[k]!, display)},${fenToUnitText(provincialFen[k]!, display)},${fenToUnitText(prefectureFen[k]!, display)},${fenToUnitText(countyFen[k]!, display)},${fenToUnitText(specialFen[k]!, display)},${fenToUnitText(retainedFen[k]!, display)}`
            : ''),
      );
    }
  }
}

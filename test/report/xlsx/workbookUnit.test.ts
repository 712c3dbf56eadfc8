/** The workbook with --unit 万元: a 万元 column after each yuan column, and totals equal to the sum of the printed parts. */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicyData } from '../../../src/input/policyData.ts';
import { fenToUnitText } from '../../../src/report/moneyUnits.ts';
import { buildWorkbook } from '../../../src/report/xlsx/workbook.ts';
import { baselineScenario } from '../../../src/scenarios/scenario.ts';
import { runScenario } from '../../../src/simulation/runScenario.ts';
import { DEFAULT_COUNTIES, loadCountySet } from '../../../src/simulation/countySet.ts';
import type { YearRun } from '../../../src/simulation/runSimulation.ts';
import { summarize } from '../../../src/tables/summary.ts';

let wb: ExcelJS.Workbook;
let runs: YearRun[];
let selected: number[];

beforeAll(async () => {
  const policy = loadPolicyData();
  const set = loadCountySet({ countiesFile: DEFAULT_COUNTIES, reference: 'none' });
  runs = runScenario(baselineScenario(policy), set.counties, [2012]);
  selected = set.focus.slice(0, 12);
  const meta = { scenarioName: 'baseline', scenarioTitle: 'baseline', basis: 'resident', version: 'test', countyFiles: ['guangdong_2012.csv'] };
  const bytes = await buildWorkbook({ lang: 'zh', run: runs[0]!, runs, policy, selected, summary: summarize(runs[0]!, selected), meta, unit: 'wan' });
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
}, 300_000);

describe('workbook in 万元', () => {
  it('follows each yuan column with its 万元 column, rounded from the exact fen, and totals the printed parts', () => {
    const ids: string[] = [];
    wb.getWorksheet('列说明')!.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value === '县') ids.push(row.getCell(2).value as string);
    });
    const gap = ids.indexOf('gap') + 1;
    expect(ids[gap]).toBe('gap_wan');
    const ws = wb.getWorksheet('县')!;
    expect(ws.getRow(1).getCell(gap + 1).value as string).toContain('万元');
    let printed = 0;
    for (let r = 2; r < 2 + selected.length; r++) {
      const yuan = ws.getRow(r).getCell(gap).value as number;
      const wan = ws.getRow(r).getCell(gap + 1).value as number;
      const fen = Math.round(yuan * 100);
      expect(wan).toBe(Number(fenToUnitText(fen, 'wan')));
      printed += Math.round(wan * 100);
    }
    const total = ws.getRow(2 + selected.length).getCell(gap + 1).value as { formula: string; result?: number };
    expect(total.formula).toMatch(/^SUM\(/);
    expect(Math.round((total.result ?? 0) * 100)).toBe(printed);
  });
});

/**
 * Issue 11: "结余 is shown for a negative gap". The printed summary never shows a negative
 * 规划服务缺口 or 财力缺口: a negative sum is printed as a surplus with its amount positive.
 */
import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../src/report/terminalSummary.ts';
import type { Totals, YearSummary } from '../../src/tables/summary.ts';
import type { InequalitySummary } from '../../src/model/measures/inequality.ts';

const zeroMeasure: InequalitySummary = { gini: 0, theil: { total: 0, between: 0, within: 0 }, cv: 0, maxMin: 1, decileRatio: 1, mean: 0 };
const measures = { beforeTransfers: zeroMeasure, afterGeneral: zeroMeasure, afterGeneralMof: zeroMeasure, afterAll: zeroMeasure };

function summary(planGapFen: number, gapFen: number): YearSummary {
  const totals = Object.fromEntries(
    ['standardCostFen', 'centralFen', 'provincialFen', 'prefectureFen', 'countyFen', 'specialFen', 'retainedFen', 'ownBurdenFen', 'ownRevenueFen', 'equalizationFen', 'guaranteeFen', 'generalFen', 'itemTiedGeneralFen', 'rebatesFen', 'systemSubsidyFen', 'remittanceFen', 'resourcesFen', 'otherSpendingFen', 'needsFen', 'guaranteeGapFen', 'guaranteeGapAfterFen', 'shortfallFen'].map((k) => [k, 0]),
  ) as unknown as Totals;
  return {
    year: 2012, counties: 2, residents: 1000, countiesInGap: 0, residentsInGap: 0,
    totals: { ...totals, standardCostFen: 1_000_000, planGapFen, gapFen },
    measuresWeighted: measures, measuresUnweighted: measures,
  };
}

describe('terminal summary: a negative gap is a surplus', () => {
  it('zh: 规划服务结余 and 净结余 with positive amounts (万元), shares with a real minus nowhere', () => {
    // −123,456.78 yuan of plan gap = 12.35万元 surplus; −2,000,000.00 yuan net gap = 200.00万元
    const text = formatSummary(summary(-12_345_678, -200_000_000), '测试', 'zh');
    expect(text).toMatch(/规划服务结余（缺口为负）\s+12\.35\s+1234\.6%/);
    expect(text).toMatch(/净结余（Σ缺口为负）\s+200\.00\s+20000\.0%/);
    expect(text).not.toMatch(/规划服务缺口/);
    expect(text).not.toMatch(/净财力缺口/);
    expect(text).not.toMatch(/-\d/);
  });
  it('en: a positive plan gap keeps its label; a negative one is a surplus', () => {
    expect(formatSummary(summary(5_000, 5_000), 'test', 'en')).toMatch(/plan gap 规划服务缺口\s+50\.00\s+0\.5%/);
    expect(formatSummary(summary(-5_000, 5_000), 'test', 'en')).toMatch(/plan surplus 规划服务结余 \(gap below zero\)\s+50\.00\s+0\.5%/);
  });
});

/** CLI lines that used to carry the other language's words: quantile names, units, the year's 年. */
import { describe, expect, it } from 'vitest';
import { CLI_TEXT } from '../../src/cli/cliText.ts';
import { inLang } from '../../src/i18n/text.ts';

const zh = inLang(CLI_TEXT, 'zh');
const en = inLang(CLI_TEXT, 'en');

describe('CLI text in one language', () => {
  it('names Monte Carlo quantiles in Chinese', () => {
    expect(zh.mcHeading(4, 20120101, 'q05', 'q95')).toBe('蒙特卡洛模拟：4 次抽样，种子 20120101；中位数 [5% 分位数，95% 分位数]');
    expect(zh.mcHeading(4, 1, 'q2_5', 'q97_5')).toBe('蒙特卡洛模拟：4 次抽样，种子 1；中位数 [2.5% 分位数，97.5% 分位数]');
    expect(en.mcHeading(4, 1, 'q05', 'q95')).toBe('Monte Carlo: 4 draws, seed 1; median [q05, q95]');
  });
  it('gives English units in English', () => {
    expect(en.mcColumns.shortfall).toBe('shortfall (100 m yuan)');
    expect(en.mcMostLikely(2012)).toBe('Counties most likely to be in a gap in 2012: P(gap), mean gap (10,000 yuan)');
  });
  it('writes the year of validate with 年', () => {
    expect(zh.validateTitle('baseline', 2858, '2012')).toBe('fiscal-sim validate — baseline，2858 个县，2012 年');
  });
});

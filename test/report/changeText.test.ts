/** A scenario's parameter changes in words on the comparison page, not as JSON. */
import { describe, expect, it } from 'vitest';
import { changeText } from '../../src/report/html/parameterText.ts';
import { changesBeyondBase } from '../../src/report/html/comparisonReport.ts';

const zh = { lang: 'zh' as const, colon: '：' };
const en = { lang: 'en' as const, colon: ': ' };

describe('changeText', () => {
  it('gives each year a value with its unit, in Chinese and in English', () => {
    const change = { file: 'raise.yaml', byYear: [{ from: 2014, value: 70 }, { from: 2016, value: 85.5 }] };
    expect(changeText(zh, change, 'yuan/person/month')).toBe('raise.yaml：2014年起 70 元/人/月；2016年起 85.5 元/人/月');
    expect(changeText(en, change, 'yuan/person/month')).toBe('raise.yaml: from 2014, 70 yuan/person/month; from 2016, 85.5 yuan/person/month');
  });
  it('names region groups and tiers, and writes shares without a unit', () => {
    const regions = { file: 'b.yaml', byYear: [{ from: 2012, value: { by: 'region_group', west: 500, central: 500, east: 550 } }] };
    expect(changeText(zh, regions, 'yuan/pupil/year')).toBe('b.yaml：2012年起 （按地区组）西部 500，中部 500，东部 550 元/生/年');
    expect(changeText(en, regions, 'yuan/pupil/year')).toBe('b.yaml: from 2012, (by region group) west 500, central 500, east 550 yuan/pupil/year');
    const tiers = { file: 't.yaml', byYear: [{ from: 2012, value: { by: 'tier_2018', 1: 0.8, 2: 0.6 } }] };
    expect(changeText(zh, tiers, 'share')).toBe('t.yaml：2012年起 （按2018年分档）第1档 0.8，第2档 0.6');
  });
  it('groups large amounts, shows a formula as its text and a flag as 是/否', () => {
    expect(changeText(zh, { file: 'p.yaml', byYear: [{ from: 2013, value: 686000000000 }] }, 'yuan')).toBe('p.yaml：2013年起 686,000,000,000 元');
    expect(changeText(zh, { file: 'f.yaml', byYear: [{ from: 2012, value: null, formula: 'base * 1.1' }] }, 'share')).toBe('f.yaml：2012年起 公式 base * 1.1');
    expect(changeText(en, { file: 'g.yaml', byYear: [{ from: 2012, value: true }] }, undefined)).toBe('g.yaml: from 2012, yes');
  });
});

describe('changesBeyondBase', () => {
  const changes = [
    { path: 'standards.si.rural_pension_basic.standard', description: 'baseline_2012.yaml: …' },
    { path: 'standards.si.rural_pension_basic.standard', description: 'raise_basic_pension.yaml: …' },
    { path: 'counties', description: 'raise_basic_pension.yaml: where … set …' },
  ];
  const changeValues = [
    { file: 'baseline_2012.yaml', byYear: [{ from: 2012, value: 55 }] },
    { file: 'raise_basic_pension.yaml', byYear: [{ from: 2014, value: 70 }] },
    undefined,
  ];
  it('leaves out the changes of a parent the base reads too', () => {
    expect(changesBeyondBase({ changes, changeValues, baseFiles: ['baseline_2012.yaml'] }).map((c) => c.description)).toEqual(['raise_basic_pension.yaml: …', 'raise_basic_pension.yaml: where … set …']);
  });
  it('keeps every change against the built-in baseline, which reads no file', () => {
    expect(changesBeyondBase({ changes, changeValues, baseFiles: [] })).toHaveLength(3);
    expect(changesBeyondBase({ changes })).toHaveLength(3);
  });
});

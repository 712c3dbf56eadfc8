import { describe, expect, it } from 'vitest';
import { chooseLang, langArgument, langFromLocale, parseLang } from '../../src/i18n/lang.ts';
import { inLang, pick, type Messages } from '../../src/i18n/text.ts';
import { unitLabel } from '../../src/i18n/units.ts';
import { money, moneyIn, signedMoney, yuanCompact, yuanExact } from '../../src/i18n/money.ts';
import { describeSource } from '../../src/i18n/sources.ts';

describe('choosing the language', () => {
  it('reads the locale: zh* → zh, en* → en, unset / C / POSIX / other → zh', () => {
    expect(langFromLocale({})).toBe('zh');
    expect(langFromLocale({ LANG: 'C' })).toBe('zh');
    expect(langFromLocale({ LANG: 'POSIX' })).toBe('zh');
    expect(langFromLocale({ LANG: 'C.UTF-8' })).toBe('zh');
    expect(langFromLocale({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(langFromLocale({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(langFromLocale({ LANG: 'fr_FR.UTF-8' })).toBe('zh');
  });
  it('takes LC_ALL over LC_MESSAGES over LANG, skipping empty values', () => {
    expect(langFromLocale({ LC_ALL: 'en_GB.UTF-8', LC_MESSAGES: 'zh_CN', LANG: 'zh_CN' })).toBe('en');
    expect(langFromLocale({ LC_ALL: '', LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'en_US' })).toBe('zh');
    expect(langFromLocale({ LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US' })).toBe('en');
  });
  it('takes --lang over FISCAL_SIM_LANG over the locale', () => {
    expect(chooseLang(['node', 'x', 'run', '--lang', 'en'], { FISCAL_SIM_LANG: 'zh', LANG: 'zh_CN' })).toEqual({ lang: 'en' });
    expect(chooseLang(['node', 'x', 'run', '--lang=zh'], { FISCAL_SIM_LANG: 'en', LANG: 'en_US' })).toEqual({ lang: 'zh' });
    expect(chooseLang(['node', 'x', 'run'], { FISCAL_SIM_LANG: 'en', LANG: 'zh_CN' })).toEqual({ lang: 'en' });
    expect(chooseLang(['node', 'x', 'run'], { FISCAL_SIM_LANG: '', LANG: 'en_US.UTF-8' })).toEqual({ lang: 'en' });
    expect(chooseLang(['node', 'x', 'run'], {})).toEqual({ lang: 'zh' });
  });
  it('reports a language it does not have, naming the value', () => {
    const c = chooseLang(['node', 'x', '--lang', 'fr'], { LANG: 'en_US' });
    expect(c.lang).toBe('en');
    expect(c.problem).toContain('"fr"');
    expect(chooseLang([], { FISCAL_SIM_LANG: 'de' }).problem).toContain('FISCAL_SIM_LANG="de"');
  });
  it('parses language names and finds the last --lang before --', () => {
    expect(parseLang('zh-CN')).toBe('zh');
    expect(parseLang('EN_us')).toBe('en');
    expect(parseLang('jp')).toBeUndefined();
    expect(langArgument(['--lang', 'zh', 'run', '--lang=en'])).toBe('en');
    expect(langArgument(['run', '--', '--lang', 'en'])).toBeUndefined();
  });
});

describe('bilingual messages', () => {
  const M = { hello: { zh: '你好', en: 'hello' }, counties: { zh: (n: number) => `${n}个县`, en: (n: number) => `${n} counties` } } satisfies Messages;
  it('picks the language, strings and functions alike', () => {
    expect(pick('zh', M.hello)).toBe('你好');
    expect(inLang(M, 'en').counties(3)).toBe('3 counties');
    expect(inLang(M, 'zh').counties(3)).toBe('3个县');
  });
});

describe('units', () => {
  it('writes catalog units as a finance office does', () => {
    expect(unitLabel('yuan/pupil/year', 'zh')).toBe('元/生/年');
    expect(unitLabel('yuan/person/month', 'zh')).toBe('元/人/月');
    expect(unitLabel('yuan/household/year', 'zh')).toBe('元/户/年');
    expect(unitLabel('yuan/pupil/day', 'zh')).toBe('元/生/天');
    expect(unitLabel('yuan/person-time/year', 'zh')).toBe('元/人次/年');
    expect(unitLabel('yuan/rural resident/year', 'zh')).toBe('元/农村居民/年');
    expect(unitLabel('share', 'zh')).toBe('比例');
    expect(unitLabel('yuan', 'zh')).toBe('元');
    expect(unitLabel('yuan/pupil/year', 'en')).toBe('yuan/pupil/year');
    expect(unitLabel('rate/year', 'en')).toBe('rate per year');
  });
});

describe('money', () => {
  it('shows 元, 万元 and 亿元 in Chinese, yuan, m and bn yuan in English', () => {
    expect(money('zh', 363_700_000_000)).toBe('36.37亿元');
    expect(money('zh', -363_700_000_000)).toBe('−36.37亿元');
    expect(money('zh', 51_200_000)).toBe('51.20万元');
    expect(money('zh', 3_520)).toBe('35.20元');
    expect(money('en', 363_700_000_000)).toBe('3.64 bn yuan');
    expect(moneyIn('zh', 123_456_789_012, 'wan')).toBe('123,456.79万元');
    expect(signedMoney('zh', 120_000_000_00)).toBe('+1.20亿元');
    expect(signedMoney('zh', -3_000_000)).toBe('−3.00万元');
    expect(yuanCompact('zh', 5_000_000_000)).toBe('5,000.00 万元');
    expect(yuanExact(-123_456_789)).toBe('−1,234,567.89');
  });
});

describe('sources', () => {
  it('describes each kind in both languages, with the Chinese note and reasoning', () => {
    const policy = { kind: 'policy', document: '财预〔2011〕392号', note: 'the 2011 formula', note_zh: '2011年公式' } as const;
    expect(describeSource(policy, 'zh')).toBe('政策依据：财预〔2011〕392号（2011年公式）');
    expect(describeSource(policy, 'en')).toBe('policy: 财预〔2011〕392号 (the 2011 formula)');
    const assumption = { kind: 'assumption', reasoning: 'a reasonable guess', reasoning_zh: '合理估计' } as const;
    expect(describeSource(assumption, 'zh')).toBe('假设：合理估计');
    expect(describeSource(assumption, 'en')).toBe('assumption: a reasonable guess');
    const seed = { kind: 'seed', chapter: 4, table: '基本公共教育', quote: '免除学杂费' } as const;
    expect(describeSource(seed, 'zh')).toBe('规划原文 第4章「基本公共教育」：“免除学杂费”');
    expect(describeSource(seed, 'en')).toBe('seed ch.4 table「基本公共教育」: “免除学杂费”');
  });
});

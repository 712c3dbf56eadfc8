/** The language of the command line: --lang, FISCAL_SIM_LANG, the locale; Chinese and English output. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/main.ts';
import { cli } from '../helpers/cliInProcess.ts';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('explain in Chinese and English', () => {
  it('explain 440232 --lang zh: Chinese labels, units and sources, no English units', async () => {
    const r = await cli('explain', '440232', '--lang', 'zh');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^乳源瑶族自治县（440232），韶关市，广东省 — 2012年/);
    for (const label of ['1. 各项目成本', '受益人数 = 农村小学生', '覆盖率', '年标准 550 元/生/年', '分担规则 edu_compulsory_ratio（中央与地方财政按比例分担）', '2. 支出需求（元）', '3. 可用财力', '本级收入', '税收返还', '4. 财力缺口或结余', '财力缺口 = 支出需求 − 可用财力 = ']) {
      expect(r.out).toContain(label);
    }
    // sources in Chinese: the kind, the Chinese reasoning and note
    expect(r.out).toContain('[假设：保障机制按国家统一标准计算工资');
    expect(r.out).toContain('政策依据：国务院关于深化农村义务教育经费保障机制改革的通知（国发〔2005〕43号）；财政部 赵路 2007年2月27日答记者问（中新社）');
    expect(r.out).toMatch(/人均缺口 [\d,.]+ 元/);
    // no English units, labels or source kinds
    expect(r.out).not.toMatch(/yuan\/[a-z]|yuan per|beneficiaries|coverage |assumption:|policy:|seed ch\./);
    expect(r.out).not.toContain('Rough');
  });

  it('explain 440232 --lang en: the English chain', async () => {
    const r = await cli('explain', '440232', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^乳源瑶族自治县 \(440232\), 韶关市, 广东省 — 2012/);
    expect(r.out).toContain('standard 550 yuan per beneficiary per year');
    expect(r.out).toContain('[assumption: the guarantee counts pay at the state');
    expect(r.out).toMatch(/financing gap = needs − resources = [\d,.]+ − [\d,.]+ = [\d,.]+ \(shortfall 缺口\)/);
    expect(r.out).not.toContain('受益人数');
  });

  // 1,721,759,801.10 = the earlier 1,721,675,753.10 + 84,048.00: free textbooks now central in the east (312,120 yuan, of which
  // the upper levels had paid 156,060 → +156,060 received), building maintenance 1,688 × 52 + 890 × 63.2 = 144,024 of needs,
  // of which province and prefecture pay half (72,012 received): +156,060 + 72,012 − 144,024 = +84,048.
  // 1,714,489,317.29 = 1,721,759,801.10 − 7,270,483.81 (issue 10's last fixes): the east's central share of the urban-resident
  // medical subsidy 0.2 → 0.05 (central 19,608,614.02 → 4,902,153.50, of which province and prefecture make up half:
  // −14,706,460.52 + 7,353,230.26), wubao transfers −82,746.43, so resources −7,435,976.69; wubao needs at the fiscal part of
  // the published standards −165,492.88: −7,435,976.69 + 165,492.88 = −7,270,483.81
  // 1,714,700,494.15 = 1,714,489,317.29 + 211,176.86 (issue 10, the mechanism's money): received from upper levels +346,394.62 =
  // running costs at the east's tier share 0.5 instead of 0.2 (+139,260.00 primary, +100,125.00 junior: the centre's extra 0.3
  // less the province's and prefecture's half of the local part it replaces) + the lodging waiver likewise (+6,076.80, +14,685.00)
  // + the 2012 dictionaries (2,578 pupils × 14.46 = 37,277.88, all central) + maintenance at 3.36% (87.36 and 106.18 yuan a pupil
  // instead of 52 and 63.2: province and prefecture pay half, +29,843.84 and +19,126.10); needs +135,217.76 = dictionaries
  // 37,277.88 + maintenance (1,688 × 35.36 = 59,687.68, 890 × 42.98 = 38,252.20)
  it('shows 结余 (surplus) for a county whose gap is negative', async () => {
    const zh = await cli('explain', '440103', '--lang', 'zh');
    expect(zh.code).toBe(0);
    expect(zh.out).toMatch(/结余 = 可用财力 − 支出需求 = [\d,.]+ − [\d,.]+ = 1,714,700,494\.15 元（17\.15亿元）；人均结余/);
    expect(zh.out).not.toContain('财力缺口 = 支出需求');
    const en = await cli('explain', '440103', '--lang', 'en');
    expect(en.out).toMatch(/surplus 结余 = resources − needs = [\d,.]+ − [\d,.]+ = 1,714,700,494\.15 \(financing gap = needs − resources = -1,714,700,494\.15\)/);
  });
});

describe('run summary in Chinese', () => {
  it('tabulates in 万元 and shows the net surplus as 结余, not a negative 财力缺口', async () => {
    const dir = `${process.env['TMPDIR'] ?? '/tmp'}/fiscal-sim-lang-${process.pid}`;
    const r = await cli('run', '--lang', 'zh', '--out', dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^基准，.+ 中的县 — 2012年：123 个县，常住人口 104,320,459 人/);
    expect(r.out).toContain('基本公共服务标准成本，按负担的政府层级（万元）');
    expect(r.out).toMatch(/\n {2}净结余（Σ缺口为负）\s+[\d,]+\.\d\d /);
    expect(r.out).not.toMatch(/净财力缺口|−[\d,.]+亿元/);
    expect(r.out).toMatch(/有财力缺口的县：\d+ 个（共 123 个）/);
    expect(r.err).toMatch(/正在计算 2012 年…\n已计算 \d+ 个县 × 1 年/);
  });
});

describe('choosing the language', () => {
  it('--help in Chinese: headings, commands and options', async () => {
    const help = (await buildProgram('zh')).helpInformation();
    expect(help).toMatch(/^用法： fiscal-sim/);
    expect(help).toContain('命令：');
    expect(help).toContain('解释一个县的财力缺口');
    expect(help).toContain('显示语言：zh（中文，默认）或 en（英文）');
    expect((await buildProgram('en')).helpInformation()).toContain("explain one county's gap");
  });

  it('shows defaults as typed: a list as html,xlsx,csv,json, a year as 2012, and text unquoted in Chinese', async () => {
    const help = async (lang: 'zh' | 'en', command: string): Promise<string> => (await buildProgram(lang)).commands.find((c) => c.name() === command)!.helpInformation().replace(/\s+/g, ' ');
    expect(await help('zh', 'report')).toMatch(/（默认： ?html,xlsx,csv,json）/);
    expect(await help('zh', 'report')).toContain('（默认：./reports）');
    expect(await help('zh', 'sweep')).toContain('（默认：2012）');
    expect(await help('en', 'report')).toContain('(default: html,xlsx,csv,json)');
    expect(await help('en', 'report')).toContain('(default: "./reports")');
    expect(await help('en', 'sweep')).toContain('(default: 2012)');
    for (const lang of ['zh', 'en'] as const) expect(await help(lang, 'report')).not.toMatch(/\["html"|\[2012\]/);
  });

  it('Chinese by default when FISCAL_SIM_LANG is unset and the locale is C; English from an en locale or FISCAL_SIM_LANG', async () => {
    const help = async (command: string): Promise<string> => (await buildProgram()).commands.find((c) => c.name() === command)!.helpInformation();
    vi.stubEnv('FISCAL_SIM_LANG', '');
    vi.stubEnv('LC_ALL', '');
    vi.stubEnv('LC_MESSAGES', '');
    vi.stubEnv('LANG', 'C');
    expect(await help('explain')).toContain('县的代码（440103）、全称（荔湾区）');
    vi.stubEnv('LANG', 'en_US.UTF-8');
    expect(await help('explain')).toContain('county code (440103), name (荔湾区)');
    vi.stubEnv('FISCAL_SIM_LANG', 'zh');
    expect(await help('params')).toContain('列出情景可以修改的参数');
    vi.stubEnv('LC_ALL', 'zh_CN.UTF-8');
    vi.stubEnv('FISCAL_SIM_LANG', '');
    expect(await help('params')).toContain('列出情景可以修改的参数');
  });

  it('refuses a language it does not have', async () => {
    const r = await cli('run', '--lang', 'fr');
    expect(r.code).toBe(2);
    expect(r.err).toBe('fiscal-sim: --lang "fr": use zh or en / 语言只能是 zh（中文）或 en（英文）\n');
  });

  it('params in Chinese: units and sources', async () => {
    const r = await cli('params', 'standards.edu.running_costs_rural_primary.standard', '--lang', 'zh');
    expect(r.code).toBe(0);
    expect(r.out).toContain('standards.edu.running_costs_rural_primary.standard  [元/生/年]  （数值或 =公式）');
    expect(r.out).toMatch(/\n {2}来源：政策依据：/);
    expect(r.out).toMatch(/\n {2}取值：2011: /);
  });
});

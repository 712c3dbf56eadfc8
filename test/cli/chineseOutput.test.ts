/**
 * `--lang zh` speaks Chinese throughout: every command, its help, commander's own errors, the
 * common input errors and the files written for reading (chart texts, scheme titles) contain no
 * English word outside a short allow-list (codes, ids, file names and formats, option values,
 * pinyin examples). Policy documents are cited by their own titles, some of which are English
 * (a journal, a press release): the text of a 政策依据 citation is not checked.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, readCsv } from '../helpers/cliInProcess.ts';

const dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-zh-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Latin words allowed in Chinese output: formats, the program and its commands, option values, units' codes, pinyin examples, ids without an underscore. */
const ALLOWED = new Set([
  'CSV', 'JSON', 'YAML', 'HTML', 'SVG', 'Excel', 'xlsx', 'csv', 'json', 'html', 'svg', 'parquet', 'yaml', 'UTF-8', 'GBK',
  'fiscal-sim', 'run', 'explain', 'compare', 'params', 'schemes', 'sweep', 'montecarlo', 'report', 'validate', 'template', 'help', 'debug', 'lang',
  'yuan', 'wan', 'resident', 'registered', 'full', 'summary', 'none', 'all', 'baseline', 'zh', 'en',
  // pinyin examples of place names in the help
  'Guangdong', 'Liwan', 'Ruyuan',
  // ids: county column `code`, the `uncertainty:` section, the scenarios folder, sweep parameters, a scheme and a sharing rule without an underscore
  'code', 'uncertainty', 'scenarios', 'coverage', 'matching', 'local', 'rules', 'transfers',
  // max and min in explain's formulas (eligibility factors are named by their Chinese descriptions)
  'max', 'min',
  // zod's Chinese messages name JavaScript types and keys
  'string', 'key',
  // a scenario file's own keys, named where they are wrong
  'title', 'changes', 'path', 'values',
]);

/** The English words left in `text` once citations, paths, file names, ids, options and echoed input are taken out. */
function englishWords(text: string): string[] {
  const stripped = text
    // a policy document is cited by its own title
    .replace(/政策依据：[^\]\n]*/g, ' ')
    // what the user typed, echoed in quotes
    .replace(/“[^”\n]*”|"[^"\n]*"|'[^'\n]*'/g, ' ')
    // paths and file names
    .replace(/\S*[/\\]\S*/g, ' ')
    .replace(/[\w.-]+\.(?:csv|json|yaml|yml|xlsx|svg|html|md|parquet)\b/g, ' ')
    // ids: snake_case and dotted parameter paths, options
    .replace(/[A-Za-z0-9]+(?:[_.][A-Za-z0-9<>\u4e00-\u9fff]+)+/g, ' ')
    .replace(/(?<![A-Za-z0-9])--?[a-z][a-z-]*/g, ' ');
  const words = stripped.match(/(?<![A-Za-z0-9])[A-Za-z][A-Za-z'-]*[A-Za-z](?![A-Za-z0-9])/g) ?? [];
  return [...new Set(words.filter((w) => w.length >= 3 && !ALLOWED.has(w)))];
}

/** The command's stdout and stderr in Chinese, and the English words left in them. */
async function zh(...args: string[]): Promise<{ code: number; text: string; english: string[] }> {
  const r = await cli(...args, '--lang', 'zh');
  const text = `${r.out}\n${r.err}`;
  return { code: r.code, text, english: englishWords(text) };
}

/** The visible text of an SVG chart (its <text> contents and titles). */
function svgText(file: string): string {
  return [...readFileSync(file, 'utf8').replace(/<style[\s\S]*?<\/style>/g, '').matchAll(/>([^<>]+)</g)].map((m) => m[1]).join('\n');
}

describe('the allow-list check itself', () => {
  it('finds English words and lets codes, ids, paths, quoted input and citations through', () => {
    expect(englishWords('error: unknown option')).toEqual(['error', 'unknown', 'option']);
    expect(englishWords('Usage: fiscal-sim run [options]')).toEqual(['Usage', 'options']);
    expect(englishWords('Counties in guangdong_2012.csv — 2012 年')).toEqual(['Counties']);
    expect(englishWords('↑ Gini')).toEqual(['Gini']);
    expect(englishWords('列“own_revenue foo”，见 data/counties/README.md；standards.si.ncms_subsidy 与 --year <年份>，CSV、xlsx')).toEqual([]);
    expect(englishWords('[政策依据：China Finance and Economic Review 2017]')).toEqual([]);
  });
});

describe('--lang zh: help and commander', () => {
  it.each(['', 'run', 'explain', 'compare', 'params', 'schemes', 'sweep', 'montecarlo', 'report', 'validate', 'template'])('fiscal-sim %s --help', async (command) => {
    const r = await zh(...(command ? [command] : []), '--help');
    expect(r.text).toContain('用法：');
    expect(r.english).toEqual([]);
  });

  it.each([
    [['nosuch'], '错误：没有命令“nosuch”'],
    [['run', '--bogus'], '错误：没有选项“--bogus”'],
    [['run', '--yaer', '2012'], '（是否要用 --year？）'],
    [['explain'], '错误：缺少参数 <县>'],
    [['explain', '440232', '440103'], '错误：命令 explain 的参数过多：应为 1 个，给了 2 个。'],
    [['run', '--year'], '错误：选项 --year <年份> 缺少取值'],
    [['run', '--year', '20x'], '错误：选项 --year <年份> 的取值“20x”无效：“20x”不是年份（例如 2012）'],
    [['run', '--unit', 'foo'], '可选 yuan、wan、yi（元、万元、亿元）'],
    [['run', '--items', 'foo'], '可选 full（逐县逐项）'],
  ])('commander error: %j', async (args, expected) => {
    const r = await zh(...args);
    expect(r.code).not.toBe(0);
    expect(r.text).toContain(expected);
    expect(r.english).toEqual([]);
  });

  it('keeps English when --lang en', async () => {
    const r = await cli('run', '--bogus', '--lang', 'en');
    expect(r.err).toContain("error: unknown option '--bogus'");
    expect(r.err).toContain('Usage: fiscal-sim run [options]');
    const help = await cli('run', '--help', '--lang', 'en');
    expect(help.out).toContain('--out <dir>            output folder (default: "./reports")');
  });
});

describe('--lang zh: input errors', () => {
  it('an unknown county, scenario, year, file; a bad override, county file and scenario file', async () => {
    writeFileSync(join(dir, 'own.csv'), 'code,own_revenue,foo\n440232,abc,1\n');
    writeFileSync(join(dir, 'bad.yaml'), 'title: x\nstandards:\n  foo: 1\n');
    writeFileSync(join(dir, 'path.yaml'), 'title: 测试情景\nchanges:\n  - path: standards.ss.dibao_rurl.standard\n    values: { 2012: 1 }\n');
    writeFileSync(join(dir, 'formula.yaml'), 'title: 测试情景\nchanges:\n  - path: standards.ss.dibao_rural.standard\n    values: { 2012: "= x = 3" }\n');
    const cases: Array<[string[], string]> = [
      [['explain', '乳源X'], '未找到县（区、市）“乳源X”'],
      [['run', '--scenario', 'raise_basic_pensoin'], '找不到情景文件“raise_basic_pensoin”'],
      [['run', '--year', '2099'], '2099 年超出可计算的范围'],
      [['run', '--year', '2010'], '2010 年早于政策数据的起始年份'],
      [['run', '--counties', join(dir, 'none.csv')], '找不到文件'],
      [['run', '--override', join(dir, 'own.csv')], '未知列“foo”'],
      [['run', '--counties', join(dir, 'own.csv')], '缺少必需的列“name”'],
      [['run', '--scenario', join(dir, 'bad.yaml')], '输入中有 2 个问题'],
      [['sweep', 'baseline', '--vary', 'nosuch=1'], '未知参数“nosuch”'],
      [['run', '--scenario', join(dir, 'path.yaml')], '未知参数路径“standards.ss.dibao_rurl.standard”'],
      [['run', '--scenario', join(dir, 'formula.yaml')], '公式：公式中不允许赋值或定义函数'],
    ];
    for (const [args, expected] of cases) {
      const r = await zh(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.text, args.join(' ')).toContain(expected);
      expect(r.text, args.join(' ')).toContain('未写出任何文件。');
      expect(r.english, args.join(' ')).toEqual([]);
    }
  });
});

describe('--lang zh: the commands', () => {
  it('run, with the summary in the unit --unit names', async () => {
    const r = await zh('run', '--unit', 'yi', '--out', join(dir, 'run'));
    expect(r.code).toBe(0);
    expect(r.text).toContain('基本公共服务标准成本，按负担的政府层级（亿元）');
    // the levels add up to the printed total: 211.96 + 172.45 + 114.97 + 287.42 = 786.80
    expect(r.text).toMatch(/中央\s+211\.96 .*\n.*省级\s+172\.45 .*\n.*地市级\s+114\.97 .*\n.*县级\s+287\.42 .*\n.*标准成本合计\s+786\.80 /);
    expect(r.english).toEqual([]);
  });

  it('explain and compare (with --unit)', async () => {
    const explain = await zh('explain', '440232');
    expect(explain.code).toBe(0);
    expect(explain.text).toContain('标准财政支出 = (一般公共服务（财政供养人员）');
    expect(explain.english).toEqual([]);
    const compare = await zh('compare', 'raise_basic_pension', '--unit', 'wan', '--out', join(dir, 'compare'));
    expect(compare.code).toBe(0);
    expect(compare.text).toContain('情景 raise_basic_pension 与基准 baseline_2012 比较（金额单位：万元）');
    // each printed change is scenario − baseline as printed (2014): 51,496.07 + 15,448.81 + 10,299.22 + 25,748.03 = 102,992.13
    expect(compare.text).toContain('+102,992.13 增');
    expect(compare.english).toEqual([]);
  });

  it('params: Chinese descriptions and grouped values', async () => {
    const r = await zh('params', 'rules.edu_compulsory_ratio');
    expect(r.text).toContain('取值：2011: {按2018年档次：第1档 0.8，第2档 0.6，第3档 0.5，第4档 0.5，第5档 0}');
    expect(r.text).toContain('中央分担比例');
    expect(r.english).toEqual([]);
    const byRegion = await zh('params', 'rules.edu_building_maintenance');
    expect(byRegion.text).toContain('取值：2011: {按地区：西部 0.5，中部 0.5，东部 0}');
    const all = await zh('params');
    expect(all.code).toBe(0);
    expect(all.english).toEqual([]);
  });

  it('schemes: the table, the CSV titles and the chart', async () => {
    const out = join(dir, 'schemes');
    const r = await zh('schemes', 'baseline', '--out', out);
    expect(r.code).toBe(0);
    expect(r.text).toContain('guangdong_2012.csv 中的县 — 2012 年');
    expect(r.text).toMatch(/\n现行（情景所定） +161\.96/);
    expect(r.english).toEqual([]);
    expect(readCsv(join(out, 'schemes.csv')).map((row) => row['title'])).toContain('日本地方交付税');
    expect(englishWords(readCsv(join(out, 'schemes.csv')).map((row) => row['title']).join('\n'))).toEqual([]);
    expect(englishWords(svgText(join(out, 'schemes.svg')))).toEqual([]);
  });

  it('sweep and montecarlo: terminal tables and charts', async () => {
    const sweep = await zh('sweep', 'baseline', '--vary', 'central_share=0.2,0.5', '--out', join(dir, 'sweep'));
    expect(sweep.code).toBe(0);
    expect(sweep.text).toContain('基尼系数');
    expect(sweep.english).toEqual([]);
    expect(englishWords(svgText(join(dir, 'sweep', 'sweep.svg')))).toEqual([]);
    const mc = await zh('montecarlo', 'baseline', '--draws', '4', '--workers', '0', '--year', '2012', '--out', join(dir, 'mc'));
    expect(mc.code).toBe(0);
    expect(mc.text).toContain('2012 年最可能出现缺口的县');
    expect(mc.english).toEqual([]);
    expect(englishWords(svgText(join(dir, 'mc', 'montecarlo.svg')))).toEqual([]);
  });

  it('validate and template', async () => {
    const v = await zh('validate', '--year', '2012');
    expect(v.text).toContain('状态 | 年 | 指标');
    expect(v.english).toEqual([]);
    const t = await zh('template', '--out', join(dir, 'template.xlsx'));
    expect(t.code).toBe(0);
    expect(t.english).toEqual([]);
  });
});

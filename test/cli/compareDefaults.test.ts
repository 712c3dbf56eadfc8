/** Comparisons that show what changed (issue 11): the parent as default base, its years, all-zero and not-parent notes, signs. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cli, countyCsv, tempDir, write } from '../hostile/helpers.ts';
import { yuanToFen } from '../../src/model/money.ts';
import { setMessageLang } from '../../src/i18n/messageLang.ts';
import { loadPolicyData } from '../../src/input/policyData.ts';
import { baselineScenario } from '../../src/scenarios/scenario.ts';
import { loadScenario } from '../../src/scenarios/scenarioFile.ts';
import { notParentNote } from '../../src/scenarios/scenarioParent.ts';

let dir: string;
let counties: string;
beforeAll(() => {
  dir = tempDir('compare');
  counties = write(dir, 'counties.csv', countyCsv());
});
const savedLang = process.env['FISCAL_SIM_LANG'];
afterEach(() => {
  process.env['FISCAL_SIM_LANG'] = savedLang;
});

const common = (): string[] => ['--counties', counties, '--reference', 'none'];
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const yearRows = (file: string): Array<Record<string, string>> => {
  const [head, ...rows] = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\n').map((l) => l.split(','));
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]!])));
};

describe('compare SCENARIO alone: its extends parent over the years it changes', () => {
  it('compares raise_basic_pension with baseline_2012 in 2014–2015, and the change is not zero', async () => {
    const out = join(dir, 'alone');
    const r = await cli('compare', 'raise_basic_pension', ...common(), '--out', out);
    expect(r.code, r.err).toBe(0);
    const sub = join(out, 'compare-baseline_2012-vs-raise_basic_pension');
    const meta = readJson(join(sub, 'metadata.json'));
    expect(meta).toMatchObject({ years: [2014, 2015], base_is_parent: true, parent: 'baseline_2012.yaml', unchanged: false, unchanged_years: [] });
    const years = yearRows(join(sub, 'years.csv'));
    expect(years.map((y) => y['year'])).toEqual(['2014', '2015']);
    for (const y of years) expect(yuanToFen(y['standard_cost_change']!)).toBeGreaterThan(0);
    expect(r.err).not.toMatch(/is not what/);
    // signs written out, never parentheses; units named
    expect(r.out).toMatch(/^raise_basic_pension compared with baseline_2012 \(amounts in yuan\)\n/);
    expect(r.out).toMatch(/ {2}standard cost +[\d,]+\.\d\d +[\d,]+\.\d\d +\+[\d,]+\.\d\d\n/);
    expect(r.out).not.toMatch(/\(\s*[−-]?[\d,]+\.\d\d\)/);
    expect(r.out).toMatch(/gap rises by 0\.01–10 yuan\/resident/);
  });

  it('writes 增 / 减 with the sign in Chinese', async () => {
    process.env['FISCAL_SIM_LANG'] = 'zh';
    const r = await cli('compare', 'raise_basic_pension', ...common(), '--out', join(dir, 'zh'), '--year', '2014');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^情景 raise_basic_pension 与基准 baseline_2012 比较（金额单位：元）\n/);
    expect(r.out).toMatch(/ {2}标准支出 +[\d,]+\.\d\d +[\d,]+\.\d\d +\+[\d,]+\.\d\d 增\n/);
    expect(r.out).toMatch(/一般性转移支付 .* 0\.00 不变\n/);
  });
});

describe('notes on what a comparison shows', () => {
  it('says when the base is not the scenario’s parent', async () => {
    const r = await cli('compare', 'baseline', 'raise_basic_pension', ...common(), '--year', '2014', '--out', join(dir, 'notparent'), '--quiet');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('note: the base baseline is not what raise_basic_pension extends (baseline_2012.yaml)');
    expect(r.err).not.toContain('注意：基准'); // English alone under --lang en
    setMessageLang('zh');
    try {
      expect(notParentNote(baselineScenario(loadPolicyData()), loadScenario('raise_basic_pension', loadPolicyData()))).toBe('注意：基准 baseline 不是情景 raise_basic_pension 所扩展（extends）的 baseline_2012.yaml，差异包含两者之间的全部不同，而不只是 raise_basic_pension 自己的改动；省略基准即与 baseline_2012.yaml 比较');
    } finally {
      setMessageLang('en');
    }
    const meta = readJson(join(dir, 'notparent', 'compare-baseline-vs-raise_basic_pension', 'metadata.json'));
    expect(meta['base_is_parent']).toBe(false);
  });

  it('says when a comparison is all zero (2012, before the change starts in 2014), in the terminal and the data', async () => {
    const out = join(dir, 'zero');
    const r = await cli('compare', 'baseline_2012', 'raise_basic_pension', ...common(), '--year', '2012', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('note: raise_basic_pension and baseline_2012 are identical in the years compared (2012): every difference is 0.');
    const meta = readJson(join(out, 'compare-baseline_2012-vs-raise_basic_pension', 'metadata.json'));
    expect(meta).toMatchObject({ unchanged: true, unchanged_years: [2012], base_is_parent: true });
    const q = await cli('compare', 'baseline_2012', 'raise_basic_pension', ...common(), '--year', '2012-2014', '--out', join(dir, 'zero2'), '--quiet');
    expect(q.err).not.toContain('identical');
    const meta2 = readJson(join(dir, 'zero2', 'compare-baseline_2012-vs-raise_basic_pension', 'metadata.json'));
    expect(meta2).toMatchObject({ unchanged: false, unchanged_years: [2012, 2013] });
  });
});

describe('report --scenario: the parent as the default base', () => {
  it('the README example compares raise_basic_pension with baseline_2012 in the years it changes, not zero', async () => {
    // the examples this test runs (on a small county file) are the README's own
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toMatch(/^npx fiscal-sim report --scenario raise_basic_pension +#/m);
    expect(readme).toMatch(/^npx fiscal-sim compare raise_basic_pension +#/m);
    const out = join(dir, 'report');
    const r = await cli('report', '--scenario', 'raise_basic_pension', ...common(), '--format', 'html', '--no-county-pages', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toMatch(/identical|is not what/);
    const page = readdirSync(out, { recursive: true }).map(String).find((f) => /compare|comparison/.test(f) && f.endsWith('.html'));
    expect(page).toBeDefined();
    const html = readFileSync(join(out, page!), 'utf8');
    expect(html).toMatch(/baseline_2012/);
    expect(html).toMatch(/2014, 2015/);
  });
});

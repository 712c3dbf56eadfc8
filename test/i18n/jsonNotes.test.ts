/**
 * The method notes of every JSON metadata file come in both languages, as `{ "zh": …, "en": … }`
 * under English keys (docs/outputs.md), and the files' bytes do not depend on --lang.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { HEADER, sampleRow, toCsvText } from '../helpers/countyCsv.ts';
import { METHOD_NOTES } from '../../src/i18n/methodNotes.ts';

const dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-json-notes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const countiesFile = join(dir, 'counties.csv');
const rows = ['440101', '440102', '510101', '510102', '110101'].map((code, i) =>
  sampleRow(code, { own_revenue_2011: 180_000_000 + 140_000_000 * i, other_std_expenditure_2011: 850_000_000, general_expenditure_2011: 1_900_000_000 }),
);
writeFileSync(countiesFile, toCsvText(rows, [...HEADER, ...HEADER.filter((h) => h.endsWith('_2012')).map((h) => h.replace('_2012', '_2011'))]));
const common = ['--counties', countiesFile, '--reference', 'none', '--quiet'];
const run = (args: string[]): Promise<number> => main(['node', 'fiscal-sim', ...args]);

/** Every `{ zh, en }` note in a JSON value, with its path. */
function notes(value: unknown, path = ''): Array<{ path: string; zh: string; en: string }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => notes(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 2 && typeof o['zh'] === 'string' && typeof o['en'] === 'string') return [{ path, zh: o['zh'], en: o['en'] }];
  return keys.flatMap((k) => notes(o[k], `${path}.${k}`));
}

/** The English prose strings left in a JSON value (a space-separated run of 4 or more English words), with their paths. */
function englishProse(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => englishProse(v, `${path}[${i}]`));
  if (typeof value === 'string') return /(?:[A-Za-z]{2,}[,;:]? ){3,}[A-Za-z]{2,}/.test(value) ? [path] : [];
  if (value === null || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  if (Object.keys(o).length === 2 && typeof o['zh'] === 'string' && typeof o['en'] === 'string') return [];
  return Object.keys(o).flatMap((k) => englishProse(o[k], `${path}.${k}`));
}

const json = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

describe('JSON metadata notes in zh and en', () => {
  it('schemes, sweep, montecarlo, compare, run and report: every note is { zh, en }, no English prose outside them, the same bytes under --lang zh and en', async () => {
    const outputs: Record<string, string[]> = {
      run: ['run', ...common, '--unit', 'wan', '--items', 'none'],
      schemes: ['schemes', 'baseline', ...common, '--schemes', 'equal_per_capita'],
      sweep: ['sweep', 'baseline', ...common, '--vary', 'central_share=0.2,0.8', '--year', '2012'],
      montecarlo: ['montecarlo', 'baseline', ...common, '--year', '2012', '--draws', '4', '--workers', '0', '--no-progress'],
      compare: ['compare', 'raise_basic_pension', ...common],
      report: ['report', ...common, '--format', 'json', '--year', '2012'],
    };
    const files: Record<string, string> = {
      run: 'summary.json', schemes: 'schemes.json', sweep: 'sweep.json', montecarlo: 'montecarlo.json',
      compare: 'compare-baseline_2012-vs-raise_basic_pension/metadata.json', report: 'tidy-2012.metadata.json',
    };
    for (const [name, args] of Object.entries(outputs)) {
      for (const lang of ['zh', 'en']) expect(await run([...args, '--out', join(dir, `${name}-${lang}`), '--lang', lang]), `${name} ${lang}`).toBe(0);
      const file = (lang: string): string => join(dir, `${name}-${lang}`, files[name]!);
      expect(readFileSync(file('zh'), 'utf8'), name).toBe(readFileSync(file('en'), 'utf8'));
      const meta = json(file('en'));
      const found = notes(meta);
      expect(found.length, `${name}: notes`).toBeGreaterThan(0);
      for (const n of found) {
        expect(n.zh, `${name}${n.path}.zh`).toMatch(/[\u4e00-\u9fff]|^-$/);
        expect(n.en.replace(/财预〔2011〕392号|\((?:万|亿)?元[^)]*\)|\(人\)/g, ''), `${name}${n.path}.en`).not.toMatch(/[\u4e00-\u9fff]/);
      }
      // data, not notes: the scenario's own text (titles, change descriptions), the schemes' titles and formulas
      // (data/schemes) and the uncertainty variables' descriptions and sources (data/uncertainty or the scenario); an English name beside its name_zh
      expect(englishProse(meta).filter((p) => !/\.(?:scenario|base)\.(?:title|changes)|\.parameters_changed|\.schemes\[\d+\]\.(?:title|formula)$|\.variables\[\d+\]\.(?:description|source)$|\.name_en$/.test(p)), name).toEqual([]);
    }
    // the notes are those of the catalog of notes, e.g.
    expect((json(join(dir, 'sweep-en', 'sweep.json')) as { arithmetic: unknown }).arithmetic).toEqual(METHOD_NOTES.sweepArithmetic);
    expect((json(join(dir, 'compare-en', files['compare']!)) as { units: unknown }).units).toEqual(METHOD_NOTES.compareUnits);
    expect((json(join(dir, 'run-en', 'summary.json')) as { display_unit: unknown }).display_unit).toEqual({
      unit: '万元',
      columns: { zh: '每个金额列之后另有一列（后缀 _wan），单位为万元，保留两位小数（四舍五入，半数远离零）；以元为单位的列保持精确到分', en: 'each money column again with the suffix _wan, in units of 10,000 yuan (万元) to two decimals, rounded half away from zero; the yuan columns stay exact to the fen' },
    });
    expect(readdirSync(join(dir, 'report-en')).sort()).toEqual(expect.arrayContaining(['tidy-2012.json', 'tidy-2012.metadata.json']));
  }, 600_000);
});

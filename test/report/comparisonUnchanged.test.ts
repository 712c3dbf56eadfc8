/** The HTML comparison page says when the scenario and the base give the same results, rather than drawing zeros. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli } from '../helpers/cliInProcess.ts';

afterEach(() => vi.restoreAllMocks());

async function comparisonPage(years: string): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'fiscal-sim-unchanged-'));
  const r = await cli('report', '--scenario', 'raise_basic_pension', '--compare', 'baseline_2012', '--year', years.split(',').at(-1)!, '--years', years, '--province', '44', '--format', 'html', '--no-county-pages', '--quiet', '--out', out);
  expect(r.code, r.err).toBe(0);
  const page = readdirSync(out).find((f) => f.startsWith('comparison-'));
  expect(page).toBeDefined();
  return readFileSync(join(out, page!), 'utf8');
}

describe('comparison page', () => {
  it('2012, before the pension raise of 2014: says the results are the same', async () => {
    const html = await comparisonPage('2012');
    expect(html).toContain('data-key="unchanged"');
    expect(html).toContain('The scenario and the base give the same results in 2012');
  }, 300_000);

  it('2014, when the raise applies: no such note', async () => {
    const html = await comparisonPage('2014');
    expect(html).not.toContain('data-key="unchanged"');
    expect(html).not.toContain('give the same results');
  }, 300_000);
});

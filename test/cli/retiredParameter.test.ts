/**
 * other_expenditure_growth was removed (issue 9 replaced other standard expenditure by salaries,
 * running costs and mandated spending at standards): a scenario that changes it is refused, and a
 * Monte Carlo variable on it in a user's uncertainty section is left out with a note.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cliInProcess.ts';

const dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-retired-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the retired parameter other_expenditure_growth', () => {
  it('is not listed by params and a scenario changing it is refused as an unknown path', async () => {
    const params = await cli('params');
    expect(params.code).toBe(0);
    expect(params.out).toContain('growth.revenue_growth');
    expect(params.out).not.toContain('other_expenditure_growth');
    writeFileSync(join(dir, 'change.yaml'), 'title: retired growth\nchanges:\n  - path: growth.other_expenditure_growth\n    values: { 2012: 0.2 }\n');
    const r = await cli('run', '--scenario', join(dir, 'change.yaml'), '--out', join(dir, 'run'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown parameter path "growth.other_expenditure_growth"');
  });

  it('a Monte Carlo variable on it is left out of the draws, with a note and in ignored_variables', async () => {
    writeFileSync(join(dir, 'mc.yaml'), [
      'title: retired variable',
      'extends: baseline_2012.yaml',
      'uncertainty:',
      '  variables:',
      '    - parameter: other_expenditure_growth',
      '      scope: national',
      '      distribution: { kind: normal, mean: 0.1, sd: 0.03 }',
      '    - parameter: revenue_growth',
      '      scope: national',
      '      distribution: { kind: normal, mean: 0.1, sd: 0.03 }',
      '',
    ].join('\n'));
    const r = await cli('montecarlo', join(dir, 'mc.yaml'), '--draws', '4', '--workers', '0', '--year', '2012', '--out', join(dir, 'mc'));
    expect(r.code, r.err).toBe(0);
    expect(r.out + r.err).toContain('other_expenditure_growth');
    const meta = JSON.parse(readFileSync(join(dir, 'mc', 'montecarlo.json'), 'utf8')) as { ignored_variables: string[] };
    expect(meta.ignored_variables).toEqual(['other_expenditure_growth']);
  });
});

/**
 * `fiscal-sim validate` on the national baseline passes (issue 9's acceptance), and it fails, with
 * exit 1, when a figure lies outside its band or names something the model does not have.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const code = await main(['node', 'fiscal-sim', ...args]);
  vi.restoreAllMocks();
  process.exitCode = undefined;
  return { code, out };
}

const figure = (id: string, measure: string, published: number, band: number): string => `  - id: ${id}
    name_zh: 测试
    name_en: test figure
    year: 2012
    scope: national
    measure: ${measure}
    published: ${published}
    unit: yuan
    band: ${band}
    band_reason: a figure made up for the test
    source: { kind: assumption, reasoning: a figure made up for the test }
`;

describe('fiscal-sim validate', () => {
  it('passes on the national baseline, every figure within its band or a reference with its reason', async () => {
    const r = await cli('validate');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^validate: \d+ passed, 0 failed$/m);
    expect(Number(/validate: (\d+) passed/.exec(r.out)![1])).toBeGreaterThan(60);
    // the pools are spent to the published figure
    expect(r.out).toMatch(/✓ pass \| 2012 \| Equalization transfer \(2012 budget\).*\| 858\.365 bn yuan \| 858\.365 bn yuan \| \+0\.0%/);
  }, 120_000);

  it('exits 1 for a figure outside its band or one the model cannot compute', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-validate-'));
    writeFileSync(join(dir, 'f.yaml'), `figures:\n${figure('too_far', '{quantity: transfer, mechanism: eco_zone}', 10_000_000_000, 0.05)}${figure('unknown', '{quantity: transfer, mechanism: no_such_transfer}', 1, 0.05)}`);
    const r = await cli('validate', '--figures', dir, '--year', '2012');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ outside \| 2012 \| test figure \(too_far\) \| 10\.000 bn yuan \| 37\.100 bn yuan \| \+271\.0%/);
    expect(r.out).toMatch(/! error .*unknown transfer no_such_transfer/);
    expect(r.out).toMatch(/^validate: 0 passed, 2 failed$/m);
  }, 120_000);
});

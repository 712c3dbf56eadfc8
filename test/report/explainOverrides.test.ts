/**
 * `explain --override`: a transfer received that an override file gives is shown with where it
 * came from, for the year explained (the given amount, beside the model's allocation it replaced)
 * and for other years (the model's allocation is used), in English and Chinese (issue 11).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cliInProcess.ts';

const dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-explain-own-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const own = join(dir, 'own.csv');
// 乳源 received 45,895,687.15 yuan of the equalization transfer in 2012 by the model (bundled Guangdong data)
writeFileSync(own, '代码,2012年均衡性转移支付,transfer_eco_zone_2013,2012年一般预算收入\n440232,"50,000,000",5000000,300000000\n');

/** The lines of the output that hold `text`. */
const linesWith = (out: string, text: string): string[] => out.split('\n').filter((l) => l.includes(text));

describe('explain with transfers received from an override file', () => {
  it('2012: the given equalization amount, labelled with its file and the allocation it replaced; the 2013 eco-zone amount is not used', async () => {
    const r = await cli('explain', '440232', '--override', own, '--year', '2012');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("  * transfer_equalization_2012 = 50,000,000.00 yuan: used for 2012 (given by your file) in place of the model's allocation of 45,895,687.15 yuan (on the bundled data without your figures), from " + `${own}:2`);
    expect(r.out).toContain("  * transfer_eco_zone_2013 = 5,000,000.00 yuan: used for 2013 (given by your file); 2012, explained here, uses the model's allocation (section 3), from " + `${own}:2`);
    expect(r.out).not.toMatch(/bundled —/);
    // a county value keeps its bundled one beside it
    expect(r.out).toMatch(/ {2}\* own_revenue_2012 = 300000000 \(bundled 207636098\.63\) from .*own\.csv:2/);
    // section 3: the equalization line books the given amount, the eco-zone line the model's
    expect(linesWith(r.out, 'county gap max(0, ')).toEqual([expect.stringMatching(/→ transfer 50,000,000\.00 \(amount received as your file gives it: .*own\.csv:2; the model's allocation 45,895,687\.15\)$/)]);
    expect(linesWith(r.out, 'key ecological function zone transfer: pool')).toEqual([expect.stringMatching(/→ 0\.00 \(the model's allocation; your files give the amount received for 2013 only\)$/)]);
    // a transfer the files do not give carries no label
    expect(linesWith(r.out, 'ethnic-area transfer: pool')).toEqual([expect.stringMatching(/→ 17,918,385\.30$/)]);
  }, 300_000);

  it('the same in Chinese', async () => {
    const r = await cli('explain', '440232', '--override', own, '--year', '2012', '--lang', 'zh');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`  * transfer_equalization_2012 = 50,000,000.00 元：2012年采用此数（你的文件给出），代替模型分配的 45,895,687.15 元（按不含你的数据的内置数据），来自 ${own}:2`);
    expect(r.out).toContain(`  * transfer_eco_zone_2013 = 5,000,000.00 元：用于 2013年（你的文件给出）；这里说明的是 2012年，该年采用模型分配数（见第3部分），来自 ${own}:2`);
    expect(r.out).toMatch(/ {2}\* own_revenue_2012 = 300000000（内置 207636098\.63）来自 .*own\.csv:2/);
    expect(linesWith(r.out, '县标准收支缺口 max(0, ')).toEqual([expect.stringMatching(/→ 转移支付 50,000,000\.00（实收数，你的文件给出：.*own\.csv:2；模型分配 45,895,687\.15）$/)]);
    expect(linesWith(r.out, '重点生态功能区转移支付：资金总额')).toEqual([expect.stringMatching(/→ 0\.00（模型分配；你的文件只给出 2013年的实收数）$/)]);
  }, 300_000);
});

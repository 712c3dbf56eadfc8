/** Counties and provinces by name on the command line (issue 11, "Names and paths"). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, countyCsv, expectRefused, tempDir, write } from '../hostile/helpers.ts';

describe('names on the command line', () => {
  it('explain 乳源 finds 乳源瑶族自治县 in the bundled Guangdong data', async () => {
    const r = await cli('explain', '乳源', '--reference', 'none');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^乳源瑶族自治县 \(440232\), 韶关市, 广东省 — 2012\n/);
  });

  it('explain with an unknown name suggests the nearest counties and runs nothing', async () => {
    const r = await cli('explain', '乳远', '--reference', 'none');
    expectRefused(r, undefined, /no county "乳远" in guangdong_2012\.csv; did you mean: 440232 乳源瑶族自治县 \(韶关市, 广东省\)/);
  });

  it('explain of a county outside the file reported on says where it is', async () => {
    const r = await cli('explain', '海淀');
    expectRefused(r, undefined, /"海淀" is not among the counties reported \(guangdong_2012\.csv\) but is 110108 海淀区 \(.*\): use --counties data\/counties\/china_2012\.csv to look at any county of the country/);
  });

  it('--province takes Guangdong, 广东, 广东省 or 44, and suggests for a typo', async () => {
    const dir = tempDir('province');
    const counties = write(dir, 'c.csv', countyCsv());
    for (const p of ['Guangdong', '广东', '44']) {
      const out = join(dir, p);
      const r = await cli('run', '--counties', counties, '--reference', 'none', '--province', p, '--out', out, '--quiet');
      expect(r.code, `${p}: ${r.err}`).toBe(0);
    }
    expectRefused(await cli('run', '--counties', counties, '--reference', 'none', '--province', 'Guandong', '--out', join(dir, 'no')), join(dir, 'no'), /--province: no province "Guandong"; did you mean: 440000 广东省/);
  });

  it('--scenario takes a bare scenario name; a typo is a plain message', async () => {
    const r = await cli('explain', '440232', '--reference', 'none', '--scenario', 'raise_basic_pensoin');
    expectRefused(r, undefined, /raise_basic_pensoin: scenario file "raise_basic_pensoin" not found.*did you mean: \S*raise_basic_pension\.yaml/);
    expect(r.err).not.toMatch(/ENOENT/);
  });

  it('says these in one language: Chinese with --lang zh, English with --lang en', async () => {
    const zhName = await cli('explain', '乳远', '--reference', 'none', '--lang', 'zh');
    expectRefused(zhName, undefined, /未找到县（区、市）“乳远”（guangdong_2012\.csv）；是否要找：440232 乳源瑶族自治县（韶关市，广东省）/);
    expect(zhName.err).not.toMatch(/no county|did you mean/);
    const zhScenario = await cli('run', '--reference', 'none', '--scenario', 'raise_basic_pensoin', '--lang', 'zh');
    expectRefused(zhScenario, undefined, /找不到情景文件“raise_basic_pensoin”；.*是否要找：\S*raise_basic_pension\.yaml/);
    expect(zhScenario.err).not.toMatch(/not found|did you mean/);
    const enProvince = await cli('run', '--reference', 'none', '--province', '广冬', '--lang', 'en');
    expectRefused(enProvince, undefined, /--province: no province "广冬"; did you mean: 440000 广东省/);
    const enScenario = await cli('run', '--reference', 'none', '--scenario', 'raise_basic_pensoin', '--lang', 'en');
    // Chinese only where a file name or place name is quoted
    expect(enScenario.err.replace(/"[^"]*"/g, '')).not.toMatch(/[\u4e00-\u9fff（）；：“”]/);
  });
});

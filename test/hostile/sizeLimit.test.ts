/**
 * Size limit: files over the documented size are refused before they are read; a county file
 * past the row limit is refused with a clear message; the problem list is capped.
 */
import { closeSync, openSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_COUNTY_BYTES, MAX_COUNTY_ROWS, MAX_LISTED_PROBLEMS, MAX_YAML_BYTES } from '../../src/input/fileLimits.ts';
import { parseCountyText, loadCountyFile } from '../../src/input/countyFile.ts';
import { sampleRow, toCsvText } from '../helpers/countyCsv.ts';
import { setMessageLang } from '../../src/i18n/messageLang.ts';
import { cli, countyCsv, expectRefused, tempDir, write, refusal } from './helpers.ts';

/** A sparse file of `bytes` bytes (takes no disk space): enough to test a size check made before reading. */
function sparse(file: string, bytes: number): string {
  const fd = openSync(file, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return file;
}

describe('size limit', () => {
  const dir = tempDir('size');

  it('a scenario file over 1 MiB is refused before reading, naming the file, its size and the limit', async () => {
    const file = sparse(join(dir, 'big.yaml'), 50 * 2 ** 20);
    const out = join(dir, 'out1');
    // the file is 50 MiB of NUL bytes: read, it would be refused as binary, not for its size, so the
    // size message shows the refusal came before reading (no wall-clock assertion: time is for the bench)
    const r = await cli('run', '--scenario', file, '--reference', 'none', '--out', out, '--quiet');
    expectRefused(r, out, new RegExp(`big\\.yaml: refused: the file is 52,428,800 bytes; the largest YAML or JSON file accepted is ${MAX_YAML_BYTES.toLocaleString('en-US')} bytes`));
  });

  it('an extends chain reaching a big file is refused the same way', async () => {
    sparse(join(dir, 'huge.yaml'), MAX_YAML_BYTES + 1);
    const file = write(dir, 'top.yaml', 'title: top\nextends: huge.yaml\n');
    const out = join(dir, 'out2');
    expectRefused(await cli('run', '--scenario', file, '--reference', 'none', '--out', out, '--quiet'), out, /huge\.yaml: refused: the file is 1,048,577 bytes/);
  });

  it('an extends chain longer than 20 files is refused', async () => {
    for (let i = 0; i < 25; i++) write(dir, `chain${i}.yaml`, `title: chain ${i}\n${i < 24 ? `extends: chain${i + 1}.yaml\n` : ''}`);
    const out = join(dir, 'out3');
    expectRefused(await cli('run', '--scenario', join(dir, 'chain0.yaml'), '--reference', 'none', '--out', out, '--quiet'), out, /extends chain is longer than 20 files/);
  });

  it('a county file over 64 MiB is refused before reading', () => {
    const file = sparse(join(dir, 'big.csv'), MAX_COUNTY_BYTES + 1);
    expect(refusal(() => loadCountyFile(file)).message).toMatch(/big\.csv: refused: the file is 67,108,865 bytes; the largest county file accepted is 67,108,864 bytes/);
  });

  it(`a county file with more than ${MAX_COUNTY_ROWS.toLocaleString('en-US')} rows is refused, saying so`, () => {
    const header = toCsvText([sampleRow('440101')]).split('\n')[0]!;
    // short rows (one cell each) are quick to refuse; they are counted, not listed one by one
    const text = `${header}\n${'x\n'.repeat(MAX_COUNTY_ROWS + 5)}`;
    const err = refusal(() => parseCountyText(text, 'rows.csv'));
    expect(err.message).toMatch(/rows\.csv:100002: refused: the file has more than 100,000 data rows/);
    expect(err.problems.length).toBeLessThanOrEqual(MAX_LISTED_PROBLEMS);
  });

  it(`the problem list is capped at ${MAX_LISTED_PROBLEMS} and the rest are counted per kind`, () => {
    const rows = Array.from({ length: 3000 }, (_, i) => sampleRow(String(440101 + i), { resident_pop: 'many', registered_pop: -1 }));
    const err = refusal(() => parseCountyText(toCsvText(rows), 'bad.csv'));
    expect(err.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(err.message).toMatch(/^6000 problems in the input:/);
    expect(err.message).toMatch(/… and 5900 more problems not listed/);
    expect(err.message).toMatch(/2950 × bad\.csv: column resident_pop/);
    expect(err.message).toMatch(/2950 × bad\.csv: column registered_pop/);
    expect(err.message.length).toBeLessThan(20_000);
    // one language per message: no Chinese in the English one
    expect(err.message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('in Chinese the capped list is all Chinese: 另有 … 个问题未列出, 列 …', () => {
    const rows = Array.from({ length: 150 }, (_, i) => sampleRow(String(440101 + i), { resident_pop: 'many' }));
    setMessageLang('zh');
    try {
      const err = refusal(() => parseCountyText(toCsvText(rows), 'bad.csv'));
      expect(err.message).toMatch(/^输入中有 150 个问题：/);
      expect(err.message).toMatch(/…… 另有 50 个问题未列出：\n {4}50 × bad\.csv: 列 resident_pop/);
      expect(err.message).not.toMatch(/more problems|column /);
    } finally {
      setMessageLang('en');
    }
  });

  it('a harmless file still loads exactly', () => {
    const file = write(dir, 'ok.csv', countyCsv());
    expect(loadCountyFile(file).counties.map((c) => c.code)).toEqual(['440101', '440102', '510101', '510102', '110101']);
  });
});

/**
 * Encoding: a county file whose rows are in different encodings (UTF-8 with one GBK row, a
 * stray Latin-1 byte) is refused, naming the row; a whole-GBK file still loads exactly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, loadCountyFile } from '../../src/input/countyFile.ts';
import { readYamlFile } from '../../src/input/yamlFile.ts';
import { sampleRow, toCsvText } from '../helpers/countyCsv.ts';
import { cli, expectRefused, tempDir, write, refusal } from './helpers.ts';

const rows = [sampleRow('440103', { name: '荔湾区', prefecture: '广州市' }), sampleRow('440104', { name: '越秀区', prefecture: '广州市' }), sampleRow('440105', { name: '海珠区', prefecture: '广州市' })];
const text = toCsvText(rows);
const lines = text.split('\n');

describe('encoding', () => {
  const dir = tempDir('enc');

  it('UTF-8 with one GBK row is refused, naming the row; nothing is written', async () => {
    const bytes = Buffer.concat([Buffer.from(`${lines.slice(0, 3).join('\n')}\n`, 'utf8'), iconv.encode(`${lines[3]}\n`, 'gbk')]);
    const file = write(dir, 'mixed.csv', bytes);
    const err = refusal(() => loadCountyFile(file));
    expect(err.problems[0]).toMatchObject({ file, line: 4 });
    expect(err.message).toMatch(/mixes encodings: row 4 is not UTF-8 .* while rows 2, 3 are UTF-8/);
    const out = join(dir, 'out');
    expectRefused(await cli('run', '--counties', file, '--reference', 'none', '--out', out, '--quiet'), out, /mixed\.csv:4: the file mixes encodings/);
  });

  it('a single stray Latin-1 byte in a UTF-8 file is refused, naming its row', () => {
    const withStray = text.replace('越秀区', '越秀\xe9区');
    const bytes = Buffer.from(withStray, 'utf8');
    // put the raw byte 0xE9 (é in Latin-1) where the UTF-8 é (C3 A9) is
    const at = bytes.indexOf(Buffer.from('é', 'utf8'));
    const raw = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xe9]), bytes.subarray(at + 2)]);
    const err = refusal(() => decodeText(raw, 'stray.csv'));
    expect(err.problems[0]).toMatchObject({ file: 'stray.csv', line: 3 });
    expect(err.message).toMatch(/row 3 is not UTF-8/);
  });

  it('a whole-GBK file loads with the same names and figures as the UTF-8 one', () => {
    const utf8 = loadCountyFile(write(dir, 'utf8.csv', text));
    const gbk = loadCountyFile(write(dir, 'gbk.csv', iconv.encode(text, 'gbk')));
    expect(gbk.counties.map((c) => c.name)).toEqual(['荔湾区', '越秀区', '海珠区']);
    expect(gbk.counties).toEqual(utf8.counties);
  });

  it('the bundled national file, saved as GBK, loads exactly (no GBK row is mistaken for UTF-8)', () => {
    const national = loadCountyFile(new URL('../../data/counties/china_2012.csv', import.meta.url).pathname);
    const gbk = iconv.encode(readFileSync(new URL('../../data/counties/china_2012.csv', import.meta.url), 'utf8'), 'gbk');
    const decoded = decodeText(gbk, 'china_gbk.csv');
    expect(decoded.encoding).toBe('gbk');
    expect(loadCountyFile(write(dir, 'china_gbk.csv', gbk)).counties).toEqual(national.counties);
  });

  it('bytes that are neither UTF-8 nor GBK are refused, naming the row', () => {
    const raw = Buffer.concat([Buffer.from(`${lines[0]}\n`), Buffer.from([0x61, 0xff, 0x2c, 0x0a])]);
    expect(refusal(() => decodeText(raw, 'junk.csv')).message).toMatch(/junk\.csv:2: the file is neither UTF-8 nor GBK: row 2/);
  });

  it('a scenario file that is not UTF-8 is refused, naming the line', () => {
    const file = write(dir, 'latin.yaml', Buffer.concat([Buffer.from('title: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    expect(refusal(() => readYamlFile(file)).problems[0]).toMatchObject({ file, line: 1 });
  });
});

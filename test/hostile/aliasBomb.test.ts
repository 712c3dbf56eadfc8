/** Alias bomb: YAML "billion laughs" and an alias bomb under a known key get a plain error naming the file. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input/inputError.ts';
import { readYamlFile } from '../../src/input/yamlFile.ts';
import { cli, expectRefused, tempDir, write } from './helpers.ts';

const LAUGHS = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((k, i) => {
  const prev = 'abcdefghi'[i]!;
  return `${k}: &${k} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`;
})].join('\n');

describe('alias bomb', () => {
  const dir = tempDir('alias');
  it('billion laughs is refused by the YAML reader with the file named', () => {
    const file = write(dir, 'laughs.yaml', `title: laughs\n${LAUGHS}\n`);
    let err: unknown;
    try {
      readYamlFile(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems[0]).toMatchObject({ file });
    expect((err as InputError).message).toMatch(/YAML aliases .* too many times/);
  });

  it('an alias bomb under a known key of a scenario: exit 2, the file named, no trace, nothing written', async () => {
    const file = write(dir, 'bomb.yaml', `${LAUGHS}\ntitle: bomb\ndescription: *i\nchanges: []\n`);
    const out = join(dir, 'out');
    const r = await cli('run', '--scenario', file, '--reference', 'none', '--out', out, '--quiet');
    expectRefused(r, out, /bomb\.yaml: refused: the file uses YAML aliases/);
  });

  it('a few aliases are fine', () => {
    const file = write(dir, 'few.yaml', 'a: &x 1\nb: *x\nc: *x\n');
    expect(readYamlFile(file).data).toEqual({ a: 1, b: 1, c: 1 });
  });
});

/** zod's messages in Chinese name the types in Chinese too (zod's zh-CN locale leaves "string"). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodLocaleZh } from '../../src/i18n/zodZh.ts';
import { setMessageLang } from '../../src/i18n/messageLang.ts';
import { cli } from '../helpers/cliInProcess.ts';

const messageOf = (schema: z.ZodType, value: unknown): string => {
  const r = schema.safeParse(value, { error: zodLocaleZh().localeError });
  if (r.success) throw new Error('expected a failure');
  return r.error.issues[0]!.message;
};

describe('zod in Chinese', () => {
  it('names the expected and the received type in Chinese, with a short text value quoted', () => {
    expect(messageOf(z.number(), 'abc')).toBe('无效输入：应为数字，实际为文本“abc”');
    expect(messageOf(z.string(), 12)).toBe('无效输入：应为文本，实际为数字');
    expect(messageOf(z.boolean(), undefined)).toBe('无效输入：应为是/否（true/false），实际为空（未填写）');
    expect(messageOf(z.object({}), [1])).toBe('无效输入：应为键值表，实际为列表');
    expect(messageOf(z.array(z.number()), null)).toBe('无效输入：应为列表，实际为空值（null）');
  });
  it('leaves the other messages to zod’s zh-CN locale', () => {
    expect(messageOf(z.string().min(3), 'ab')).toMatch(/^数值过小/);
  });
});

describe('a bad scenario value, in Chinese', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-zod-zh-'));
  afterAll(() => {
    setMessageLang('en');
    rmSync(dir, { recursive: true, force: true });
  });
  it('says where and what in Chinese only', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'title: bad\nchanges:\n  - path: standards.health.basic_public_health.standard\n    values: {2012: abc}\n');
    const r = await cli('run', '--lang', 'zh', '--scenario', file, '--counties', 'data/counties/guangdong_2012.csv', '--reference', 'none', '--out', join(dir, 'out'), '--quiet');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}:4:20: standards.health.basic_public_health.standard 2012: 无效输入：应为数字，实际为文本“abc”`);
    expect(r.err).not.toMatch(/string|expected|received/);
  });
});

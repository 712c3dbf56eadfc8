/**
 * One error path: an input problem prints file, place and reason (exit 2); an unexpected error
 * prints one line asking the user to report it (exit 1), with the stack trace only with --debug.
 */
import { describe, expect, it, vi } from 'vitest';
import { cli } from './helpers.ts';

vi.mock('../../src/input/policyData.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/input/policyData.ts')>();
  return {
    ...real,
    loadPolicyData: (dir?: string) => {
      if (dir === '/simulate/a/bug') throw new TypeError("Cannot read properties of undefined (reading 'values')");
      return real.loadPolicyData(dir);
    },
  };
});

describe('error path', () => {
  it('an unexpected error: one line asking to report it, exit 1, no trace', async () => {
    const r = await cli('run', '--data', '/simulate/a/bug', '--quiet');
    expect(r.code).toBe(1);
    expect(r.err).toBe("fiscal-sim: unexpected error (TypeError: Cannot read properties of undefined (reading 'values')). This is a bug in fiscal-sim: please report it with the command you ran, and run it again with --debug for the details.\n");
  });
  it('the same in Chinese with --lang zh', async () => {
    const r = await cli('run', '--data', '/simulate/a/bug', '--quiet', '--lang', 'zh');
    expect(r.code).toBe(1);
    expect(r.err).toBe("fiscal-sim: 程序内部错误（TypeError: Cannot read properties of undefined (reading 'values')）。这是 fiscal-sim 的缺陷，请连同所运行的命令一起报告，并加 --debug 再运行一次以获得详细信息。\n");
  });
  it('with --debug the trace follows', async () => {
    const r = await cli('run', '--data', '/simulate/a/bug', '--quiet', '--debug');
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toMatch(/^fiscal-sim: unexpected error \(TypeError: .*\)\. This is a bug in fiscal-sim: please report it with the command you ran\.$/);
    expect(r.err).toMatch(/\n\s+at .+:\d+:\d+/);
  });
  it('an input problem: file and reason, exit 2, nothing written, no trace', async () => {
    const r = await cli('run', '--counties', '/nonexistent/counties.csv', '--quiet');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^fiscal-sim: 1 problem in the input:\n {2}\/nonexistent\/counties\.csv: file not found/);
    expect(r.err).toMatch(/\nNothing was written\.\n$/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

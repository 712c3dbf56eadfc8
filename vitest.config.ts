import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // eight engineers share a two-core machine: set-up hooks that run the CLI need more than the default 10 s
    hookTimeout: 120_000,
    pool: 'forks',
    // the tests assert English text unless they choose Chinese themselves (fiscal-sim defaults to Chinese)
    env: { FISCAL_SIM_LANG: 'en' },
  },
});

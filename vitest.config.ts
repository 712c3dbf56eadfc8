import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // a beforeAll that runs a command also loads that command's modules (commands load them when they run)
    hookTimeout: 120_000,
    pool: 'forks',
    // the tests assert English text unless they choose Chinese themselves (fiscal-sim defaults to Chinese)
    env: { FISCAL_SIM_LANG: 'en' },
  },
});

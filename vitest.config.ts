import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/src/**/*.test.ts', '**/src/**/*.test.tsx'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Several suites start servers, browsers and child processes; two at a time fits a 2-core machine.
    maxWorkers: 2,
    // CI runs on 2 shared cores: a poll waits for its condition, generously, never on the machine's speed.
    expect: { poll: { timeout: 20_000 } },
    // The server's log is quiet in tests (and in the servers they start) unless LOG_LEVEL is set.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Starting PGlite and the WASM schema engine takes a moment, many on a loaded machine (seen: 30 s at load 15).
    hookTimeout: 120_000,
    testTimeout: 60_000,
    // Waiting for what the app shows in Slack: the outbox delivers after the answer, later on a loaded machine.
    expect: { poll: { timeout: 30_000 } },
  },
});

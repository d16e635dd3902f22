import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Starting PGlite and the WASM schema engine takes a moment on a loaded machine.
    hookTimeout: 30_000,
    testTimeout: 20_000,
    // Waiting for what the app shows in Slack: the outbox delivers after the answer, later on a loaded machine.
    expect: { poll: { timeout: 10_000 } },
  },
});

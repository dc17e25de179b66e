import { defineConfig } from "vitest/config";

// This store's own test settings: vitest stops looking here, so a store made
// inside another project never runs that project's tests.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

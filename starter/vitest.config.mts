import { defineConfig } from "vitest/config";

// This store's own test settings (vitest's default files: test/, and local plugins'
// tests). Vitest stops looking for a config here, so a store made inside another
// project never runs with that project's settings or its tests.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    tags: [
      {
        name: "race",
        description:
          "Concurrent requests racing for one row: they prove their guard on PostgreSQL only (on SQLite transactions take turns)",
      },
    ],
    // The default output, then a notice when the race tests ran on SQLite only (test/race-notice.ts).
    reporters: ["default", "./test/race-notice.ts"],
  },
});

import fs from "node:fs";
import path from "node:path";
import type { KioskEnv } from "./resolved-config";

/**
 * Reads the project's `.env` into `process.env` before its config is loaded, so
 * every command (`develop`, `start`, `migrate`, `seed`…) sees the same settings
 * whatever `kiosk.config.ts` does. Variables already set win over the file.
 * Tests (env `test`) leave it alone: they choose their own database.
 */
export function loadProjectEnv(projectDir: string, env: KioskEnv): void {
  if (env === "test") return;
  const file = path.join(projectDir, ".env");
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

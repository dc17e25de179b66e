import fs from "node:fs";
import path from "node:path";
import { GeneratorError } from "./errors";
import { MIGRATIONS_DIR } from "./migration-files";
import { migrationName } from "./naming";
import type { Plan } from "./plan";

/**
 * The names of the migrations the project's database has run, the most recent
 * first. A SQLite file that does not exist has run none (and is not created);
 * a database that cannot be opened is an error: destroy must know.
 */
async function appliedInProject(projectDir: string): Promise<string[]> {
  const { registerTypeScript } = require("../../src/kernel/runtime/typescript-hook") as typeof import("../../src/kernel/runtime/typescript-hook");
  const { loadProjectEnv } = require("../../src/kernel/config/load-env-file") as typeof import("../../src/kernel/config/load-env-file");
  const { loadConfig } = require("../../src/kernel/config/load-config") as typeof import("../../src/kernel/config/load-config");
  const { createDataSource } = require("../../src/kernel/database/create-data-source") as typeof import("../../src/kernel/database/create-data-source");
  const { KioskStartupError } = require("../../src/kernel/errors") as typeof import("../../src/kernel/errors");
  const { appliedMigrations } = require("../../src/kernel/database/schema-diff/applied-migrations") as typeof import("../../src/kernel/database/schema-diff/applied-migrations");
  const env = process.env.NODE_ENV === "production" ? "production" : "development";
  registerTypeScript();
  loadProjectEnv(projectDir, env);
  const config = loadConfig({ projectDir, env });
  if (config.database.dialect === "sqlite" && !fs.existsSync(config.database.path)) return [];
  const dataSource = createDataSource(config, [], []);
  try {
    await dataSource.initialize();
  } catch (err) {
    const where = config.database.dialect === "postgres" ? "PostgreSQL" : config.database.path;
    throw new KioskStartupError("KIOSK_DB_CONNECT", `cannot open the database (${where}) to see whether the migration has run: ${(err as Error).message}`);
  }
  try {
    return await appliedMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** `src/migrations/1796191743384-create-post.ts` → `CreatePost1796191743384`. */
function className(file: string): string {
  const [, timestamp, stem] = /^(\d{13})-(.+)\.ts$/.exec(path.basename(file))!;
  return migrationName(stem, Number(timestamp)).className;
}

/**
 * Destroy refuses to remove a migration the database has run: its table would
 * stay, and `kiosk migrate revert` could no longer undo it. The message says
 * how many steps to revert to undo it first.
 */
export async function refuseAppliedMigrations(projectDir: string, plan: Plan): Promise<void> {
  const files = plan.files
    .map((f) => f.path)
    .filter((p) => p.startsWith(`${MIGRATIONS_DIR}/`) && /^\d{13}-.+\.ts$/.test(path.basename(p)))
    .filter((p) => fs.existsSync(path.join(projectDir, p)));
  if (!files.length) return;
  const applied = await appliedInProject(projectDir);
  for (const file of files) {
    const steps = applied.indexOf(className(file)) + 1;
    if (!steps) continue;
    const revert = steps === 1 ? "`kiosk migrate revert`" : `\`kiosk migrate revert --steps ${steps}\` (it is ${steps} migrations back)`;
    throw new GeneratorError(
      "KIOSK_MIGRATION_APPLIED",
      `${file} has run on the database: undo it first with ${revert}, then destroy; nothing removed`,
    );
  }
}

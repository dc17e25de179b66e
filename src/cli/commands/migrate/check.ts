import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openProject } from "../../../kernel/boot/project";
import type { ResolvedConfig } from "../../../kernel/config/resolved-config";
import { createDataSource } from "../../../kernel/database/create-data-source";
import { createDatabase, dropDatabase, withDatabaseName } from "../../../kernel/database/postgres-admin";
import { KioskStartupError } from "../../../kernel/errors";
import { CliError } from "../../cli-error";
import { projectDir } from "../../project-dir";

/** A throw-away database of the project's dialect: a temp SQLite file, or a new PostgreSQL database. */
async function scratchDatabase(config: ResolvedConfig): Promise<{ config: ResolvedConfig; drop: () => Promise<void> }> {
  if (config.database.dialect === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-check-"));
    return {
      config: { ...config, database: { ...config.database, path: path.join(dir, "check.sqlite") } },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `kiosk_check_${process.pid}_${Date.now()}`;
  const serverUrl = config.database.url!;
  try {
    await createDatabase(serverUrl, name);
  } catch (err) {
    throw new KioskStartupError("KIOSK_DB_CONNECT", `cannot create a scratch database on PostgreSQL: ${(err as Error).message}`);
  }
  return {
    config: { ...config, database: { ...config.database, url: withDatabaseName(serverUrl, name) } },
    drop: () => dropDatabase(serverUrl, name),
  };
}

/**
 * `kiosk migrate check`: applies every migration to a scratch database of the
 * project's dialect, then diffs the entities against it. Any difference means a
 * migration is missing: the statements are printed and the exit code is non-zero.
 */
export async function checkMigrations(cwd: string | undefined, out: (line: string) => void): Promise<void> {
  const project = openProject({ projectDir: projectDir(cwd) });
  const scratch = await scratchDatabase(project.config);
  const dataSource = createDataSource(scratch.config, project.entities, project.migrations.map((m) => m.migration));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: "each" });
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    if (upQueries.length) {
      for (const q of upQueries) out(`  ${q.query}`);
      throw new CliError(
        "KIOSK_MIGRATIONS_OUT_OF_DATE",
        `entities and migrations disagree (${upQueries.length} statement${upQueries.length > 1 ? "s" : ""} above): add a migration`,
      );
    }
    out(`entities and migrations agree (${project.migrations.length} migrations)`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await scratch.drop();
  }
}

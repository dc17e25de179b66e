import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { openProject } from "../../../kernel/boot/project";
import type { ResolvedConfig } from "../../../kernel/config/resolved-config";
import { createDataSource } from "../../../kernel/database/create-data-source";
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
  const admin = new Client({ connectionString: config.database.url });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
  } catch (err) {
    throw new KioskStartupError("KIOSK_DB_CONNECT", `cannot create a scratch database on PostgreSQL: ${(err as Error).message}`);
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(config.database.url!);
  url.pathname = `/${name}`;
  return {
    config: { ...config, database: { ...config.database, url: url.toString() } },
    drop: async () => {
      const c = new Client({ connectionString: config.database.url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
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

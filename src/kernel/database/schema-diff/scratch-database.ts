import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ResolvedConfig } from "../../config/resolved-config";
import { KioskStartupError } from "../../errors";
import { createDatabase, dropDatabase, withDatabaseName } from "../postgres-admin";

/** A database to throw away, and the project config pointing at it. */
export interface ScratchDatabase {
  config: ResolvedConfig;
  drop: () => Promise<void>;
}

/** A throw-away database of the project's dialect: a temp SQLite file, or a new PostgreSQL database. */
export async function scratchDatabase(config: ResolvedConfig): Promise<ScratchDatabase> {
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

import fs from "node:fs";
import path from "node:path";

/** Where a project's migrations live, relative to the project. */
export const MIGRATIONS_DIR = "src/migrations";

function migrationFiles(projectDir: string): string[] {
  const dir = path.join(projectDir, MIGRATIONS_DIR);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^\d{13}-.+\.ts$/.test(f)).sort() : [];
}

/**
 * The timestamp of an existing `src/migrations/<13 digits>-<stem>.ts`, if any:
 * a second run of the same generator reuses it, so it finds the file identical
 * instead of writing a second migration, and `destroy` finds what to remove.
 */
export function existingMigrationTimestamp(projectDir: string, stem: string): number | undefined {
  const found = migrationFiles(projectDir).find((f) => f.slice(14) === `${stem}.ts`);
  return found ? Number(found.slice(0, 13)) : undefined;
}

/** Now, or just after the project's newest migration if the clock is behind it, so a new one runs last. */
export function nextMigrationTimestamp(projectDir: string): number {
  const newest = Math.max(0, ...migrationFiles(projectDir).map((f) => Number(f.slice(0, 13))));
  return Math.max(Date.now(), newest + 1);
}

import path from "node:path";
import type { Project } from "../../../kernel/boot/project";
import { CliError } from "../../cli-error";
import { migrationName } from "./migration-name";
import { migrationStatus } from "./migration-status";
import { withDatabase } from "./open-database";
import { recordSchemaChanges } from "./record-schema-changes";
import { migrationSource, writeMigrationFile } from "./write-migration";

/** Now, or just after the newest known migration if the clock is behind it, so the new one runs last. */
function nextTimestamp(project: Project): number {
  const newest = Math.max(0, ...project.migrations.map((m) => Number(m.name.slice(-13))));
  return Math.max(Date.now(), newest + 1);
}

async function refusePending(project: Project): Promise<void> {
  const pending = (await migrationStatus(project)).filter((m) => !m.applied);
  if (pending.length) {
    throw new CliError(
      "KIOSK_MIGRATIONS_PENDING",
      `${pending.length} migration${pending.length > 1 ? "s are" : " is"} not applied yet (${pending[0].name}): run \`kiosk migrate\` first`,
    );
  }
}

/**
 * `kiosk migrate generate <name>`: diffs the entities against the project's
 * database and writes `src/migrations/<timestamp>-<name>.ts`, made of portable
 * QueryRunner calls (no SQL), or says there is nothing to write.
 */
export async function generateMigration(name: string, cwd: string | undefined, out: (line: string) => void): Promise<void> {
  migrationName(name, 0); // a bad name fails before the database is opened
  await withDatabase(cwd, async (project) => {
    await refusePending(project);
    const { changes, unsupported } = await recordSchemaChanges(project.dataSource);
    if (unsupported.length) {
      throw new CliError(
        "KIOSK_MIGRATION_UNSUPPORTED",
        `cannot generate ${unsupported.join(", ")} as a portable migration: write this one by hand`,
      );
    }
    if (!changes.length) return out("no changes: entities and database agree");
    const { fileName, className } = migrationName(name, nextTimestamp(project));
    const dir = path.join(project.config.projectDir, "src", "migrations");
    const file = writeMigrationFile(dir, fileName, migrationSource(className, changes));
    out(`wrote ${path.relative(project.config.projectDir, file)} (${changes.length} change${changes.length > 1 ? "s" : ""})`);
  });
}

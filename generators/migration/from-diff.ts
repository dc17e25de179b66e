import type { Project } from "../../src/kernel/boot/project";
import { GeneratorError } from "../core/errors";
import { existingMigrationTimestamp, MIGRATIONS_DIR } from "../core/migration-files";
import { migrationName } from "../core/naming";
import type { GeneratorContext, Plan } from "../core/plan";

/**
 * Refuses when a migration other than `own` has not run (the diff would repeat
 * its changes); says whether `own` has run. Destroy refuses a migration that has run.
 */
async function ownStatus(project: Project, own: string | undefined, context: GeneratorContext): Promise<"applied" | "pending" | "none"> {
  const { migrationStatus } = require("../../src/kernel/database/schema-diff/migration-status") as typeof import("../../src/kernel/database/schema-diff/migration-status");
  const status = await migrationStatus(project);
  const pending = status.filter((m) => !m.applied && m.name !== own);
  if (pending.length) {
    throw new GeneratorError(
      "KIOSK_MIGRATIONS_PENDING",
      `${pending.length} migration${pending.length > 1 ? "s are" : " is"} not applied yet (${pending[0].name}): run \`kiosk migrate\` first`,
    );
  }
  const found = status.find((m) => m.name === own);
  if (found?.applied && context.mode === "destroy") {
    throw new GeneratorError("KIOSK_MIGRATION_APPLIED", `${own} has run: undo it with \`kiosk migrate revert\` first`);
  }
  return found ? (found.applied ? "applied" : "pending") : "none";
}

/**
 * `migration <name> --from-diff`, which `kiosk migrate generate` runs: the
 * entities diffed against the database through TypeORM's schema builder, in
 * portable QueryRunner calls, as a plan. A migration of that name that has not
 * run yet is excluded from the diff and keeps its timestamp, so running twice
 * finds it identical and destroy can compare it with a fresh diff.
 */
export async function migrationFromDiff(stem: string, context: GeneratorContext): Promise<Plan> {
  // The schema diff is the kernel's; it loads TypeORM, so it is required only when a plan needs it.
  const { withMigrationDatabase } = require("../../src/kernel/database/schema-diff/migration-database") as typeof import("../../src/kernel/database/schema-diff/migration-database");
  const { recordSchemaChanges } = require("../../src/kernel/database/schema-diff/record-schema-changes") as typeof import("../../src/kernel/database/schema-diff/record-schema-changes");
  const { migrationSource } = require("../../src/kernel/database/schema-diff/migration-source") as typeof import("../../src/kernel/database/schema-diff/migration-source");
  const existing = existingMigrationTimestamp(context.projectDir, stem);
  if (context.mode === "destroy" && existing === undefined) return { files: [], edits: [], notes: [] };
  return withMigrationDatabase(context.projectDir, async (project) => {
    const own = existing === undefined ? undefined : migrationName(stem, existing).className;
    const status = await ownStatus(project, own, context);
    const { changes, unsupported } = await recordSchemaChanges(project.dataSource);
    if (unsupported.length) {
      throw new GeneratorError(
        "KIOSK_MIGRATION_UNSUPPORTED",
        `cannot generate ${unsupported.join(", ")} as a portable migration: write this one by hand`,
      );
    }
    if (!changes.length) return { files: [], edits: [], notes: ["no changes: entities and database agree"] };
    const newest = Math.max(0, ...project.migrations.map((m) => Number(m.name.slice(-13))));
    // A pending migration of this name is the one being compared; one that has run stays as it is.
    const timestamp = status === "pending" ? existing! : Math.max(Date.now(), newest + 1);
    const { fileName, className } = migrationName(stem, timestamp);
    return {
      files: [{ path: `${MIGRATIONS_DIR}/${fileName}`, contents: migrationSource(className, changes) }],
      edits: [],
      notes: [`${changes.length} schema change${changes.length > 1 ? "s" : ""} from the entities`],
    };
  });
}

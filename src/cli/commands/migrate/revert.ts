import { migrationName } from "../../../../generators/core/naming";
import type { Project } from "../../../kernel/boot/project";
import { appliedMigrations } from "../../../kernel/database/schema-diff/applied-migrations";
import { CliError } from "../../cli-error";

/** The migration `undoLastMigration` would undo: the last one recorded as run. */
async function lastApplied(project: Project): Promise<string | undefined> {
  return (await appliedMigrations(project.dataSource))[0];
}

/** `CreatePost1796191743384` → `src/migrations/1796191743384-create-post.ts`, where a generator writes it. */
function likelyFile(className: string): string | undefined {
  const match = /^([A-Za-z][A-Za-z0-9]*?)(\d{13})$/.exec(className);
  if (!match) return undefined;
  try {
    return `src/migrations/${migrationName(match[1], Number(match[2])).fileName}`;
  } catch {
    return undefined;
  }
}

/**
 * Undoes the last `steps` migrations, one transaction each, printing each name.
 * A migration recorded as run whose file is gone (deleted by hand, or by
 * `kiosk destroy`) cannot be undone: that is one line naming it and its file.
 */
export async function revertMigrations(project: Project, steps: number, out: (line: string) => void): Promise<void> {
  for (let i = 0; i < steps; i++) {
    const last = await lastApplied(project);
    if (!last) return out("nothing to revert");
    if (!project.migrations.some((m) => m.name === last)) {
      const file = likelyFile(last);
      throw new CliError(
        "KIOSK_MIGRATION_MISSING",
        `the last migration run, ${last}, has no file any more${file ? ` (${file})` : ""}: ` +
          "restore it (from git, or `kiosk generate` with the same arguments) and run `kiosk migrate revert` again",
      );
    }
    await project.dataSource.undoLastMigration({ transaction: "each" });
    out(`reverted ${last}`);
  }
}

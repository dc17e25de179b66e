import { unmigratedStatements } from "../../../kernel/database/schema-diff/unmigrated-statements";
import { CliError } from "../../cli-error";
import { projectDir } from "../../project-dir";

/**
 * `kiosk migrate check`: applies every migration to a scratch database of the
 * project's dialect, then diffs the entities against it. Any difference means a
 * migration is missing: the statements are printed and the exit code is non-zero.
 */
export async function checkMigrations(cwd: string | undefined, out: (line: string) => void): Promise<void> {
  const { statements, migrations } = await unmigratedStatements(projectDir(cwd));
  if (statements.length) {
    for (const statement of statements) out(`  ${statement}`);
    throw new CliError(
      "KIOSK_MIGRATIONS_OUT_OF_DATE",
      `entities and migrations disagree (${statements.length} statement${statements.length > 1 ? "s" : ""} above): add a migration`,
    );
  }
  out(`entities and migrations agree (${migrations} migrations)`);
}

import { migrationSchema } from "../../../../generators/migration/schema";
import { runGeneratorCommand } from "../generate/run-generator-command";

/** What `kiosk migrate generate` takes besides the name. */
export interface GenerateMigrationOptions {
  cwd?: string;
  dryRun?: boolean;
  force?: boolean;
}

/**
 * `kiosk migrate generate <name>`: the migration generator with `--from-diff`
 * (`kiosk generate migration <name> --from-diff`), so it plans and applies as
 * every generator does: the entities diffed against the project's database,
 * written as `src/migrations/<timestamp>-<name>.ts` in portable QueryRunner
 * calls, with the action log, `--dry-run` and conflicts; or a note that there
 * is nothing to write.
 */
export function generateMigration(name: string, options: GenerateMigrationOptions, out: (line: string) => void): Promise<void> {
  return runGeneratorCommand(migrationSchema, { mode: "generate", args: [name], options: { ...options, fromDiff: true }, out });
}

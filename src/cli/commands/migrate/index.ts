import { Command } from "commander";
import { KioskStartupError } from "../../../kernel/errors";
import { parseCount } from "../../project-dir";
import type { Project } from "../../../kernel/boot/project";

// Each subcommand loads TypeORM and the database drivers only when it runs.
const migrationStatus = (project: Project) =>
  (require("../../../kernel/database/schema-diff/migration-status") as typeof import("../../../kernel/database/schema-diff/migration-status")).migrationStatus(project);
const withDatabase: typeof import("./open-database").withDatabase = (cwd, work) =>
  (require("./open-database") as typeof import("./open-database")).withDatabase(cwd, work);
const checkMigrations: typeof import("./check").checkMigrations = (cwd, out) =>
  (require("./check") as typeof import("./check")).checkMigrations(cwd, out);
const generateMigration: typeof import("./generate").generateMigration = (name, options, out) =>
  (require("./generate") as typeof import("./generate")).generateMigration(name, options, out);

const out = (line: string) => process.stdout.write(`${line}\n`);

async function runPending(opts: { cwd?: string }): Promise<void> {
  await withDatabase(opts.cwd, async (project) => {
    let ran;
    try {
      ran = await project.dataSource.runMigrations({ transaction: "each" });
    } catch (err) {
      const failed = (await migrationStatus(project)).find((m) => !m.applied);
      throw new KioskStartupError(
        "KIOSK_MIGRATION_FAILED",
        `migration ${failed ? `${failed.name} (${failed.root})` : ""} failed and was rolled back: ${(err as Error).message}`,
      );
    }
    if (!ran.length) return out("no pending migrations");
    for (const m of ran) out(`ran      ${m.name}`);
    out(`${ran.length} migration${ran.length > 1 ? "s" : ""} applied`);
  });
}

/** `kiosk migrate [run] | revert | show | check | generate <name>`. */
export function migrateCommand(): Command {
  const cwdOption = ["-C, --cwd <dir>", "project directory"] as const;
  const migrate = new Command("migrate")
    .description("Run, revert, show, check and generate database migrations")
    .option(...cwdOption)
    // `kiosk migrate show --cwd x`: the subcommand, not `migrate`, takes the --cwd after it.
    .enablePositionalOptions()
    .addHelpText(
      "after",
      "\nExamples:\n  $ kiosk migrate\n  $ kiosk migrate revert --steps 2\n  $ kiosk migrate show\n  $ kiosk migrate generate add-tag\n",
    )
    .action(runPending);

  migrate
    .command("run")
    .description("Apply every pending migration, each in its own transaction")
    .option(...cwdOption)
    .addHelpText("after", "\nExample:\n  $ kiosk migrate run\n")
    .action(runPending);

  migrate
    .command("revert")
    .description("Undo the most recent migrations")
    .option("--steps <n>", "how many to undo", "1")
    .option(...cwdOption)
    .addHelpText("after", "\nExample:\n  $ kiosk migrate revert --steps 2\n")
    .action(async (opts: { steps: string; cwd?: string }) => {
      const steps = parseCount("--steps", opts.steps);
      const { revertMigrations } = require("./revert") as typeof import("./revert");
      await withDatabase(opts.cwd, (project) => revertMigrations(project, steps, out));
    });

  migrate
    .command("show")
    .description("List migrations per root, applied [x] and pending [ ]")
    .option(...cwdOption)
    .addHelpText("after", "\nExample:\n  $ kiosk migrate show\n")
    .action(async (opts: { cwd?: string }) => {
      await withDatabase(opts.cwd, async (project) => {
        const status = await migrationStatus(project);
        let root = "";
        for (const m of status) {
          if (m.root !== root) out((root = m.root));
          out(`  [${m.applied ? "x" : " "}] ${m.name}`);
        }
        const pending = status.filter((m) => !m.applied).length;
        out(`${status.length - pending} applied, ${pending} pending`);
      });
    });

  migrate
    .command("check")
    .description("Exit non-zero when the entities and the migrations disagree (for CI)")
    .option(...cwdOption)
    .addHelpText("after", "\nExample:\n  $ kiosk migrate check\n")
    .action((opts: { cwd?: string }) => checkMigrations(opts.cwd, out));

  migrate
    .command("generate")
    .description("Write a migration for what the entities have and the database lacks (src/migrations); as `kiosk generate migration <name> --from-diff`")
    .argument("<name>", "what the migration does, as a word: add-tag")
    .option("--dry-run", "print the migration it would write, as a diff; write nothing")
    .option("-f, --force", "overwrite a pending migration of that name that differs")
    .option(...cwdOption)
    .addHelpText("after", "\nExamples:\n  $ kiosk migrate generate add-tag\n  $ kiosk migrate generate add-tag --dry-run\n")
    .action((name: string, opts: { cwd?: string; dryRun?: boolean; force?: boolean }) => generateMigration(name, opts, out));

  return migrate;
}

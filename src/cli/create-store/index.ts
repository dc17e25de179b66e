import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Command, Option } from "commander";
import pc from "picocolors";
import { applyProjectPlan, planProject, type ProjectTemplateData } from "../../../generators/project";
import { CliError } from "../cli-error";
import { runCli } from "../run-cli";
import { answersFromFlags, askAnswers, DEMO_ADMIN, type CreateStoreAnswers, type CreateStoreFlags } from "./answers";
import { KIOSK_ROOT, kioskDependencies, runScript } from "./package-manager";
import { databaseNameFor, dropCreatedDatabase, ensureDatabase, parseDatabaseUrl } from "./postgres";
import { createProgress, seconds, type Progress } from "./progress";
import { initGit, installDependencies, runProjectKiosk, seedSummary } from "./steps";
import { TargetDir } from "./target-dir";

const STARTER_DIR = path.join(KIOSK_ROOT, "starter");

/** The `create-store` program. */
export function createStoreProgram(): Command {
  const { version } = JSON.parse(fs.readFileSync(path.join(KIOSK_ROOT, "package.json"), "utf8")) as { version: string };
  const program = new Command("create-store");
  return program
    .description("Create a Kiosk commerce store: render the starter, install, migrate, load demo data")
    .version(version)
    .argument("[dir]", "directory to create; its name is the package name (default: my-store)")
    .option("-y, --yes", "take the defaults for everything not given; never prompt")
    .addOption(new Option("--db <kind>", "database (default: sqlite)").choices(["sqlite", "postgres"]))
    .option("--db-url <url>", "PostgreSQL URL, created when missing (default: postgres://postgres@127.0.0.1:5432/<name>)")
    .addOption(new Option("--package-manager <pm>", "npm, or pnpm/yarn when installed (default: npm)").choices(["npm", "pnpm", "yarn"]))
    .option("--no-install", "do not install dependencies (nor migrate or seed)")
    .option("--no-git", "do not create a git repository")
    .option("--no-migrate", "do not run the migrations (nor seed)")
    .option("--no-seed", "do not load the demo data (regions, products, an admin user)")
    .option("--admin-email <email>", `the admin user's email (default: ${DEMO_ADMIN.email})`)
    .option("--admin-password <password>", `the admin user's password, 8 characters or more (default: ${DEMO_ADMIN.password})`)
    .option("--keep-on-failure", "leave the directory (and database) behind when a step fails, to look into it")
    .addHelpText(
      "after",
      [
        "",
        "Interactive on a terminal; with --yes, or without a terminal, it never asks.",
        "",
        "Examples:",
        "  $ npx create-store my-shop",
        "  $ npx create-store my-shop --yes --db postgres",
        "  $ npx create-store my-shop --no-install --no-git",
        "",
      ].join("\n"),
    )
    .action(async (dir: string | undefined, flags: CreateStoreFlags) => {
      const given = (flag: keyof CreateStoreFlags) => program.getOptionValueSource(flag) === "cli";
      await createStore(dir, flags, given);
    });
}

/** Entry point of `bin/create-store.js`. */
export function main(argv: string[]): Promise<void> {
  return runCli(createStoreProgram(), argv);
}

function displayUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

function shortDir(dir: string): string {
  const rel = path.relative(process.cwd(), dir);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : dir;
}

function templateData(a: CreateStoreAnswers, deps: ReturnType<typeof kioskDependencies>): ProjectTemplateData & { customAdmin: boolean } {
  return {
    name: a.name,
    db: a.db,
    postgres: a.db === "postgres",
    databaseUrl: a.databaseUrl ?? "",
    dbName: a.databaseUrl ? parseDatabaseUrl(a.databaseUrl) : databaseNameFor(a.name),
    dependencies: deps.dependencies,
    devDependencies: deps.devDependencies,
    run: runScript(a.packageManager),
    adminEmail: isCustomAdmin(a) ? a.admin.email : DEMO_ADMIN.email,
    customAdmin: isCustomAdmin(a),
    jwtSecret: crypto.randomBytes(32).toString("hex"),
  };
}

/** Seeding with an admin other than the demo one of data/seed.json. */
function isCustomAdmin(a: CreateStoreAnswers): boolean {
  return a.seed && (a.admin.email !== DEMO_ADMIN.email || a.admin.password !== DEMO_ADMIN.password);
}

/**
 * A chosen admin is created with `kiosk user create`, not from data/seed.json:
 * its password must not sit in a file the first commit records.
 */
function dropSeedUsers(dir: string): void {
  const file = path.join(dir, "data", "seed.json");
  const seed = JSON.parse(fs.readFileSync(file, "utf8")) as { users?: unknown[] };
  delete seed.users;
  fs.writeFileSync(file, `${JSON.stringify(seed, null, 2)}\n`);
}

/**
 * Creates a store: checks everything it can before touching the disk, then
 * database, files, install, migrations, demo data, git. Any failure removes what
 * this run made (directory, database) unless --keep-on-failure, and surfaces as
 * one CliError line.
 */
export async function createStore(dirArg: string | undefined, flags: CreateStoreFlags, given: (flag: keyof CreateStoreFlags) => boolean): Promise<void> {
  const interactive = !flags.yes && process.stdin.isTTY === true && process.stdout.isTTY === true;
  const clack = interactive ? await import("@clack/prompts") : undefined;
  clack?.intro(pc.inverse(" create-store "));
  if (dirArg !== undefined) new TargetDir(path.resolve(dirArg)).check(); // before any question
  const answers = interactive ? await askAnswers(dirArg, flags, given) : answersFromFlags(dirArg, flags);
  const target = new TargetDir(answers.dir);
  target.check();

  const progress = createProgress();
  const started = performance.now();
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const cancelled = () => new CliError("CREATE_STORE_CANCELLED", "cancelled", 130);
  let createdDatabase = false;
  try {
    await build(answers, target, progress, abort.signal, () => (createdDatabase = true));
    if (abort.signal.aborted) throw cancelled();
  } catch (err) {
    const failure = abort.signal.aborted && !(err instanceof CliError && err.code === "CREATE_STORE_CANCELLED") ? cancelled() : err;
    if (answers.keepOnFailure) {
      progress.info(`kept ${shortDir(answers.dir)} as it is (--keep-on-failure)`);
    } else {
      target.release();
      if (createdDatabase && answers.databaseUrl) await dropCreatedDatabase(answers.databaseUrl).catch(() => undefined);
    }
    throw failure;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  printNextSteps(answers, performance.now() - started, progress, clack);
}

async function build(a: CreateStoreAnswers, target: TargetDir, progress: Progress, signal: AbortSignal, onCreatedDatabase: () => void): Promise<void> {
  const deps = kioskDependencies(a.packageManager);
  const checkpoint = () => {
    if (signal.aborted) throw new CliError("CREATE_STORE_CANCELLED", "cancelled", 130);
  };

  if (a.databaseUrl) {
    const name = parseDatabaseUrl(a.databaseUrl);
    const { created } = await progress.step(
      `Checking PostgreSQL database ${name}`,
      () => ensureDatabase(a.databaseUrl!),
      (r) => (r.created ? `Created PostgreSQL database ${name}` : `Using PostgreSQL database ${name}`),
    );
    if (created) onCreatedDatabase();
  }
  checkpoint();

  await progress.step(
    `Creating ${shortDir(a.dir)}`,
    async () => {
      const plan = planProject(STARTER_DIR, templateData(a, deps));
      target.claim();
      const files = applyProjectPlan(plan, a.dir);
      if (isCustomAdmin(a)) dropSeedUsers(a.dir);
      return files;
    },
    (files) => `Created ${shortDir(a.dir)} (${files.length} files)`,
  );
  checkpoint();

  if (a.install) {
    await progress.step(
      `Installing dependencies with ${a.packageManager}`,
      () => installDependencies(a.dir, a.packageManager, deps.local, signal),
      () => `Installed dependencies with ${a.packageManager}${deps.local ? ` (linked to ${KIOSK_ROOT})` : ""}`,
    );
  } else {
    progress.skip("Install", "skipped (--no-install)");
  }
  checkpoint();

  if (a.migrate) {
    await progress.step(
      "Running migrations",
      () => runProjectKiosk(a.dir, ["migrate"], a.databaseUrl, signal, "CREATE_STORE_MIGRATE_FAILED"),
      (out) => `Ran migrations${/(\d+) migrations? applied/.exec(out) ? ` (${/(\d+) migrations? applied/.exec(out)![1]} applied)` : ""}`,
    );
  } else {
    progress.skip("Migrations", a.install ? "skipped (--no-migrate)" : "skipped (dependencies not installed)");
  }
  checkpoint();

  if (a.seed) {
    await progress.step(
      "Loading demo data",
      () => runProjectKiosk(a.dir, ["seed", "--file", "data/seed.json"], a.databaseUrl, signal, "CREATE_STORE_SEED_FAILED"),
      (out) => `Loaded demo data${seedSummary(out) ? ` (${seedSummary(out)})` : ""}`,
    );
    checkpoint();
    if (isCustomAdmin(a)) {
      await progress.step(
        `Creating admin user ${a.admin.email}`,
        () =>
          runProjectKiosk(
            a.dir,
            ["user", "create", "--email", a.admin.email, "--password", a.admin.password],
            a.databaseUrl,
            signal,
            "CREATE_STORE_SEED_FAILED",
          ),
        () => `Created admin user ${a.admin.email}`,
      );
    }
  } else {
    progress.skip("Demo data", a.migrate ? "skipped (--no-seed)" : "skipped (no migrations)");
  }
  checkpoint();

  if (a.git) {
    const result = await progress.step("Creating a git repository", () => initGit(a.dir, signal), (r) =>
      r.warning ? "No git repository" : r.skipped ? `No git repository: ${r.skipped}` : "Created a git repository with a first commit",
    );
    if (result.warning) progress.warn(result.warning);
  } else {
    progress.skip("Git", "skipped (--no-git)");
  }
}

function printNextSteps(a: CreateStoreAnswers, ms: number, progress: Progress, clack: typeof import("@clack/prompts") | undefined): void {
  const run = runScript(a.packageManager);
  const commands: [string, string?][] = [[`cd ${shortDir(a.dir)}`]];
  if (!a.install) commands.push([`${a.packageManager} install`]);
  if (!a.migrate) commands.push([`${run} migrate`]);
  if (!a.seed) commands.push([`${run} seed`, "demo data, optional"]);
  commands.push([`${run} dev`, "http://localhost:9000/store/hello"]);
  const width = Math.max(...commands.map(([c]) => c.length)) + 2;
  const lines = [
    `${pc.green("Your store is ready")} in ${shortDir(a.dir)} ${pc.dim(`(${seconds(ms)})`)}`,
    "",
    "Next steps:",
    ...commands.map(([c, comment]) => `  ${pc.cyan(comment ? c.padEnd(width) : c)}${comment ? pc.dim(`# ${comment}`) : ""}`),
  ];
  if (a.databaseUrl) lines.push("", `Database: ${displayUrl(a.databaseUrl)} (DATABASE_URL in .env)`);
  if (a.seed) {
    lines.push("", `Admin login (POST /admin/auth/token):`, `  email     ${a.admin.email}`, `  password  ${a.admin.password}`);
  } else {
    lines.push(
      "",
      `Admin login: \`${run} seed\` creates ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password};`,
      `or \`npx kiosk user create --email you@example.com --password …\` once migrated`,
    );
  }
  if (clack) {
    clack.note(lines.slice(3).join("\n"), "Next steps");
    clack.outro(lines[0]);
  } else {
    progress.info(["", ...lines].join("\n"));
  }
}

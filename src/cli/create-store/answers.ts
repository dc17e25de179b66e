import path from "node:path";
import { CliError } from "../cli-error";
import { choosePackageManager, type PackageManager } from "./package-manager";
import { defaultDatabaseUrl, parseDatabaseUrl } from "./postgres";
import { TargetDir } from "./target-dir";

function unusableDir(dir: string): string | undefined {
  try {
    new TargetDir(dir).check();
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** The flags of `create-store`, as commander parses them. */
export interface CreateStoreFlags {
  yes?: boolean;
  db?: "sqlite" | "postgres";
  dbUrl?: string;
  install: boolean;
  git: boolean;
  migrate: boolean;
  seed: boolean;
  packageManager?: string;
  adminEmail?: string;
  adminPassword?: string;
  keepOnFailure?: boolean;
}

/** Everything create-store needs to know, once flags and answers are in. */
export interface CreateStoreAnswers {
  dir: string;
  name: string;
  db: "sqlite" | "postgres";
  databaseUrl?: string;
  install: boolean;
  git: boolean;
  migrate: boolean;
  seed: boolean;
  packageManager: PackageManager;
  admin: { email: string; password: string };
  keepOnFailure: boolean;
}

export const DEFAULT_DIR = "my-store";
/** The admin user of the starter's data/seed.json. */
export const DEMO_ADMIN = { email: "admin@example.com", password: "supersecret" };

const validateName = require("validate-npm-package-name") as (name: string) => {
  validForNewPackages: boolean;
  errors?: string[];
  warnings?: string[];
};

/** Why `name` is not a valid package name, or undefined when it is. */
export function invalidName(name: string): string | undefined {
  const result = validateName(name);
  if (result.validForNewPackages) return undefined;
  return [...(result.errors ?? []), ...(result.warnings ?? [])][0] ?? "invalid";
}

function checkName(name: string): void {
  const why = invalidName(name);
  if (why) throw new CliError("CREATE_STORE_BAD_NAME", `"${name}" is not a valid package name: ${why}`);
}

export function invalidEmail(email: string): string | undefined {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? undefined : "must be an email address";
}

export function invalidPassword(password: string): string | undefined {
  return password.length >= 8 ? undefined : "must have at least 8 characters";
}

/** Flags that were typed on the command line (as opposed to defaults). */
export type Given = (flag: keyof CreateStoreFlags) => boolean;

function baseAnswers(dirArg: string | undefined, flags: CreateStoreFlags): CreateStoreAnswers {
  if (flags.db === "sqlite" && flags.dbUrl) {
    throw new CliError("CREATE_STORE_BAD_ARGUMENT", "--db-url is for PostgreSQL: drop it or use --db postgres");
  }
  const dir = path.resolve(dirArg ?? DEFAULT_DIR);
  const name = path.basename(dir);
  const db = flags.dbUrl ? "postgres" : (flags.db ?? "sqlite");
  const migrate = flags.install && flags.migrate;
  return {
    dir,
    name,
    db,
    databaseUrl: db === "postgres" ? (flags.dbUrl ?? defaultDatabaseUrl(name)) : undefined,
    install: flags.install,
    git: flags.git,
    migrate,
    seed: migrate && flags.seed,
    packageManager: choosePackageManager(flags.packageManager),
    admin: { email: flags.adminEmail ?? DEMO_ADMIN.email, password: flags.adminPassword ?? DEMO_ADMIN.password },
    keepOnFailure: flags.keepOnFailure ?? false,
  };
}

function validate(a: CreateStoreAnswers): CreateStoreAnswers {
  checkName(a.name);
  if (a.databaseUrl) parseDatabaseUrl(a.databaseUrl);
  const badEmail = invalidEmail(a.admin.email);
  if (badEmail) throw new CliError("CREATE_STORE_BAD_ARGUMENT", `--admin-email ${badEmail}`);
  const badPassword = invalidPassword(a.admin.password);
  if (badPassword) throw new CliError("CREATE_STORE_BAD_ARGUMENT", `--admin-password ${badPassword}`);
  return a;
}

/** Without a terminal (or with --yes): the flags and the defaults, never a question. */
export function answersFromFlags(dirArg: string | undefined, flags: CreateStoreFlags): CreateStoreAnswers {
  return validate(baseAnswers(dirArg, flags));
}

/** On a terminal: asks for what the flags left open (name, database, demo data, admin), then validates. */
export async function askAnswers(dirArg: string | undefined, flags: CreateStoreFlags, given: Given): Promise<CreateStoreAnswers> {
  const p = await import("@clack/prompts");
  const answer = <T>(value: T): Exclude<T, symbol> => {
    if (p.isCancel(value)) throw new CliError("CREATE_STORE_CANCELLED", "cancelled", 130);
    return value as Exclude<T, symbol>;
  };
  const a = baseAnswers(dirArg, flags);

  if (dirArg === undefined) {
    const name = answer(
      await p.text({
        message: "Store name (also its directory)",
        placeholder: DEFAULT_DIR,
        defaultValue: DEFAULT_DIR,
        validate: (v) => invalidName(v || DEFAULT_DIR) ?? unusableDir(path.resolve(v || DEFAULT_DIR)),
      }),
    );
    a.dir = path.resolve(name);
    a.name = name;
  } else {
    checkName(a.name);
  }

  if (!given("db") && !given("dbUrl")) {
    a.db = answer(
      await p.select<"sqlite" | "postgres">({
        message: "Database",
        initialValue: "sqlite",
        options: [
          { value: "sqlite", label: "SQLite", hint: "embedded, a file in .kiosk/: nothing to install" },
          { value: "postgres", label: "PostgreSQL", hint: "a server you run; the database is created if missing" },
        ],
      }),
    );
  }
  if (a.db === "postgres" && !given("dbUrl")) {
    const fallback = defaultDatabaseUrl(a.name);
    a.databaseUrl = answer(
      await p.text({
        message: "PostgreSQL URL",
        placeholder: fallback,
        defaultValue: fallback,
        validate: (v) => {
          if (!v) return undefined;
          try {
            parseDatabaseUrl(v);
            return undefined;
          } catch (err) {
            return (err as Error).message.replace(/^--db-url /, "");
          }
        },
      }),
    );
  } else if (a.db === "sqlite") {
    a.databaseUrl = undefined;
  }

  if (a.migrate && !given("seed")) {
    a.seed = answer(await p.confirm({ message: "Load demo data (regions, products, an admin user)?", initialValue: true }));
  }
  if (a.seed && !given("adminEmail")) {
    a.admin.email = answer(
      await p.text({
        message: "Admin email",
        placeholder: DEMO_ADMIN.email,
        defaultValue: DEMO_ADMIN.email,
        validate: (v) => (v ? invalidEmail(v) : undefined),
      }),
    );
  }
  if (a.seed && !given("adminPassword")) {
    const password = answer(
      await p.password({
        message: `Admin password (empty: ${DEMO_ADMIN.password})`,
        validate: (v) => (v ? invalidPassword(v) : undefined),
      }),
    );
    a.admin.password = password || DEMO_ADMIN.password;
  }
  return validate(a);
}

import path from "node:path";
import type { DataSource } from "typeorm";
import { loadConfig } from "../config/load-config";
import { loadProjectEnv } from "../config/load-env-file";
import type { KioskEnv, ResolvedConfig } from "../config/resolved-config";
import { createDataSource } from "../database/create-data-source";
import { resourceExtensions } from "../loaders/discover-files";
import { loadMigrations, loadModels, type RootMigration } from "../loaders/load-schema";
import { pluginRoots } from "../loaders/plugin-roots";
import { coreRoots, type ResourceRoot } from "../loaders/resource-root";
import { KioskStartupError } from "../errors";
import { applyCustomFields } from "../custom-fields/apply-custom-fields";
import { registerTypeScript } from "../runtime/typescript-hook";

/** How to open a project: where it is, and whether to run its TypeScript source or its build. */
export interface ProjectOptions {
  projectDir: string;
  env?: KioskEnv;
  /** Run `src/*.ts` through SWC (develop, tests). Default: true unless env is production. */
  typescript?: boolean;
  port?: number;
  databaseUrl?: string;
  /** Overrides `database.statementTimeout` (ms; 0 = none), as `kiosk migrate` does. */
  statementTimeout?: number;
}

/** A project's config, resource roots, schema and (not yet connected) DataSource. */
export interface Project {
  config: ResolvedConfig;
  typescript: boolean;
  exts: string[];
  roots: ResourceRoot[];
  entities: Function[];
  migrations: RootMigration[];
  dataSource: DataSource;
}

/**
 * The part of start-up shared by the server and the database commands: config,
 * roots (core modules, then plugins, then the project), models and migrations.
 */
export function openProject(options: ProjectOptions): Project {
  const env = options.env ?? ((process.env.NODE_ENV as KioskEnv) || "development");
  const typescript = options.typescript ?? env !== "production";
  if (typescript) registerTypeScript();
  loadProjectEnv(options.projectDir, env);
  const config = loadConfig({
    projectDir: options.projectDir,
    env,
    fromBuild: !typescript,
    overrides: { port: options.port, databaseUrl: options.databaseUrl, statementTimeout: options.statementTimeout },
  });
  const exts = resourceExtensions(typescript);
  const projectRoot = {
    name: "project",
    dir: typescript ? path.join(config.projectDir, "src") : path.join(config.projectDir, "dist", "src"),
  };
  const roots = [...coreRoots(), ...pluginRoots(config.projectDir, config.plugins, typescript), projectRoot];
  const entities = loadModels(roots, exts);
  applyCustomFields(config.customFields);
  const migrations = loadMigrations(roots, exts);
  const dataSource = createDataSource(
    config,
    entities,
    migrations.map((m) => m.migration),
  );
  return { config, typescript, exts, roots, entities, migrations, dataSource };
}

/** Connects the project's DataSource; a failure is one KIOSK_DB_CONNECT error naming the database. */
export async function connectDatabase(project: Project): Promise<void> {
  try {
    await project.dataSource.initialize();
  } catch (err) {
    const { dialect, path: file } = project.config.database;
    const where = dialect === "postgres" ? "PostgreSQL" : file;
    throw new KioskStartupError("KIOSK_DB_CONNECT", `cannot open the database (${where}): ${(err as Error).message}`, { cause: err });
  }
}

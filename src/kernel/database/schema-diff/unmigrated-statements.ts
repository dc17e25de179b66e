import { openProject } from "../../boot/project";
import { createDataSource } from "../create-data-source";
import { scratchDatabase } from "./scratch-database";

/** What the entities describe and the migrations do not create. */
export interface UnmigratedStatements {
  /** The SQL the schema builder would still run after every migration; empty when they agree. */
  statements: string[];
  /** How many migrations were applied. */
  migrations: number;
}

/**
 * Applies every migration of the project to a scratch database of its dialect,
 * then diffs the entities against it. The scratch database is always dropped.
 */
export async function unmigratedStatements(projectDir: string): Promise<UnmigratedStatements> {
  const project = openProject({ projectDir });
  const scratch = await scratchDatabase(project.config);
  const dataSource = createDataSource(scratch.config, project.entities, project.migrations.map((m) => m.migration));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: "each" });
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    return { statements: upQueries.map((q) => q.query), migrations: project.migrations.length };
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await scratch.drop();
  }
}

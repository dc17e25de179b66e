import type { Project } from "../../../kernel/boot/project";

/** One migration with the root that owns it and whether it has run. */
export interface MigrationStatus {
  root: string;
  name: string;
  applied: boolean;
}

/** Every known migration, in order, marked applied or pending. */
export async function migrationStatus(project: Project): Promise<MigrationStatus[]> {
  const table = project.dataSource.options.migrationsTableName ?? "migrations";
  const runner = project.dataSource.createQueryRunner();
  try {
    const applied = new Set<string>(
      (await runner.hasTable(table))
        ? (await runner.query(`SELECT name FROM ${table}`)).map((r: { name: string }) => r.name)
        : [],
    );
    return project.migrations.map((m) => ({ root: m.root, name: m.name, applied: applied.has(m.name) }));
  } finally {
    await runner.release();
  }
}

import type { Project } from "../../boot/project";
import { appliedMigrations } from "./applied-migrations";

/** One migration with the root that owns it and whether it has run. */
export interface MigrationStatus {
  root: string;
  name: string;
  applied: boolean;
}

/** Every known migration, in order, marked applied or pending. */
export async function migrationStatus(project: Project): Promise<MigrationStatus[]> {
  const applied = new Set(await appliedMigrations(project.dataSource));
  return project.migrations.map((m) => ({ root: m.root, name: m.name, applied: applied.has(m.name) }));
}

import type { Project } from "../../../kernel/boot/project";
import { withMigrationDatabase } from "../../../kernel/database/schema-diff/migration-database";
import { projectDir } from "../../project-dir";

/** Runs `work` with the database of the project at `--cwd` open (no statement timeout), and always closes it. */
export function withDatabase<T>(cwd: string | undefined, work: (project: Project) => Promise<T>): Promise<T> {
  return withMigrationDatabase(projectDir(cwd), work);
}

import { connectDatabase, openProject, type Project } from "../../boot/project";

/**
 * Runs `work` with the project's database open for migration work, and always
 * closes it. A migration may rewrite a large table, so no statement timeout applies.
 */
export async function withMigrationDatabase<T>(projectDir: string, work: (project: Project) => Promise<T>): Promise<T> {
  const project = openProject({ projectDir, statementTimeout: 0 });
  await connectDatabase(project);
  try {
    return await work(project);
  } finally {
    await project.dataSource.destroy();
  }
}

import { connectDatabase, openProject, type Project } from "../../../kernel/boot/project";
import { projectDir } from "../../project-dir";

/**
 * Opens the project's database for a migrate command; the caller must `destroy()` it.
 * A migration may rewrite a large table, so no statement timeout applies here.
 */
export async function openDatabase(cwd: string | undefined): Promise<Project> {
  const project = openProject({ projectDir: projectDir(cwd), statementTimeout: 0 });
  await connectDatabase(project);
  return project;
}

/** Runs `work` with the project's database open, and always closes it. */
export async function withDatabase<T>(cwd: string | undefined, work: (project: Project) => Promise<T>): Promise<T> {
  const project = await openDatabase(cwd);
  try {
    return await work(project);
  } finally {
    await project.dataSource.destroy();
  }
}

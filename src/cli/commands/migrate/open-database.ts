import { KioskStartupError } from "../../../kernel/errors";
import { openProject, type Project } from "../../../kernel/boot/project";
import { projectDir } from "../../project-dir";

/** Opens the project's database for a migrate command; the caller must `destroy()` it. */
export async function openDatabase(cwd: string | undefined): Promise<Project> {
  const project = openProject({ projectDir: projectDir(cwd) });
  try {
    await project.dataSource.initialize();
  } catch (err) {
    const where = project.config.database.dialect === "postgres" ? "PostgreSQL" : project.config.database.path;
    throw new KioskStartupError("KIOSK_DB_CONNECT", `cannot open the database (${where}): ${(err as Error).message}`);
  }
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

import type { Kernel } from "../kernel/boot/kernel";
import { CliError } from "./cli-error";
import { projectDir } from "./project-dir";

/**
 * Boots a project without opening a port (its TypeScript source, or its build
 * with NODE_ENV=production), runs `work` against its container, and shuts down.
 * Pending migrations stop the command before anything is written.
 */
export async function withKernel<T>(cwd: string | undefined, work: (kernel: Kernel) => Promise<T>): Promise<T> {
  const production = process.env.NODE_ENV === "production";
  const { Kernel } = require("../kernel/boot/kernel") as typeof import("../kernel/boot/kernel");
  const kernel = await Kernel.start({
    projectDir: projectDir(cwd),
    env: production ? "production" : "development",
    typescript: !production,
    listen: false,
    logger: (require("pino") as typeof import("pino")).default({ level: process.env.LOG_LEVEL ?? "warn" }),
    beforeApplication: async (project) => {
      if (await project.dataSource.showMigrations()) {
        throw new CliError("KIOSK_PENDING_MIGRATIONS", "the database has pending migrations: run `kiosk migrate` first");
      }
    },
  });
  try {
    return await work(kernel);
  } finally {
    await kernel.shutdown();
  }
}

import { Command } from "commander";
import { parsePort, projectDir } from "../../project-dir";
import { WORKER_FLAG } from "./exit-codes";

/**
 * `kiosk develop`: a supervisor process keeps one worker running the project's
 * TypeScript. The worker reloads routes, services, middlewares and subscribers
 * in-process on change (the old version serves until the new one has loaded; a
 * broken file keeps the last good version and prints its error once); model and
 * config changes restart the worker.
 */
export function developCommand(): Command {
  return new Command("develop")
    .description("Run the project's TypeScript source and reload on change")
    .option("-p, --port <port>", "port to listen on (default: PORT or 9000)")
    .option("-C, --cwd <dir>", "project directory")
    .addHelpText("after", "\nExample:\n  $ kiosk develop --port 9000\n")
    .action(async (opts: { port?: string; cwd?: string }) => {
      const dir = projectDir(opts.cwd);
      const port = opts.port === undefined ? undefined : parsePort(opts.port);
      if (process.env[WORKER_FLAG]) {
        const { runWorker } = require("./worker") as typeof import("./worker");
        return runWorker(dir, port);
      }
      const { supervise } = require("./supervise") as typeof import("./supervise");
      return supervise(dir);
    });
}

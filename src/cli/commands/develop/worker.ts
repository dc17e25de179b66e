import path from "node:path";
import type { Kernel } from "../../../kernel/boot/kernel";
import { KioskStartupError } from "../../../kernel/errors";
import { CliError } from "../../cli-error";
import { FATAL, RESTART } from "./exit-codes";
import { needsRestart, watchProject } from "./project-watcher";

/** Start-up errors a saved file cannot fix: `develop` stops on them instead of waiting. */
const FATAL_CODES = new Set(["KIOSK_PORT_IN_USE", "KIOSK_DB_CONNECT"]);

/**
 * The develop worker: serves the project's TypeScript and reloads routes,
 * services, middlewares and subscribers in-process on change; a model, migration,
 * loader, config or `.env` change exits with RESTART. It watches before it loads
 * anything: a change made while it starts (a second entity generated while the
 * first one's restart runs) is applied once it serves, so every change made
 * before it is ready is in it.
 */
export async function runWorker(dir: string, port: number | undefined): Promise<void> {
  // Loaded here, not at the top: `kiosk --help` and the generators never load the server.
  const { Kernel } = require("../../../kernel/boot/kernel") as typeof import("../../../kernel/boot/kernel");
  let kernel: Kernel | undefined;
  let changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let lastError = "";
  // Bursts of events are coalesced into one reload; while starting, they wait.
  const stopWatching = watchProject(dir, (file) => {
    changed.add(file);
    if (!kernel) return;
    clearTimeout(timer);
    timer = setTimeout(() => void apply(kernel!), 10);
  });

  const apply = async (running: Kernel) => {
    const files = [...changed];
    changed = new Set();
    const restartFor = files.find((f) => needsRestart(dir, f));
    if (restartFor) {
      running.logger.info(`develop: ${path.relative(dir, restartFor)} changed, restarting`);
      stopWatching();
      await running.shutdown();
      process.exit(RESTART);
    }
    const started = performance.now();
    try {
      running.reload();
      lastError = "";
      const names = files.map((f) => path.relative(dir, f)).join(", ");
      running.logger.info(`develop: reloaded after ${names} in ${Math.round(performance.now() - started)} ms`);
    } catch (err) {
      const message = (err as Error).message;
      if (message !== lastError) running.logger.error(`develop: keeping the last good version: ${message}`);
      lastError = message;
    }
  };

  try {
    kernel = await Kernel.start({ projectDir: dir, env: "development", typescript: true, port });
  } catch (err) {
    stopWatching();
    if (err instanceof KioskStartupError && FATAL_CODES.has(err.code)) throw new CliError(err.code, err.message, FATAL);
    throw err;
  }
  if (changed.size) {
    const names = [...changed].map((f) => path.relative(dir, f)).join(", ");
    kernel.logger.info(`develop: ${names} changed while starting`);
    await apply(kernel);
  }
  kernel.logger.info(`develop: serving on ${kernel.url}`);
  const serving = kernel;
  await new Promise<void>((resolve) => {
    const stop = async () => {
      stopWatching();
      clearTimeout(timer);
      await serving.shutdown();
      resolve();
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
}

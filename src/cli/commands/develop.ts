import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { watch } from "chokidar";
import { Command } from "commander";
import { Kernel } from "../../kernel/boot/kernel";
import { parsePort, projectDir } from "../project-dir";

/** Exit code a develop worker uses to ask its supervisor for a full restart. */
const RESTART = 75;
const WORKER_FLAG = "KIOSK_DEVELOP_WORKER";

/** Model, migration, loader and config changes restart the worker; everything else reloads in-process. */
function needsRestart(dir: string, file: string): boolean {
  const rel = path.relative(dir, file).split(path.sep);
  return rel[0] !== "src" || ["models", "migrations", "loaders"].includes(rel[1]);
}

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
      if (process.env[WORKER_FLAG]) return runWorker(dir, port);
      return supervise();
    });
}

function supervise(): Promise<void> {
  return new Promise((resolve) => {
    let child: ChildProcess;
    let stopping = false;
    const spawn = () => {
      child = fork(process.argv[1], process.argv.slice(2), { env: { ...process.env, [WORKER_FLAG]: "1" }, stdio: "inherit" });
      child.on("exit", (code) => {
        if (stopping) return resolve();
        if (code === RESTART) return spawn();
        process.stderr.write("kiosk develop: the server stopped; fix the error and save a file to restart\n");
        waitForChange(spawn);
      });
    };
    const stop = () => {
      stopping = true;
      child.kill("SIGTERM");
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    spawn();
  });
}

function waitForChange(then: () => void): void {
  const watcher = watch(process.cwd(), { ignoreInitial: true, ignored: /node_modules|\.kiosk|dist/ });
  watcher.once("all", () => void watcher.close().then(then));
}

async function runWorker(dir: string, port: number | undefined): Promise<void> {
  const kernel = await Kernel.start({ projectDir: dir, env: "development", typescript: true, port });
  kernel.logger.info(`develop: serving on ${kernel.url}`);
  let lastError = "";
  const watcher = watch([path.join(dir, "src"), path.join(dir, "kiosk.config.ts")], {
    ignoreInitial: true,
    ignored: /(\.d\.ts|~|\.swp)$/,
  });
  watcher.on("all", async (_event, file) => {
    if (needsRestart(dir, file)) {
      kernel.logger.info(`develop: ${path.relative(dir, file)} changed, restarting`);
      await watcher.close();
      await kernel.shutdown();
      process.exit(RESTART);
    }
    const started = performance.now();
    try {
      kernel.reload();
      lastError = "";
      kernel.logger.info(`develop: reloaded after ${path.relative(dir, file)} in ${Math.round(performance.now() - started)} ms`);
    } catch (err) {
      const message = (err as Error).message;
      if (message !== lastError) kernel.logger.error(`develop: keeping the last good version: ${message}`);
      lastError = message;
    }
  });
  await new Promise<void>((resolve) => {
    const stop = async () => {
      await watcher.close();
      await kernel.shutdown();
      resolve();
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
}

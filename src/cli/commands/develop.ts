import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { watch, type FSWatcher } from "node:fs";
import { Command } from "commander";
import type { Kernel } from "../../kernel/boot/kernel";
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
      return supervise(dir);
    });
}

function supervise(dir: string): Promise<void> {
  return new Promise((resolve) => {
    let child: ChildProcess | undefined;
    let idle: FSWatcher | undefined;
    let stopping = false;
    const spawn = () => {
      idle = undefined;
      child = fork(process.argv[1], process.argv.slice(2), { env: { ...process.env, [WORKER_FLAG]: "1" }, stdio: "inherit" });
      child.on("exit", (code) => {
        child = undefined;
        if (stopping) return resolve();
        if (code === RESTART) return spawn();
        process.stderr.write("kiosk develop: the server stopped; fix the error and save a file to restart\n");
        idle = watch(dir, { recursive: true }, (_event, file) => {
          if (!file || /^(node_modules|\.kiosk|dist)/.test(file)) return;
          idle?.close();
          spawn();
        });
      });
    };
    const stop = () => {
      stopping = true;
      if (child) return void child.kill("SIGTERM");
      idle?.close();
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    spawn();
  });
}

async function runWorker(dir: string, port: number | undefined): Promise<void> {
  // Loaded here, not at the top: `kiosk --help` and the generators never load the server.
  const { Kernel } = require("../../kernel/boot/kernel") as typeof import("../../kernel/boot/kernel");
  const kernel: Kernel = await Kernel.start({ projectDir: dir, env: "development", typescript: true, port });
  kernel.logger.info(`develop: serving on ${kernel.url}`);
  let lastError = "";
  let timer: NodeJS.Timeout | undefined;
  let changed = new Set<string>();
  // node's own recursive watcher: no per-file throttle, so a second save 10 ms after
  // the first is never lost. Bursts of events are coalesced into one reload.
  const onChange = (file: string) => {
    if (/(\.d\.ts|~|\.swp)$/.test(file)) return;
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => void apply(), 10);
  };
  const watchers = [
    watch(path.join(dir, "src"), { recursive: true }, (_e, f) => f && onChange(path.join(dir, "src", f))),
    watch(dir, (_e, f) => f === "kiosk.config.ts" && onChange(path.join(dir, f))),
  ];
  const closeWatchers = () => watchers.forEach((w) => w.close());
  const apply = async () => {
    const files = [...changed];
    changed = new Set();
    const restartFor = files.find((f) => needsRestart(dir, f));
    if (restartFor) {
      kernel.logger.info(`develop: ${path.relative(dir, restartFor)} changed, restarting`);
      closeWatchers();
      await kernel.shutdown();
      process.exit(RESTART);
    }
    const started = performance.now();
    try {
      kernel.reload();
      lastError = "";
      const names = files.map((f) => path.relative(dir, f)).join(", ");
      kernel.logger.info(`develop: reloaded after ${names} in ${Math.round(performance.now() - started)} ms`);
    } catch (err) {
      const message = (err as Error).message;
      if (message !== lastError) kernel.logger.error(`develop: keeping the last good version: ${message}`);
      lastError = message;
    }
  };
  await new Promise<void>((resolve) => {
    const stop = async () => {
      closeWatchers();
      clearTimeout(timer);
      await kernel.shutdown();
      resolve();
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
}

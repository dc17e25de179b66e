import cluster from "node:cluster";
import { Command } from "commander";
import { withSmallYoungGeneration } from "../../kernel/runtime/young-generation";
import { assertBuilt } from "../assert-built";
import { electJobRunner, followJobElection } from "../cluster-jobs";
import { CliError } from "../cli-error";
import { parseCount, parsePort, projectDir } from "../project-dir";
import { serveUntilSignal } from "../serve-until-signal";

/** `kiosk start`: serve the build (`dist/`) in production mode, optionally on N worker processes. */
export function startCommand(): Command {
  return new Command("start")
    .description("Serve the built project (dist/) in production mode")
    .option("-p, --port <port>", "port to listen on (default: PORT or 9000)")
    .option("-H, --host <host>", "address to bind", "0.0.0.0")
    .option("--cluster <n>", "run N worker processes sharing the port")
    .option("-C, --cwd <dir>", "project directory")
    .addHelpText("after", "\nExample:\n  $ kiosk build && kiosk start --port 9000 --cluster 2\n")
    .action(async (opts: { port?: string; host: string; cluster?: string; cwd?: string }) => {
      process.env.NODE_ENV ??= "production";
      const dir = projectDir(opts.cwd);
      const port = opts.port === undefined ? undefined : parsePort(opts.port);
      const workers = opts.cluster === undefined ? 0 : parseCount("--cluster", opts.cluster);
      assertBuilt(dir);
      if (workers > 0 && cluster.isPrimary) return superviseWorkers(workers);
      const chosenToRunJobs = cluster.isWorker ? followJobElection() : undefined;
      // Loading the kernel allocates as much as booting it: both run with the young generation held small.
      const kernel = await withSmallYoungGeneration(() => {
        const { Kernel } = require("../../kernel/boot/kernel") as typeof import("../../kernel/boot/kernel");
        return Kernel.start({ projectDir: dir, env: "production", typescript: false, port, host: opts.host, jobsStandby: cluster.isWorker });
      }).catch((err: unknown) => {
        // A worker that cannot start must exit once its error is printed: its channel to the primary would keep it alive.
        if (cluster.isWorker) setImmediate(() => cluster.worker?.disconnect());
        throw err;
      });
      kernel.logger.info(`serving on ${kernel.url}`);
      chosenToRunJobs?.(kernel);
      await serveUntilSignal(kernel);
      // A cluster worker's channel to the primary would keep it alive after shutdown.
      if (cluster.isWorker) cluster.worker?.disconnect();
    });
}

/**
 * The primary of `--cluster N`: forks the workers, replaces one that dies, chooses the
 * one that runs the scheduled jobs (see `electJobRunner`), stops them all on a signal.
 */
function superviseWorkers(count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let stopping = false;
    let failure: CliError | undefined;
    const listening = new Set<number>();
    electJobRunner(() => stopping);
    for (let i = 0; i < count; i++) cluster.fork();
    cluster.on("listening", (worker) => listening.add(worker.id));
    cluster.on("exit", (worker, code) => {
      if (!stopping && !listening.has(worker.id)) {
        // A worker that dies before it listens would die again: stop instead of looping.
        failure = new CliError("KIOSK_WORKER_FAILED", `a worker exited with code ${code} before it started serving`);
        stop();
      }
      if (stopping) {
        if (!Object.keys(cluster.workers ?? {}).length) (failure ? reject(failure) : resolve());
        return;
      }
      process.stderr.write(`worker ${worker.process.pid} exited with ${code}; starting another\n`);
      cluster.fork();
    });
    const stop = () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
}

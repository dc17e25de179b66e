import cluster, { type Worker } from "node:cluster";
import type { Kernel } from "../kernel/boot/kernel";

/** The message the primary sends the worker it chooses. */
const RUN_JOBS = "kiosk:run-scheduled-jobs";

/**
 * The primary of `kiosk start --cluster N`: chooses one worker, the first that
 * serves, to run the scheduled jobs; when it exits, the next one that serves.
 * Without Redis each worker would otherwise run every tick. (With Redis the
 * workers ignore the choice: BullMQ runs each tick once across them all.)
 */
export function electJobRunner(stopping: () => boolean): void {
  const serving = new Map<number, Worker>();
  let runner: number | undefined;
  const elect = () => {
    if (runner !== undefined || stopping()) return;
    const next = [...serving.values()].find((w) => w.isConnected() && !w.isDead());
    if (!next) return;
    runner = next.id;
    next.send({ kiosk: RUN_JOBS });
  };
  cluster.on("listening", (worker) => {
    serving.set(worker.id, worker);
    elect();
  });
  cluster.on("exit", (worker) => {
    serving.delete(worker.id);
    if (runner !== worker.id) return;
    runner = undefined;
    elect();
  });
}

/**
 * A cluster worker: listens for the primary's choice from the start (it can come
 * as soon as the server listens, before the kernel is handed over), and runs the
 * scheduled jobs once both are there, saying so.
 */
export function followJobElection(): (kernel: Kernel) => void {
  let chosen = false;
  let kernel: Kernel | undefined;
  const run = () => {
    if (!chosen || !kernel) return;
    if (kernel.runScheduledJobs()) {
      kernel.logger.info(`scheduled jobs run in this worker (pid ${process.pid}) for the whole cluster: without Redis the primary chooses one worker, and another if it stops`);
    }
  };
  process.on("message", (message: { kiosk?: string }) => {
    if (message?.kiosk !== RUN_JOBS) return;
    chosen = true;
    run();
  });
  return (started) => {
    kernel = started;
    run();
  };
}

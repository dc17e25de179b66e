import { fork, type ChildProcess } from "node:child_process";
import { FATAL, RESTART, WORKER_FLAG } from "./exit-codes";
import { watchProject } from "./project-watcher";

/**
 * The develop supervisor: keeps one worker running. A worker that asks for a
 * restart is replaced at once; one that failed waits for a saved file, unless a
 * file changed since it was started (then it is replaced at once: that change
 * may be the fix). A worker that cannot start for a reason no file fixes (FATAL)
 * stops `develop`, non-zero, after the one line it printed.
 */
export function supervise(dir: string): Promise<void> {
  return new Promise((resolve) => {
    let child: ChildProcess | undefined;
    let stopping = false;
    let waiting = false;
    let spawnedAt = 0;
    let lastChange = 0;
    const stopWatching = watchProject(dir, () => {
      lastChange = performance.now();
      if (waiting) spawn();
    });
    const finish = (exitCode?: number) => {
      stopWatching();
      if (exitCode !== undefined) process.exitCode = exitCode;
      resolve();
    };
    function spawn() {
      waiting = false;
      spawnedAt = performance.now();
      child = fork(process.argv[1], process.argv.slice(2), { env: { ...process.env, [WORKER_FLAG]: "1" }, stdio: "inherit" });
      child.on("exit", (code) => {
        child = undefined;
        if (stopping) return finish();
        if (code === RESTART) return spawn();
        if (code === FATAL) return finish(1);
        if (lastChange >= spawnedAt) return spawn();
        process.stderr.write("kiosk develop: the server stopped; fix the error and save a file to restart\n");
        waiting = true;
      });
    }
    const stop = () => {
      stopping = true;
      if (child) return void child.kill("SIGTERM");
      finish();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    spawn();
  });
}

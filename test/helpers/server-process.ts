import { spawn } from "node:child_process";
import { cleanEnv } from "./processes";

/** A server a test started as a user would (`kiosk develop`, `npm run dev`…), with its output kept for failures. */
export interface ServerProcess {
  output: () => string;
  /** Polls until `route` answers 200 (the process exiting first is an error with its output). */
  firstOk: (base: string, route: string, timeoutMs?: number) => Promise<void>;
  /** Stops the process and every process it started (SIGTERM, SIGKILL after 5 s). */
  stop: () => Promise<void>;
}

/**
 * Starts a long-running command in a clean environment, in a process group of
 * its own: `npm run dev` runs a shell that runs `kiosk develop`, which forks its
 * worker, and stopping the group stops them all.
 */
export function serve(command: string, args: string[], opts: { cwd: string; env?: Record<string, string | undefined> }): ServerProcess {
  const child = spawn(command, args, { cwd: opts.cwd, env: cleanEnv(opts.env), stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // the group is gone already
    }
  };
  return {
    output: () => output,
    async firstOk(base, route, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${output}`);
        try {
          if ((await fetch(base + route)).status === 200) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`${route} did not answer 200 within ${timeoutMs} ms: ${output}`);
    },
    async stop() {
      signalGroup("SIGTERM");
      const killer = setTimeout(() => signalGroup("SIGKILL"), 5000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** A request and its parsed JSON answer. */
export async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

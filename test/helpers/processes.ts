import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

export const KIOSK_BIN = path.resolve(__dirname, "..", "..", "bin", "kiosk.js");

/** Explicit CORS origins: `kiosk start` (production) refuses to serve without them. */
export const PRODUCTION_CORS = { STORE_CORS: "http://shop.test", ADMIN_CORS: "http://admin.test" };

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A running `kiosk` child process with its output collected. */
export interface KioskProcess {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<number | null>;
}

/** Spawns the real `kiosk` bin. */
export function spawnKiosk(args: string[], env: Record<string, string | undefined> = {}): KioskProcess {
  const merged: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "info", ...env };
  delete merged.NODE_ENV; // vitest sets "test"; the bin decides its own environment
  const child = spawn(process.execPath, [KIOSK_BIN, ...args], {
    env: merged,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** Polls `fn` until it returns true or `ms` passes. */
export async function waitFor(fn: () => Promise<boolean> | boolean, ms = 15_000, label = "condition"): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if (await fn()) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * A clean child environment: nothing from vitest (NODE_ENV, VITEST*) or an
 * enclosing `npm run` about the repository's own package, no database, port or
 * secret from the shell, and a git identity so a first commit works on any
 * machine; then `extra` (an undefined value removes the variable).
 */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(VITEST|npm_package_|npm_lifecycle_|npm_config_local_prefix$|npm_command$)/.test(k)) continue;
    if (["NODE_ENV", "DATABASE_URL", "JWT_SECRET", "KIOSK_DEBUG", "PORT", "FORCE_COLOR", "STORE_CORS", "ADMIN_CORS"].includes(k)) continue;
    env[k] = v;
  }
  Object.assign(env, {
    GIT_AUTHOR_NAME: "Kiosk Test",
    GIT_AUTHOR_EMAIL: "test@kiosk.test",
    GIT_COMMITTER_NAME: "Kiosk Test",
    GIT_COMMITTER_EMAIL: "test@kiosk.test",
    NO_COLOR: "1",
  });
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** What a finished command printed, its exit status and how long it took. */
export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a command to its end asynchronously (the test's timers keep running), in a clean environment. */
export function runAsync(
  command: string,
  args: string[],
  opts: { cwd: string; env?: Record<string, string | undefined>; timeout?: number },
): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: cleanEnv(opts.env), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeout ?? 60_000);
    child.once("error", reject);
    child.once("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** Output a run may print: the OpenAPI document of the whole API is past spawnSync's 1 MB default. */
const MAX_OUTPUT = 64 * 1024 * 1024;

/** Runs a command to completion in a clean environment. */
export function run(command: string, args: string[], env: Record<string, string | undefined> = {}, timeout = 30_000) {
  const r = spawnSync(command, args, { env: cleanEnv(env), encoding: "utf8", timeout, maxBuffer: MAX_OUTPUT });
  return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

/** `kiosk <args> --cwd <dir>` with the real bin. */
export function kioskIn(dir: string, env: Record<string, string | undefined> = {}) {
  return (...args: string[]) => run(process.execPath, [KIOSK_BIN, ...args, "--cwd", dir], env);
}

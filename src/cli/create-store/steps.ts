import fs from "node:fs";
import path from "node:path";
import { CliError } from "../cli-error";
import { installCommand, type PackageManager } from "./package-manager";
import { pinKioskLink } from "./pin-kiosk-link";

/**
 * The environment for child processes: ours, less what an enclosing `npm run`/`npx`
 * set about *its* package (npm_package_*, npm_lifecycle_*, its local prefix) and
 * less a test runner's markers, so npm and kiosk see only the new project.
 */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_package_|npm_lifecycle_|npm_config_local_prefix$|npm_command$|VITEST)/.test(key)) continue;
    env[key] = value;
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

type Result = { exitCode?: number; stdout: string; stderr: string; failed: boolean; isCanceled?: boolean; code?: string };

/** Runs a command quietly (output captured), never throwing for a non-zero exit. */
async function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; signal?: AbortSignal },
): Promise<Result> {
  const { execa } = await import("execa");
  const result = await execa(command, args, {
    cwd: options.cwd,
    env: options.env ?? childEnv(),
    extendEnv: false,
    reject: false,
    stdin: "ignore",
    cancelSignal: options.signal,
    stripFinalNewline: true,
  });
  return {
    exitCode: result.exitCode,
    stdout: String(result.stdout ?? ""),
    stderr: String(result.stderr ?? ""),
    failed: result.failed,
    isCanceled: result.isCanceled,
    code: (result as { code?: string }).code,
  };
}

function checkCancelled(r: Result): void {
  if (r.isCanceled) throw new CliError("CREATE_STORE_CANCELLED", "cancelled", 130);
}

/** The line of a failed command's output worth showing: its first error line, else its last line. */
export function errorLine(output: string, prefix?: RegExp): string {
  const lines = output.split("\n").map((l) => l.trim()).filter(Boolean);
  const errors = prefix ? lines.filter((l) => prefix.test(l)) : [];
  const pick = errors.find((l) => !/ code \S+$|complete log|^npm error\s*$/.test(l)) ?? errors[0] ?? lines.at(-1) ?? "";
  return pick.length > 300 ? `${pick.slice(0, 300)}…` : pick;
}

/** `npm install` (or pnpm/yarn) in the new project. */
export async function installDependencies(dir: string, pm: PackageManager, linked: boolean, signal: AbortSignal): Promise<void> {
  const { command, args, env } = installCommand(pm, linked);
  const r = await run(command, args, { cwd: dir, env: childEnv({ ...env, NODE_ENV: "development" }), signal });
  checkCancelled(r);
  if (r.failed) {
    const detail = r.code === "ENOENT" ? `${command} was not found` : errorLine(`${r.stderr}\n${r.stdout}`, /^(npm error|npm ERR!|ERR_PNPM|ERROR|error)/i);
    throw new CliError("CREATE_STORE_INSTALL_FAILED", `${command} install failed: ${detail}`);
  }
  if (linked) pinKioskLink(dir);
}

/** The environment the project's own `kiosk` runs with: development, on the chosen database and nothing else. */
function kioskEnv(databaseUrl: string | undefined): NodeJS.ProcessEnv {
  return childEnv({ NODE_ENV: "development", LOG_LEVEL: "warn", DATABASE_URL: databaseUrl });
}

/** The `kiosk` bin the project installed: its version is the one that must run its migrations. */
export function projectKioskBin(dir: string): string | undefined {
  try {
    const pkgFile = require.resolve("kiosk/package.json", { paths: [dir] });
    const pkg = JSON.parse(fs.readFileSync(pkgFile, "utf8")) as { bin?: Record<string, string> };
    const bin = pkg.bin?.kiosk && path.join(path.dirname(pkgFile), pkg.bin.kiosk);
    return bin && fs.existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `kiosk <args> --cwd dir` with the project's Kiosk; returns its output, or throws its error line. */
export async function runProjectKiosk(
  dir: string,
  args: string[],
  databaseUrl: string | undefined,
  signal: AbortSignal,
  code: string,
): Promise<string> {
  const bin = projectKioskBin(dir);
  if (!bin) throw new CliError(code, `kiosk is not installed in ${dir}`);
  const r = await run(process.execPath, [bin, ...args, "--cwd", dir], { cwd: dir, env: kioskEnv(databaseUrl), signal });
  checkCancelled(r);
  if (r.failed) {
    // `kiosk: <message> [KIOSK_CODE]`: keep the message, this error carries its own code.
    const line = errorLine(`${r.stderr}\n${r.stdout}`, /^kiosk: /).replace(/^kiosk: /, "").replace(/ \[[A-Z_]+\]$/, "");
    throw new CliError(code, `kiosk ${args[0]} failed: ${line}`);
  }
  return r.stdout;
}

/** `kiosk seed` prints `<section>   <n> created[, <m> already there]` per section: a short summary of it. */
export function seedSummary(stdout: string): string {
  const parts = [...stdout.matchAll(/^(\w+)\s+(\d+) created/gm)].filter((m) => m[2] !== "0").map((m) => `${m[2]} ${m[1].replace(/_/g, " ")}`);
  return parts.join(", ");
}

/**
 * `git init` and a first commit. Git is optional: when it is missing, or the
 * directory already sits in a repository, or the commit cannot be made, this
 * says why and the store is created all the same.
 */
export async function initGit(dir: string, signal: AbortSignal): Promise<{ skipped?: string; warning?: string }> {
  const version = await run("git", ["--version"], { cwd: dir, signal });
  checkCancelled(version);
  if (version.failed) return { warning: "git is not installed: no repository was created (or use --no-git)" };
  const inside = await run("git", ["rev-parse", "--is-inside-work-tree"], { cwd: dir, signal });
  if (!inside.failed && inside.stdout.trim() === "true") return { skipped: "already inside a git repository" };
  const steps: string[][] = [["init", "-q"], ["add", "-A"], ["commit", "-q", "--no-verify", "-m", "Initial commit from create-store"]];
  for (const args of steps) {
    const r = await run("git", args, { cwd: dir, signal });
    checkCancelled(r);
    if (r.failed) {
      if (args[0] === "init") return { warning: `git init failed: ${errorLine(r.stderr)}` };
      return { warning: `the first commit failed (${errorLine(r.stderr, /^(fatal|error):/)}): the repository is there, commit when ready` };
    }
  }
  return {};
}

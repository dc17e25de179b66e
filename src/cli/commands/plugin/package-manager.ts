import fs from "node:fs";
import path from "node:path";
import { CliError } from "../../cli-error";
import { childEnv, errorLine } from "../../create-store/steps";
import { PACKAGE_MANAGERS, type PackageManager } from "../../create-store/package-manager";

const LOCKFILES: [string, PackageManager][] = [
  ["pnpm-lock.yaml", "pnpm"],
  ["yarn.lock", "yarn"],
  ["package-lock.json", "npm"],
  ["npm-shrinkwrap.json", "npm"],
];

/**
 * The project's package manager: package.json's `packageManager` field, else
 * the lockfile found in the project or the nearest parent (a workspace root),
 * else npm.
 */
export function detectPackageManager(projectDir: string): PackageManager {
  try {
    const field = (JSON.parse(fs.readFileSync(path.join(projectDir, "package.json"), "utf8")) as { packageManager?: string }).packageManager;
    const name = field?.split("@")[0] as PackageManager | undefined;
    if (name && PACKAGE_MANAGERS.includes(name)) return name;
  } catch {
    /* no package.json, or not JSON: look for a lockfile */
  }
  for (let dir = path.resolve(projectDir); ; dir = path.dirname(dir)) {
    const found = LOCKFILES.find(([file]) => fs.existsSync(path.join(dir, file)));
    if (found) return found[1];
    if (dir === path.dirname(dir)) return "npm";
  }
}

/** `npm install <spec>`, `pnpm add <spec>`, `yarn add <spec>`. */
export function addCommand(pm: PackageManager, spec: string): { command: string; args: string[] } {
  return pm === "npm" ? { command: "npm", args: ["install", spec] } : { command: pm, args: ["add", spec] };
}

/**
 * Installs a package into the project with its package manager (through execa,
 * output captured). A failure is one line: the package manager's first error line.
 */
export async function installPackage(projectDir: string, pm: PackageManager, spec: string, configName: string): Promise<void> {
  const { command, args } = addCommand(pm, spec);
  const { execa } = await import("execa");
  const result = await execa(command, args, {
    cwd: projectDir,
    env: childEnv(),
    extendEnv: false,
    reject: false,
    stdin: "ignore",
    stripFinalNewline: true,
  });
  if (!result.failed) return;
  const code = (result as { code?: string }).code;
  const detail =
    code === "ENOENT"
      ? `${command} was not found on PATH`
      : errorLine(`${String(result.stderr ?? "")}\n${String(result.stdout ?? "")}`, /^(npm error|npm ERR!|ERR_PNPM|ERROR|error)/i) ||
        `exit code ${result.exitCode}`;
  throw new CliError("KIOSK_PLUGIN_INSTALL_FAILED", `${command} ${args.join(" ")} failed: ${detail}; ${configName} not changed`);
}

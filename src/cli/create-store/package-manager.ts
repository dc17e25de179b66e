import fs from "node:fs";
import path from "node:path";
import { CliError } from "../cli-error";

export type PackageManager = "npm" | "pnpm" | "yarn";
export const PACKAGE_MANAGERS: PackageManager[] = ["npm", "pnpm", "yarn"];

/** The root of this Kiosk package (bin/, dist/, starter/), from dist/src/cli/create-store. */
export const KIOSK_ROOT = path.resolve(__dirname, "..", "..", "..", "..");

/** Whether `command` is an executable on PATH. */
export function onPath(command: string): boolean {
  const exts = process.platform === "win32" ? (process.env.PATHEXT ?? ".EXE;.CMD").split(";") : [""];
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      try {
        fs.accessSync(path.join(dir, command + ext), fs.constants.X_OK);
        return true;
      } catch {
        // not here
      }
    }
  }
  return false;
}

/** `--package-manager`, else the one that launched us (`pnpm create …`), else npm. It must be on PATH. */
export function choosePackageManager(requested: string | undefined): PackageManager {
  const agent = (process.env.npm_config_user_agent ?? "").split("/")[0] as PackageManager;
  const pm = (requested as PackageManager | undefined) ?? (PACKAGE_MANAGERS.includes(agent) ? agent : "npm");
  if (!onPath(pm)) {
    const alternatives = PACKAGE_MANAGERS.filter((p) => p !== pm && onPath(p));
    const hint = alternatives.length ? `; use --package-manager ${alternatives[0]}` : "";
    throw new CliError("CREATE_STORE_BAD_ARGUMENT", `${pm} is not installed (not found on PATH)${hint}`);
  }
  return pm;
}

/** `npm run dev` / `pnpm dev` / `yarn dev`. */
export function runScript(pm: PackageManager): string {
  return pm === "npm" ? "npm run" : pm;
}

/** What the new project depends on, and whether it links this copy of Kiosk. */
export interface KioskDependencies {
  /** true when this is a checkout of the Kiosk repository (not a copy installed from a registry) */
  local: boolean;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const DEV_TOOLS = ["@types/node", "typescript", "vitest"];

/**
 * `kiosk` itself: `^version` from a registry install; from a checkout of the
 * repository, a link to the checkout (nothing is downloaded for it). The dev
 * tools are always the ranges Kiosk itself is built and tested with, installed
 * into the project (from npm's cache when the checkout's `npm ci` filled it):
 * never links into the checkout's node_modules, so the project holds its own
 * copies wherever it is made, and can be moved.
 */
export function kioskDependencies(pm: PackageManager, root = KIOSK_ROOT): KioskDependencies {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    version: string;
    devDependencies?: Record<string, string>;
  };
  const local = fs.existsSync(path.join(root, "src")) && fs.existsSync(path.join(root, "tsconfig.json"));
  const devDependencies = Object.fromEntries(DEV_TOOLS.map((name) => [name, pkg.devDependencies?.[name] ?? "latest"]));
  return {
    local,
    // npm links a directory given as file:; pnpm and yarn copy it unless it is given as link:.
    dependencies: { kiosk: local ? `${pm === "npm" ? "file:" : "link:"}${root}` : `^${pkg.version}` },
    devDependencies,
  };
}

/**
 * The install command. A linked checkout runs with scripts off: npm would otherwise
 * run Kiosk's own `prepare` (a full rebuild of the checkout) on every install.
 */
export function installCommand(pm: PackageManager, linked: boolean): { command: string; args: string[]; env: Record<string, string> } {
  switch (pm) {
    case "npm":
      return {
        command: "npm",
        args: ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", ...(linked ? ["--ignore-scripts"] : [])],
        env: {},
      };
    case "pnpm":
      return { command: "pnpm", args: ["install", "--prefer-offline", ...(linked ? ["--ignore-scripts"] : [])], env: {} };
    case "yarn":
      // yarn 1 reads the npm_config_ variable, yarn 2+ the YARN_ one; neither fails on the other.
      return {
        command: "yarn",
        args: ["install"],
        env: linked ? { npm_config_ignore_scripts: "true", YARN_ENABLE_SCRIPTS: "false" } : {},
      };
  }
}

import fs from "node:fs";
import path from "node:path";
import { isPluginPath } from "../../../kernel/loaders/plugin-roots";
import { CliError } from "../../cli-error";

/** What `kiosk plugin add|remove` was given: a folder, or a package from the registry. */
export type PluginTarget =
  | {
      kind: "path";
      /** As written in kiosk.config.ts: relative to the project, with `/`: `./plugins/reviews`, `../shared/x`. */
      resolve: string;
      dir: string;
    }
  | {
      kind: "package";
      /** The package name, as written in kiosk.config.ts: `kiosk-plugin-reviews`, `@acme/kiosk-reviews`. */
      resolve: string;
      /** What the package manager installs: the name, with the version or tag when one was given. */
      spec: string;
    };

const validName = require("validate-npm-package-name") as (name: string) => { validForOldPackages: boolean };

/** `name@range` -> `name` (a scope's `@` is not a version). */
function packageName(spec: string): string {
  const at = spec.lastIndexOf("@");
  return at > 0 ? spec.slice(0, at) : spec;
}

/** `plugins/reviews` or an absolute path, as a config `resolve`: `./plugins/reviews`. */
function relativeResolve(projectDir: string, dir: string): string {
  const relative = path.relative(projectDir, dir).split(path.sep).join("/");
  return relative.startsWith("../") || relative === ".." ? relative : `./${relative}`;
}

/**
 * Reads the argument: a path (starts with `.`, `/` or a drive, or names a
 * folder of the project) or a package name with an optional version
 * (`kiosk-plugin-reviews@^1.2.0`). Paths are relative to the project.
 */
export function parseTarget(arg: string, projectDir: string): PluginTarget {
  const looksLikePath = isPluginPath(arg) || /^[A-Za-z]:[\\/]/.test(arg);
  const name = packageName(arg);
  if (!looksLikePath && validName(name).validForOldPackages) return { kind: "package", resolve: name, spec: arg };
  const dir = path.resolve(projectDir, arg);
  if (!looksLikePath && !fs.existsSync(dir)) {
    throw new CliError("KIOSK_BAD_ARGUMENT", `"${arg}" is neither a package name nor a folder (write a path as ./${arg})`);
  }
  if (dir === path.resolve(projectDir)) throw new CliError("KIOSK_BAD_ARGUMENT", `"${arg}" is the project itself, not a plugin`);
  return { kind: "path", resolve: relativeResolve(projectDir, dir), dir };
}

/**
 * A plugin folder has a package.json and its code in `dist/` (built) or `src/`
 * (run by `kiosk develop`); otherwise it is refused before anything is written.
 */
export function checkPluginFolder(label: string, dir: string, needs: "dist" | "dist or src"): void {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new CliError("KIOSK_PLUGIN_NOT_FOUND", `${label}: no folder at ${dir}`);
  }
  if (!fs.existsSync(path.join(dir, "package.json"))) {
    throw new CliError("KIOSK_NOT_A_PLUGIN", `${label} is not a Kiosk plugin: no package.json in ${dir}`);
  }
  const has = (d: string) => fs.existsSync(path.join(dir, d));
  if (!(has("dist") || (needs === "dist or src" && has("src")))) {
    throw new CliError(
      "KIOSK_NOT_A_PLUGIN",
      needs === "dist"
        ? `${label} is not a Kiosk plugin: no dist/ in ${dir} (a plugin package ships its build)`
        : `${label} is not a Kiosk plugin: no dist/ or src/ in ${dir}`,
    );
  }
}

/** `--options '<json>'`: a JSON object, or a one-line error saying why not. */
export function parseOptions(json: string | undefined): Record<string, unknown> | undefined {
  if (json === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new CliError("KIOSK_BAD_ARGUMENT", `--options must be a JSON object such as '{"autoApprove":true}': ${(err as Error).message}`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new CliError("KIOSK_BAD_ARGUMENT", `--options must be a JSON object such as '{"autoApprove":true}', got ${json}`);
  }
  return value as Record<string, unknown>;
}

/** kiosk.config.ts, or kiosk.config.js when only that exists (as `kiosk generate plugin` does). */
export function configFile(projectDir: string): string {
  const js = "kiosk.config.js";
  return !fs.existsSync(path.join(projectDir, "kiosk.config.ts")) && fs.existsSync(path.join(projectDir, js)) ? js : "kiosk.config.ts";
}

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { PluginEntry } from "../config/define-config";
import { KioskStartupError } from "../errors";
import type { ResourceRoot } from "./resource-root";

/** The folders a root may hold; a plugin with none of them has nothing to load. */
export const RESOURCE_FOLDERS = ["models", "migrations", "services", "api", "subscribers", "jobs", "loaders"];

/** A plugin as the loaders see it: how the config names it, and the folder of its package. */
interface LoadedPlugin {
  /** `"kiosk-plugin-reviews"`, or `"kiosk-plugin-reviews" (./plugins/reviews)` for a path. */
  label: string;
  dir: string;
}

/**
 * Every plugin folder resolved in this process, so an error in one of its files
 * (see `pluginError`) names the plugin, whichever loader met it. Keyed by folder:
 * several projects booted in one process (tests) never clash.
 */
const loaded = new Map<string, LoadedPlugin>();

/** The plugin a file belongs to, if any. */
function pluginOwning(file: string): LoadedPlugin | undefined {
  for (const plugin of loaded.values()) if (file.startsWith(plugin.dir + path.sep)) return plugin;
  return undefined;
}

/**
 * A one-line start-up error naming the plugin that owns `file`
 * (`plugin "x" failed to load: dist/services/x.js: <reason>`), or undefined
 * when the file is not a plugin's: the caller then reports it its own way.
 */
export function pluginError(file: string, code: string, reason: unknown, cause?: unknown): KioskStartupError | undefined {
  const plugin = pluginOwning(file);
  if (!plugin) return undefined;
  const text = reason instanceof Error ? reason.message : String(reason);
  const line = text.split("\n").map((l) => l.trim()).find(Boolean) ?? "unknown error";
  const relative = path.relative(plugin.dir, file).split(path.sep).join("/");
  return new KioskStartupError(code, `plugin ${plugin.label} failed to load: ${relative}: ${line}`, { cause: cause ?? reason });
}

/** Whether a `resolve` is a path (relative to the project, or absolute) rather than a package name. */
export function isPluginPath(resolve: string): boolean {
  return resolve.startsWith(".") || path.isAbsolute(resolve);
}

/**
 * The folder of an installed package, found the way `require` looks for it
 * (`node_modules` of the project, then of each parent), without going through
 * its `exports` (which may not expose package.json).
 */
export function findInstalledPackage(projectDir: string, name: string): string | undefined {
  const lookup = createRequire(path.join(projectDir, "package.json")).resolve.paths(name) ?? [];
  return lookup.map((base) => path.join(base, name)).find((dir) => fs.existsSync(path.join(dir, "package.json")));
}

function readPackageName(dir: string, label: string): string | undefined {
  const file = path.join(dir, "package.json");
  if (!fs.existsSync(file)) return undefined;
  try {
    const name = (JSON.parse(fs.readFileSync(file, "utf8")) as { name?: unknown }).name;
    return typeof name === "string" && name ? name : undefined;
  } catch (err) {
    throw new KioskStartupError("KIOSK_PLUGIN_INVALID", `plugin "${label}": ${file} is not valid JSON: ${(err as Error).message}`);
  }
}

let hostKiosk: string | null | undefined;

/** The folder of the `kiosk` package running this code. */
function hostKioskDir(): string | undefined {
  if (hostKiosk !== undefined) return hostKiosk ?? undefined;
  hostKiosk = null;
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (!fs.existsSync(file)) continue;
    try {
      if ((JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string }).name === "kiosk") return (hostKiosk = fs.realpathSync(dir));
    } catch {
      /* not ours: keep looking */
    }
  }
  return undefined;
}

/**
 * A plugin must share the project's copy of `kiosk` (a peer dependency): with a
 * copy of its own, its entities and errors are other classes than the kernel's,
 * and nothing it declares would be recognised.
 */
function checkKioskCopy(dir: string, label: string): void {
  const host = hostKioskDir();
  let theirs: string;
  try {
    theirs = fs.realpathSync(path.dirname(createRequire(path.join(fs.realpathSync(dir), "package.json")).resolve("kiosk/package.json")));
  } catch {
    return; // it does not reach kiosk at all: importing its files will say so
  }
  if (host && theirs !== host) {
    throw new KioskStartupError(
      "KIOSK_PLUGIN_KIOSK_MISMATCH",
      `plugin ${label} resolves its own copy of kiosk (${theirs}), not the project's (${host}): ` +
        "kiosk must be a peer dependency of the plugin, not installed inside it",
    );
  }
}

/** `dist/`, or `dist/src/` when the plugin was built without `rootDir: "src"`. */
function builtRoot(dist: string): string {
  const has = (d: string) => RESOURCE_FOLDERS.some((f) => fs.existsSync(path.join(d, f)));
  return !has(dist) && has(path.join(dist, "src")) ? path.join(dist, "src") : dist;
}

/**
 * Resolves each configured plugin (a package name or a path relative to the
 * project) to a root named `plugin:<package name>`:
 * - an installed package loads its `dist/` (packages ship their build; the
 *   TypeScript hook leaves node_modules alone);
 * - a local path loads its `src/` when running TypeScript and it has one, else its `dist/`.
 * Anything that stops a plugin from loading is an error naming it, with a
 * KIOSK_PLUGIN_* code: not installed, not built, nothing to load, a second copy of
 * kiosk, listed twice. Errors in its files are reported through `pluginError`.
 */
export function pluginRoots(projectDir: string, plugins: PluginEntry[], typescript: boolean): ResourceRoot[] {
  const seen = new Map<string, string>();
  return plugins.map((entry) => {
    const { resolve, options } = typeof entry === "string" ? { resolve: entry, options: {} } : entry;
    const byPath = isPluginPath(resolve);
    let dir: string;
    if (byPath) {
      dir = path.resolve(projectDir, resolve);
      if (!fs.existsSync(dir)) throw new KioskStartupError("KIOSK_PLUGIN_NOT_FOUND", `plugin "${resolve}": no folder at ${dir}`);
    } else {
      const found = findInstalledPackage(projectDir, resolve);
      if (!found) {
        throw new KioskStartupError(
          "KIOSK_PLUGIN_NOT_FOUND",
          `plugin "${resolve}" is not installed in ${projectDir}: run \`kiosk plugin add ${resolve}\` (or npm install ${resolve})`,
        );
      }
      dir = found;
    }
    const name = readPackageName(dir, resolve) ?? resolve;
    const label = name === resolve ? `"${name}"` : `"${name}" (${resolve})`;

    const fromPackage = !byPath || dir.split(path.sep).includes("node_modules");
    const src = path.join(dir, "src");
    const dist = path.join(dir, "dist");
    let rootDir: string;
    if (typescript && !fromPackage && fs.existsSync(src)) rootDir = src;
    else if (fs.existsSync(dist)) rootDir = builtRoot(dist);
    else if (fromPackage) {
      throw new KioskStartupError("KIOSK_PLUGIN_NOT_BUILT", `plugin ${label} has no dist/ in ${dir}: a plugin package must ship its build`);
    } else if (fs.existsSync(src)) {
      throw new KioskStartupError(
        "KIOSK_PLUGIN_NOT_BUILT",
        `plugin ${label} is not built: no dist/ in ${dir} (production loads a plugin's dist/: build it first)`,
      );
    } else {
      throw new KioskStartupError("KIOSK_PLUGIN_NOT_BUILT", `plugin ${label} has neither src/ nor dist/ in ${dir}`);
    }
    if (!RESOURCE_FOLDERS.some((f) => fs.existsSync(path.join(rootDir, f)))) {
      throw new KioskStartupError(
        "KIOSK_PLUGIN_INVALID",
        `plugin ${label} has nothing to load: no ${RESOURCE_FOLDERS.join("/, ")}/ in ${rootDir}`,
      );
    }

    const real = fs.realpathSync(dir);
    const twice = seen.get(real) ?? [...seen.values()].find((n) => n === name);
    if (twice) throw new KioskStartupError("KIOSK_PLUGIN_DUPLICATE", `plugin ${label} is listed twice in plugins`);
    seen.set(real, name);

    checkKioskCopy(dir, label);
    loaded.set(dir, { label, dir });
    return { name: `plugin:${name}`, dir: rootDir, options: options ?? {} };
  });
}

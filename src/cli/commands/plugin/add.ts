import fs from "node:fs";
import path from "node:path";
import { applyPlan } from "../../../../generators/core/apply-plan";
import { addPluginToConfig } from "../../../../generators/core/edits/add-plugin-to-config";
import { GeneratorError } from "../../../../generators/core/errors";
import type { Plan } from "../../../../generators/core/plan";
import { inline } from "../../../kernel/database/schema-diff/code-literal";
import { findInstalledPackage } from "../../../kernel/loaders/plugin-roots";
import { CliError } from "../../cli-error";
import { projectDir } from "../../project-dir";
import { addCommand, detectPackageManager, installPackage } from "./package-manager";
import { checkPluginFolder, configFile, parseOptions, parseTarget, type PluginTarget } from "./target";

export type Out = (line: string) => void;

export interface AddOptions {
  options?: string;
  dryRun?: boolean;
  cwd?: string;
}

/** Runs a plan on the config through the generators' engine (action log, diffs, dry run). */
export function apply(dir: string, plan: Plan, dryRun: boolean, out: Out) {
  try {
    return applyPlan(dir, plan, { dryRun, force: false, out });
  } catch (err) {
    if (err instanceof GeneratorError) throw new CliError(err.code, err.message);
    throw err;
  }
}

/** The element written into `plugins`: `"pkg"`, `{ resolve: "./path" }`, or either with its options. */
function entryText(target: PluginTarget, options: Record<string, unknown> | undefined): string {
  if (options) return inline({ resolve: target.resolve, options });
  return target.kind === "path" ? inline({ resolve: target.resolve }) : JSON.stringify(target.resolve);
}

/** Whether the project already depends on the package and has it installed. */
function isInstalled(dir: string, name: string): boolean {
  if (!findInstalledPackage(dir, name)) return false;
  const file = path.join(dir, "package.json");
  if (!fs.existsSync(file)) return true;
  try {
    const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, Record<string, string> | undefined>;
    return [pkg.dependencies, pkg.devDependencies, pkg.optionalDependencies].some((deps) => deps && name in deps);
  } catch {
    return false;
  }
}

const LOCKFILES = ["package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "yarn.lock"];

/**
 * What an install is about to change (package.json, the lockfile, the package's
 * folder), and a function that puts it back: a package that turns out not to
 * be a plugin leaves the project as it was.
 */
function snapshotInstall(dir: string, name: string): () => void {
  const files = ["package.json", ...LOCKFILES].map((f) => path.join(dir, f));
  const before = new Map(files.map((f) => [f, fs.existsSync(f) ? fs.readFileSync(f) : null]));
  const folder = path.join(dir, "node_modules", ...name.split("/"));
  const hadFolder = fs.existsSync(folder);
  return () => {
    for (const [file, contents] of before) {
      if (contents) fs.writeFileSync(file, contents);
      else fs.rmSync(file, { force: true });
    }
    if (!hadFolder) fs.rmSync(folder, { recursive: true, force: true });
  };
}

/**
 * `kiosk plugin add <pkg|path>`: checks the plugin, installs a package with the
 * project's package manager, then adds the plugin to kiosk.config.ts's
 * `plugins` with the same ts-morph edit `kiosk generate plugin` uses. Nothing
 * is written when any step fails: the edit is computed (and checked) before
 * the install, and written only after it succeeded.
 */
export async function addPlugin(arg: string, opts: AddOptions, out: Out): Promise<void> {
  const dir = projectDir(opts.cwd);
  const target = parseTarget(arg, dir);
  const options = parseOptions(opts.options);
  const config = configFile(dir);
  if (target.kind === "path") checkPluginFolder(`"${arg}"`, target.dir, "dist or src");

  const plan: Plan = { files: [], edits: [addPluginToConfig(config, target.resolve, entryText(target, options))], notes: [] };
  const preview = apply(dir, plan, true, () => {});
  const listed = preview.every((e) => e.action === "identical");

  if (target.kind === "package") {
    const pm = detectPackageManager(dir);
    const { command, args } = addCommand(pm, target.spec);
    const line = `${command} ${args.join(" ")}`;
    let undoInstall = () => {};
    if (isInstalled(dir, target.resolve) && target.spec === target.resolve) {
      out(`${"skip".padEnd(9)} ${line} (${target.resolve} is installed)`);
    } else {
      out(`${"install".padEnd(9)} ${target.spec} (${line})`);
      if (!opts.dryRun) {
        undoInstall = snapshotInstall(dir, target.resolve);
        await installPackage(dir, pm, target.spec, config).catch((err) => {
          undoInstall(); // whatever a failed install left in package.json or the lockfile
          throw err;
        });
      }
    }
    if (!opts.dryRun) {
      const installed = findInstalledPackage(dir, target.resolve) ?? path.join(dir, "node_modules", target.resolve);
      try {
        checkPluginFolder(`"${target.resolve}"`, installed, "dist");
      } catch (err) {
        if (!(err instanceof CliError)) throw err;
        undoInstall();
        throw new CliError(err.code, `${err.message}; nothing changed`);
      }
    }
  }

  if (listed) {
    if (options) plan.notes!.push(`${target.resolve} is already in plugins: its options were left as they are`);
  } else {
    plan.notes!.push("run `kiosk migrate` to apply the plugin's migrations");
  }
  apply(dir, plan, opts.dryRun === true, out);
}

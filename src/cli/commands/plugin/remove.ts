import type { Plan } from "../../../../generators/core/plan";
import { removePluginFromConfig } from "../../../../generators/core/edits/add-plugin-to-config";
import { projectDir } from "../../project-dir";
import { apply, type AddOptions, type Out } from "./add";
import { detectPackageManager } from "./package-manager";
import { configFile, parseTarget } from "./target";

/**
 * `kiosk plugin remove <pkg|path>`: takes the plugin's entry (in any form) out
 * of kiosk.config.ts's `plugins`. The package and the plugin's tables stay:
 * uninstall it and revert its migrations by hand if they should go too.
 */
export async function removePlugin(arg: string, opts: Omit<AddOptions, "options">, out: Out): Promise<void> {
  const dir = projectDir(opts.cwd);
  const target = parseTarget(arg, dir);
  const config = configFile(dir);
  const plan: Plan = { files: [], edits: [removePluginFromConfig(config, target.resolve)], notes: [] };
  const preview = apply(dir, plan, true, () => {});
  if (preview.every((e) => e.action === "identical")) {
    plan.notes!.push(`${target.resolve} is not in ${config}'s plugins`);
  } else if (target.kind === "package") {
    const pm = detectPackageManager(dir);
    plan.notes!.push(`the package stays installed: ${pm === "npm" ? "npm uninstall" : `${pm} remove`} ${target.resolve} removes it`);
  }
  apply(dir, plan, opts.dryRun === true, out);
}

import { Command } from "commander";

const out = (line: string) => process.stdout.write(`${line}\n`);

/**
 * `kiosk plugin add|remove <pkg|path>`. The work (ts-morph, execa) is required
 * only when a subcommand runs, so `kiosk --help` stays as fast as before.
 */
export function pluginCommand(): Command {
  const plugin = new Command("plugin")
    .description("Add a plugin (an npm package or a local folder) to the project, or remove it")
    .enablePositionalOptions()
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  $ kiosk plugin add kiosk-plugin-reviews\n" +
        "  $ kiosk plugin add ./plugins/reviews --options '{\"autoApprove\":true}'\n" +
        "  $ kiosk plugin remove kiosk-plugin-reviews\n",
    );

  plugin
    .command("add")
    .description("Install a plugin package (or check a plugin folder) and add it to kiosk.config.ts's plugins")
    .argument("<pkg|path>", "a package name (kiosk-plugin-reviews, @acme/reviews@^1.2.0) or a folder, relative to the project (./plugins/reviews)")
    .option("--options <json>", "the plugin's options, a JSON object, written into its config entry")
    .option("--dry-run", "print the install it would run and the config diff; change nothing")
    .option("-C, --cwd <dir>", "project directory")
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  $ kiosk plugin add kiosk-plugin-reviews\n" +
        "  $ kiosk plugin add ./plugins/reviews --options '{\"autoApprove\":true}'\n" +
        "  $ kiosk plugin add kiosk-plugin-reviews@^1.0.0 --dry-run\n",
    )
    .action(async (target: string, opts: { options?: string; dryRun?: boolean; cwd?: string }) => {
      const { addPlugin } = require("./add") as typeof import("./add");
      await addPlugin(target, opts, out);
    });

  plugin
    .command("remove")
    .alias("rm")
    .description("Remove a plugin's entry from kiosk.config.ts's plugins (the package and its tables stay)")
    .argument("<pkg|path>", "the package name or folder as given to `kiosk plugin add`")
    .option("--dry-run", "print the config diff; change nothing")
    .option("-C, --cwd <dir>", "project directory")
    .addHelpText("after", "\nExamples:\n  $ kiosk plugin remove kiosk-plugin-reviews\n  $ kiosk plugin remove ./plugins/reviews --dry-run\n")
    .action(async (target: string, opts: { dryRun?: boolean; cwd?: string }) => {
      const { removePlugin } = require("./remove") as typeof import("./remove");
      await removePlugin(target, opts, out);
    });

  return plugin;
}

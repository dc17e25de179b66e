import { Command } from "commander";
import { buildCommand } from "./commands/build";
import { destroyCommand } from "./commands/destroy";
import { generateCommand } from "./commands/generate";
import { developCommand } from "./commands/develop";
import { migrateCommand } from "./commands/migrate";
import { pluginCommand } from "./commands/plugin";
import { seedCommand } from "./commands/seed";
import { startCommand } from "./commands/start";
import { userCommand } from "./commands/user";
import { runCli } from "./run-cli";

/** The `kiosk` program: one command per file under `commands/`. */
export function kioskProgram(): Command {
  const { version } = require("../../../package.json") as { version: string };
  return new Command("kiosk")
    .description("Run, build and migrate a Kiosk commerce project")
    .version(version)
    .enablePositionalOptions()
    .addCommand(developCommand())
    .addCommand(startCommand())
    .addCommand(buildCommand())
    .addCommand(migrateCommand())
    .addCommand(seedCommand())
    .addCommand(userCommand())
    .addCommand(generateCommand())
    .addCommand(destroyCommand())
    .addCommand(pluginCommand())
    .showHelpAfterError("(run with --help for usage)");
}

/** Entry point of `bin/kiosk.js`. */
export function main(argv: string[]): Promise<void> {
  return runCli(kioskProgram(), argv);
}

import { Command } from "commander";
import { runCli } from "./run-cli";

/**
 * One command per file under `commands/`, in the order `kiosk --help` lists them.
 * Loaded on demand: `kiosk start` (a production server, and each of its cluster
 * workers) does not build the generators' dozen subcommands it never runs.
 */
const COMMANDS: Record<string, () => Command> = {
  develop: () => (require("./commands/develop") as typeof import("./commands/develop")).developCommand(),
  start: () => (require("./commands/start") as typeof import("./commands/start")).startCommand(),
  build: () => (require("./commands/build") as typeof import("./commands/build")).buildCommand(),
  migrate: () => (require("./commands/migrate") as typeof import("./commands/migrate")).migrateCommand(),
  seed: () => (require("./commands/seed") as typeof import("./commands/seed")).seedCommand(),
  import: () => (require("./commands/import") as typeof import("./commands/import")).importCommand(),
  user: () => (require("./commands/user") as typeof import("./commands/user")).userCommand(),
  search: () => (require("./commands/search") as typeof import("./commands/search")).searchCommand(),
  generate: () => (require("./commands/generate") as typeof import("./commands/generate")).generateCommand(),
  destroy: () => (require("./commands/destroy") as typeof import("./commands/destroy")).destroyCommand(),
  plugin: () => (require("./commands/plugin") as typeof import("./commands/plugin")).pluginCommand(),
  openapi: () => (require("./commands/openapi") as typeof import("./commands/openapi")).openapiCommand(),
};

/** The `kiosk` program: every command, or only `command` when the command line names one. */
export function kioskProgram(command?: string): Command {
  const { version } = require("../../../package.json") as { version: string };
  const program = new Command("kiosk")
    .description("Run, build and migrate a Kiosk commerce project")
    .version(version)
    .enablePositionalOptions();
  for (const name of command ? [command] : Object.keys(COMMANDS)) program.addCommand(COMMANDS[name]());
  return program;
}

/** Entry point of `bin/kiosk.js`. Help, aliases and mistyped commands get the whole program. */
export function main(argv: string[]): Promise<void> {
  const named = argv[2];
  return runCli(kioskProgram(named !== undefined && Object.hasOwn(COMMANDS, named) ? named : undefined), argv);
}

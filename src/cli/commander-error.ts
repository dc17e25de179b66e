import type { Command, CommanderError } from "commander";
import { CliError } from "./cli-error";

/** What commander reports only by writing it: help and the version, printed on request. */
const PRINTED = new Set(["commander.helpDisplayed", "commander.version", "commander.help"]);

const CODES: Record<string, string> = {
  "commander.unknownCommand": "UNKNOWN_COMMAND",
  "commander.unknownOption": "UNKNOWN_OPTION",
};

/**
 * Makes commander throw instead of printing its errors, on every command of the
 * tree (commands built with `new Command` and `addCommand` inherit nothing), so
 * the runner prints them in the one line every other error has.
 */
export function quietCommander(command: Command, onError: (failed: Command) => void): void {
  command.exitOverride();
  command.configureOutput({
    writeErr: (s) => process.stderr.write(s),
    outputError: () => onError(command),
  });
  for (const sub of command.commands) quietCommander(sub, onError);
}

/** `kiosk migrate revert`: the words that run a command, for the `--help` hint. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

/**
 * A commander error as a CliError: `unknown command 'migrat' (did you mean
 * migrate?) (see kiosk --help)` with `<PROGRAM>_UNKNOWN_COMMAND`, `_UNKNOWN_OPTION` or `_BAD_ARGUMENT`.
 * Undefined for help and version, which commander has printed already.
 */
export function fromCommanderError(program: string, err: CommanderError, failed = program): CliError | undefined {
  if (PRINTED.has(err.code)) return undefined;
  const message = err.message
    .replace(/^error: /, "")
    .split("\n")
    .map((line) => line.trim().replace(/^\(Did you mean/, "(did you mean"))
    .filter(Boolean)
    .join(" ");
  const prefix = program.toUpperCase().replace(/\W/g, "_");
  return new CliError(`${prefix}_${CODES[err.code] ?? "BAD_ARGUMENT"}`, `${message} (see ${failed} --help)`, err.exitCode || 1);
}

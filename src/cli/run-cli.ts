import { Command, CommanderError } from "commander";
import { KioskError, KioskStartupError } from "../kernel/errors";
import { CliError } from "./cli-error";
import { commandPath, fromCommanderError, quietCommander } from "./commander-error";

/**
 * The only place that ends the process: runs a commander program and turns any
 * error into one readable line (`kiosk: <message> [CODE]`) and a non-zero exit.
 */
export async function runCli(program: Command, argv: string[]): Promise<void> {
  let failed: Command | undefined;
  quietCommander(program, (command) => (failed = command));
  try {
    await program.parseAsync(argv);
  } catch (err) {
    process.exitCode = report(program.name(), err, failed && commandPath(failed));
  }
}

function report(name: string, thrown: unknown, failed: string | undefined): number {
  // commander has printed --help and --version itself; its errors are reported here.
  const err = thrown instanceof CommanderError ? fromCommanderError(name, thrown, failed) : thrown;
  if (err === undefined) return (thrown as CommanderError).exitCode;
  if (err instanceof CliError || err instanceof KioskStartupError) {
    process.stderr.write(`${name}: ${err.message} [${err.code}]\n`);
    return err instanceof CliError ? err.exitCode : 1;
  }
  if (err instanceof KioskError) {
    // An API error (`duplicate_error`) raised under a command: the same code, in the CLI's spelling.
    process.stderr.write(`${name}: ${err.message} [KIOSK_${err.code.toUpperCase()}]\n`);
    return 1;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`${name}: ${message.split("\n")[0]}\n`);
  if (process.env.KIOSK_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return 1;
}

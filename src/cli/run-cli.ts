import { Command, CommanderError } from "commander";
import { KioskError, KioskStartupError } from "../kernel/errors";
import { CliError } from "./cli-error";

/**
 * The only place that ends the process: runs a commander program and turns any
 * error into one readable line (`kiosk: <message> [CODE]`) and a non-zero exit.
 */
export async function runCli(program: Command, argv: string[]): Promise<void> {
  program.exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    await program.parseAsync(argv);
  } catch (err) {
    process.exitCode = report(program.name(), err);
  }
}

function report(name: string, err: unknown): number {
  if (err instanceof CommanderError) {
    // commander already printed its own message (unknown option, --help, --version).
    return err.exitCode;
  }
  if (err instanceof CliError || err instanceof KioskStartupError) {
    process.stderr.write(`${name}: ${err.message} [${err.code}]\n`);
    return err instanceof CliError ? err.exitCode : 1;
  }
  if (err instanceof KioskError) {
    process.stderr.write(`${name}: ${err.message} [${err.code}]\n`);
    return 1;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`${name}: ${message.split("\n")[0]}\n`);
  if (process.env.KIOSK_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return 1;
}

import { Command } from "commander";
import type { GeneratorSchema } from "../../../../generators/core/schema";
import { runGeneratorCommand } from "./run-generator-command";

const out = (line: string) => process.stdout.write(`${line}\n`);

const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * One generator as a subcommand of `kiosk generate` or `kiosk destroy`, built
 * from its schema (the arguments and options are declared once, there). The
 * generator's code is required only when the command runs.
 */
export function generatorCommand(schema: GeneratorSchema, mode: "generate" | "destroy"): Command {
  const command = new Command(schema.name)
    .description(mode === "generate" ? schema.description : `Undo \`kiosk generate ${schema.name}\` with the same arguments`)
    .exitOverride();
  for (const argument of schema.arguments) command.argument(argument.syntax, argument.description);
  for (const option of schema.options) {
    if (option.repeatable) command.option(option.flags, option.description, collect);
    else if (option.defaultValue !== undefined) command.option(option.flags, option.description, option.defaultValue);
    else command.option(option.flags, option.description);
  }
  if (mode === "generate") {
    command.option("--dry-run", "print each file it would create or change, with a diff; write nothing");
    command.option("-f, --force", "overwrite files that exist and differ");
  } else {
    command.option("--dry-run", "print what it would remove and undo; change nothing");
  }
  command.option("-C, --cwd <dir>", "project directory");
  const examples = schema.examples.map((e) => `  $ kiosk ${mode} ${e}`).join("\n");
  command.addHelpText("after", `\nExample${schema.examples.length > 1 ? "s" : ""}:\n${examples}\n`);
  command.action(async (...params: unknown[]) => {
    const self = params[params.length - 1] as Command;
    const args = (self.processedArgs as unknown[]).flatMap((a) => (a === undefined ? [] : Array.isArray(a) ? a : [a])).map(String);
    await runGeneratorCommand(schema, { mode, args, options: self.opts(), out });
  });
  return command;
}

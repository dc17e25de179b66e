import { Command } from "commander";
import { GENERATORS } from "../../../generators/registry";
import { generatorCommand } from "./generate/generator-command";

/** `kiosk destroy|d <generator> <same args>`: removes what that generator wrote, refusing if it was changed since. */
export function destroyCommand(): Command {
  const destroy = new Command("destroy")
    .alias("d")
    .description("Undo `kiosk generate`: remove the files it wrote (if unchanged since) and reverse its edits")
    .exitOverride()
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  $ kiosk destroy entity Post title:string author:belongs-to --crud\n" +
        "  $ kiosk destroy plugin loyalty --dry-run\n",
    );
  for (const schema of GENERATORS) destroy.addCommand(generatorCommand(schema, "destroy"));
  return destroy;
}

import { Command } from "commander";
import { GENERATORS } from "../../../../generators/registry";
import { generatorCommand } from "./generator-command";

/** `kiosk generate|g <generator> …`: one subcommand per generator in `generators/`. */
export function generateCommand(): Command {
  const generate = new Command("generate")
    .alias("g")
    .description("Write an entity, service, route, subscriber, migration, job or plugin (--dry-run shows the diff first)")
    .exitOverride()
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  $ kiosk generate entity Post title:string body:text? author:belongs-to --crud\n" +
        "  $ kiosk g route store/reviews/[id] --methods get,post --dry-run\n" +
        '  $ kiosk g job nightly-report --schedule "0 3 * * *"\n',
    );
  for (const schema of GENERATORS) generate.addCommand(generatorCommand(schema, "generate"));
  return generate;
}

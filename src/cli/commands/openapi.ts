import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { CliError } from "../cli-error";
import { projectDir } from "../project-dir";

/**
 * `kiosk openapi`: loads the project's routes, middlewares and services as the
 * server would (core modules, plugins, then `src/`, or the build with
 * NODE_ENV=production), without a port or a database, and prints the OpenAPI 3.1
 * document, or writes it to `--out`.
 */
export function openapiCommand(): Command {
  return new Command("openapi")
    .description("Print the OpenAPI 3.1 document of the project's Store and Admin API")
    .option("-o, --out <file>", "write the document to a file instead of stdout")
    .option("-C, --cwd <dir>", "project directory")
    .addHelpText("after", "\nExample:\n  $ kiosk openapi --out openapi.json\n")
    .action((opts: { out?: string; cwd?: string }) => {
      const dir = projectDir(opts.cwd);
      const out = opts.out === undefined ? undefined : path.resolve(opts.out);
      if (out && !fs.existsSync(path.dirname(out))) {
        throw new CliError("KIOSK_BAD_ARGUMENT", `--out: the folder ${path.dirname(out)} does not exist`);
      }
      const text = JSON.stringify(projectDocument(dir), null, 2) + "\n";
      if (!out) return void process.stdout.write(text);
      fs.writeFileSync(out, text);
      process.stdout.write(`wrote ${path.relative(process.cwd(), out) || out}\n`);
    });
}

function projectDocument(dir: string): Record<string, unknown> {
  const production = process.env.NODE_ENV === "production";
  const { openProject } = require("../../kernel/boot/project") as typeof import("../../kernel/boot/project");
  const { loadApplication } = require("../../kernel/application") as typeof import("../../kernel/application");
  const { projectOpenApi } = require("../../kernel/http/openapi/project-document") as typeof import("../../kernel/http/openapi/project-document");
  const project = openProject({ projectDir: dir, env: production ? "production" : "development", typescript: !production });
  // Nothing is resolved from this container: services are registered, never constructed.
  const application = loadApplication(project.roots, project.exts, { config: project.config });
  return projectOpenApi(project.config, application);
}

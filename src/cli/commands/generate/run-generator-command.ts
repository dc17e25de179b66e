import type { GeneratorRun } from "../../../../generators/core/run-generator";
import type { GeneratorSchema } from "../../../../generators/core/schema";
import { CliError } from "../../cli-error";
import { projectDir } from "../../project-dir";

/**
 * Runs one generator for a command (`kiosk generate`, `kiosk destroy`, `kiosk
 * migrate generate`): in the project at `options.cwd`, through the generator
 * engine's parse, plan, then apply or destroy. A generator's own error becomes
 * the CLI's: one line and a non-zero exit. The engine is required only here.
 */
export async function runGeneratorCommand(
  schema: GeneratorSchema,
  run: Omit<GeneratorRun, "projectDir">,
): Promise<void> {
  const dir = projectDir(run.options.cwd as string | undefined);
  const { runGenerator } = require("../../../../generators/core/run-generator") as typeof import("../../../../generators/core/run-generator");
  const { GeneratorError } = require("../../../../generators/core/errors") as typeof import("../../../../generators/core/errors");
  try {
    await runGenerator(schema, { ...run, projectDir: dir });
  } catch (err) {
    if (err instanceof GeneratorError) throw new CliError(err.code, err.message);
    throw err;
  }
}

import { applyPlan, destroyPlan } from "./apply-plan";
import { refuseAppliedMigrations } from "./applied-migrations";
import type { GeneratorContext } from "./plan";
import type { GeneratorSchema } from "./schema";

/** What the command line gave a generator. */
export interface GeneratorRun {
  projectDir: string;
  mode: GeneratorContext["mode"];
  args: string[];
  options: Record<string, unknown>;
  out: (line: string) => void;
}

/**
 * Parse, plan, then apply or destroy: the three steps every generator goes
 * through. The generator's code is loaded here, when its command runs.
 */
export async function runGenerator(schema: GeneratorSchema, run: GeneratorRun): Promise<void> {
  const context: GeneratorContext = { projectDir: run.projectDir, mode: run.mode };
  const generator = schema.load();
  const input = generator.parse(run.args, run.options, context);
  const plan = await generator.plan(input, context);
  const dryRun = run.options.dryRun === true;
  if (run.mode === "generate") applyPlan(run.projectDir, plan, { dryRun, force: run.options.force === true, out: run.out });
  else {
    await refuseAppliedMigrations(run.projectDir, plan);
    destroyPlan(run.projectDir, plan, { dryRun, out: run.out });
  }
}

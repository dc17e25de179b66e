import path from "node:path";
import { Command } from "commander";
import { projectDir } from "../../project-dir";
import { withKernel } from "../../with-kernel";

/** `kiosk seed [--file]`: loads regions, catalog and users from a JSON file. */
export function seedCommand(): Command {
  return new Command("seed")
    .description("Load users, regions, shipping options, collections, categories and products from a JSON file")
    .option("-f, --file <path>", "the seed file", "data/seed.json")
    .option("-C, --cwd <dir>", "project directory")
    .addHelpText("after", "\nExamples:\n  $ kiosk seed\n  $ kiosk seed --file data/demo.json\n")
    .action(async (opts: { file: string; cwd?: string }) => {
      const file = path.resolve(projectDir(opts.cwd), opts.file);
      const { readSeedFile } = require("./seed-file") as typeof import("./seed-file");
      const { applySeed } = require("./apply-seed") as typeof import("./apply-seed");
      const seed = readSeedFile(file);
      const started = performance.now();
      const report = await withKernel(opts.cwd, (kernel) => applySeed(kernel.container, seed));
      for (const [section, { created, skipped }] of Object.entries(report)) {
        process.stdout.write(`${section.padEnd(17)} ${created} created${skipped ? `, ${skipped} already there` : ""}\n`);
      }
      process.stdout.write(`seeded from ${path.relative(process.cwd(), file) || file} in ${Math.round(performance.now() - started)} ms\n`);
    });
}

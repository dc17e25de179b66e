import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import type { KioskServices } from "../../kernel/container/kiosk-services";
import { CliError } from "../cli-error";
import { withKernel } from "../with-kernel";

interface ImportOptions {
  cwd?: string;
}

/** `kiosk import products <file.csv>`: Medusa v1's product CSV template, all rows or none. */
export function importCommand(): Command {
  const command = new Command("import").description("Import data from a file");
  command
    .command("products")
    .description("Import products from a CSV file (Medusa's product import template); a bad row imports nothing")
    .argument("<file>", "the CSV file")
    .option("-C, --cwd <dir>", "project directory")
    .addHelpText("after", "\nExample:\n  $ kiosk import products products.csv\n")
    .action(async (file: string, opts: ImportOptions) => {
      let text: string;
      try {
        text = fs.readFileSync(path.resolve(file), "utf8");
      } catch {
        throw new CliError("KIOSK_FILE_NOT_FOUND", `cannot read ${file}`);
      }
      const { KioskError } = require("../../kernel/errors") as typeof import("../../kernel/errors");
      await withKernel(opts.cwd, async (kernel) => {
        const progress = progressLine(process.stderr);
        try {
          const summary = await kernel.container.resolve<KioskServices["batchJobService"]>("batchJobService").importProducts(text, progress.update);
          progress.done();
          process.stdout.write(`imported ${summary.count} products from ${file} (${summary.created} created, ${summary.updated} updated)\n`);
        } catch (err) {
          progress.done();
          if (err instanceof KioskError && err.status < 500) throw new CliError("KIOSK_BAD_IMPORT_FILE", `${file}: ${err.message}; nothing was imported`);
          throw err;
        }
      });
    });
  return command;
}

/** Progress on stderr: one line rewritten in place on a terminal, a line every 10% otherwise. */
function progressLine(stream: NodeJS.WriteStream) {
  let shown = -1;
  let drawn = false;
  return {
    update: (done: number, total: number) => {
      const percent = total ? Math.floor((done / total) * 100) : 100;
      const text = `importing products ${done}/${total} (${percent}%)`;
      if (stream.isTTY) {
        const width = 30;
        const filled = Math.round((percent / 100) * width);
        stream.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${text}`);
        drawn = true;
      } else if (Math.floor(percent / 10) > shown) {
        shown = Math.floor(percent / 10);
        stream.write(`${text}\n`);
      }
    },
    done: () => {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}

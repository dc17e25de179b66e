import { Command } from "commander";
import type { KioskServices } from "../../kernel/container/kiosk-services";
import { withKernel } from "../with-kernel";

interface SearchOptions {
  cwd?: string;
}

/** `kiosk search reindex`: rebuilds the product search index from the catalog. */
export function searchCommand(): Command {
  const command = new Command("search").description("Manage the product search index");
  command
    .command("reindex")
    .description("Rebuild the product search index from the catalog (published products are indexed, others removed)")
    .option("-C, --cwd <dir>", "project directory")
    .addHelpText("after", "\nExample:\n  $ kiosk search reindex\n")
    .action(async (opts: SearchOptions) => {
      await withKernel(opts.cwd, async (kernel) => {
        const started = Date.now();
        const { indexed, removed } = await kernel.container.resolve<KioskServices["searchService"]>("searchService").reindex();
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        process.stdout.write(`reindexed products: ${indexed} indexed, ${removed} removed in ${seconds}s\n`);
      });
    });
  return command;
}

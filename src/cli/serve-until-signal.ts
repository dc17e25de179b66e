import type { Kernel } from "../kernel/boot/kernel";

/** Resolves after SIGTERM/SIGINT has shut the kernel down gracefully. */
export function serveUntilSignal(kernel: Kernel): Promise<void> {
  return new Promise((resolve) => {
    const stop = async (signal: NodeJS.Signals) => {
      process.off("SIGTERM", stop);
      process.off("SIGINT", stop);
      kernel.logger.info(`${signal}: shutting down`);
      await kernel.shutdown();
      resolve();
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  });
}

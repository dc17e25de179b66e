import type { Logger } from "pino";

/** One named step of start-up, with the matching shutdown work. */
export interface BootStep<S> {
  name: string;
  load: (state: S) => Promise<void> | void;
  dispose?: (state: S) => Promise<void> | void;
}

/**
 * Runs steps in order, timing each one; on failure, disposes what already
 * loaded (in reverse) and rethrows. Returns the dispose function for shutdown.
 */
export async function runBootSteps<S extends { logger?: Logger }>(
  steps: BootStep<S>[],
  state: S,
): Promise<() => Promise<void>> {
  const loaded: BootStep<S>[] = [];
  const dispose = async () => {
    for (const step of loaded.reverse()) {
      try {
        await step.dispose?.(state);
      } catch (err) {
        state.logger?.error({ err }, `shutdown step ${step.name} failed`);
      }
    }
    loaded.length = 0;
  };
  for (const step of steps) {
    const started = performance.now();
    try {
      await step.load(state);
    } catch (err) {
      await dispose();
      throw err;
    }
    loaded.push(step);
    state.logger?.debug({ step: step.name, ms: Math.round(performance.now() - started) }, "boot step done");
  }
  return dispose;
}

import type { JobArgs, JobConfig } from "kiosk";
import type CartCompletionService from "../services/cart-completion";

/**
 * Finishes or undoes cart completions whose process died between their steps
 * (see `CartCompletionService.recover`). Runs every 5 seconds, once per tick
 * across processes with Redis; a row is only taken once its lease has expired.
 */
export default async function cartCompletions({ container }: JobArgs): Promise<void> {
  await container.resolve<CartCompletionService>("cartCompletionService").recover();
}

export const config: JobConfig = { name: "kiosk-cart-completions", schedule: "*/5 * * * * *" };

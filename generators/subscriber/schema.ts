import type { GeneratorSchema } from "../core/schema";

/** `kiosk generate subscriber <Name> --event <name> [--event …]`. */
export const subscriberSchema: GeneratorSchema = {
  name: "subscriber",
  description: "An event subscriber in src/subscribers: a default-exported handler and its config",
  arguments: [{ syntax: "<name>", description: "what it does: send-order-confirmation" }],
  options: [{ flags: "--event <name>", description: "an event it handles, such as order.placed (repeatable)", repeatable: true }],
  examples: ["subscriber send-order-confirmation --event order.placed", "subscriber audit --event user.created --event user.deleted"],
  load: () => require("./generator").default,
};

import type { GeneratorSchema } from "../core/schema";

/** `kiosk generate plugin <name>`. */
export const pluginSchema: GeneratorSchema = {
  name: "plugin",
  description: "A plugin package in plugins/<name> (laid out like a project, with a service, a store route, a build and a test), added to kiosk.config.ts",
  arguments: [{ syntax: "<name>", description: "the plugin's name: loyalty" }],
  options: [],
  examples: ["plugin loyalty"],
  load: () => require("./generator").default,
};

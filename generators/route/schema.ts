import type { GeneratorSchema } from "../core/schema";

/** `kiosk generate route <path> [--methods get,post]`. */
export const routeSchema: GeneratorSchema = {
  name: "route",
  description: "A file route under src/api exporting one handler per method (routes under admin/ need an admin token)",
  arguments: [{ syntax: "<path>", description: "its path under src/api, with [param] folders: store/reviews/[id]" }],
  options: [{ flags: "--methods <list>", description: "comma-separated: get, post, put, patch, delete", defaultValue: "get" }],
  examples: ["route store/reviews/[id] --methods get,post", "route admin/reports"],
  load: () => require("./generator").default,
};

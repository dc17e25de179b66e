import type { GeneratorSchema } from "../core/schema";

/** `kiosk generate service <Name>`. */
export const serviceSchema: GeneratorSchema = {
  name: "service",
  description: "A service class in src/services, registered in the container by its file name (reviews.ts -> reviewsService)",
  arguments: [{ syntax: "<name>", description: "the service's name: Review, loyalty-points" }],
  options: [],
  examples: ["service Review", "service loyalty-points"],
  load: () => require("./generator").default,
};

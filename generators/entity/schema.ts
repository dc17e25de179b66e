import type { GeneratorSchema } from "../core/schema";

/** `kiosk generate entity <Name> [field:type …] [--crud]`. */
export const entitySchema: GeneratorSchema = {
  name: "entity",
  description: "An entity in src/models and the migration that creates its table; --crud adds a service, admin routes and a test",
  arguments: [
    { syntax: "<name>", description: "the entity's name, singular: Post, BlogPost, blog-post" },
    {
      syntax: "[fields...]",
      description:
        "name:type[?][:unique|:index]; types: string text int bigint float decimal boolean date datetime json uuid " +
        "enum(a|b) <other>:belongs-to; ? = nullable",
    },
  ],
  options: [{ flags: "--crud", description: "also write a service, admin routes (list, create, get, update, delete) and a test" }],
  examples: [
    "entity Author name:string email:string:unique bio:text?",
    'entity Post title:string body:text? views:int:index "status:enum(draft|published)" author:belongs-to --crud',
  ],
  load: () => require("./generator").default,
};

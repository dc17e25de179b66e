import type { GeneratorSchema } from "../core/schema";

/** `kiosk generate field <entity> <name:type[:index][:store]>`. */
export const fieldSchema: GeneratorSchema = {
  name: "field",
  description: "A custom field of a core entity: added to customFields in kiosk.config.ts, with its migration (addColumn)",
  arguments: [
    { syntax: "<entity>", description: "the core entity, by its table name: product, customer, cart, line_item, …" },
    {
      syntax: "<field>",
      description: "name:type[:index][:store], type one of string text int bigint float boolean datetime json enum(a|b): brand:string:index",
    },
  ],
  options: [],
  examples: ["field product brand:string:index", 'field product "size:enum(s|m|l)"', "field cart gift_note:text:store"],
  load: () => require("./generator").default,
};

import { z } from "kiosk";

/** An entity the dashboard derives screens for (see `adminEntities`). */
export const DashboardEntity = z
  .looseObject({
    name: z.string(),
    label: z.string(),
    path: z.string(),
    list_key: z.string(),
    deletable: z.boolean(),
    schema: z.record(z.string(), z.unknown()).describe("The create body as JSON Schema (draft 2020-12)"),
  })
  .meta({ id: "DashboardEntity" });

export const dashboardSchema = z.looseObject({
  entities: z.array(DashboardEntity),
  custom_fields: z
    .record(z.string(), z.record(z.string(), z.unknown()))
    .describe("Per core entity (product, product_variant, customer…), its custom fields as the JSON Schema of an object"),
});

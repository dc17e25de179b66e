import { customFieldsShape, withValidation, z, type KioskResponse } from "kiosk";
import { adminEntities } from "kiosk/internal";
import { dashboardSchema } from "../../../schemas";

/** The core entities whose admin forms the dashboard extends with the project's custom fields. */
const CUSTOMIZABLE = ["product", "product_variant", "product_collection", "product_category", "region", "customer", "shipping_option", "discount"];

/** `customFields` of the config, per entity, as the JSON Schema of what admin bodies accept (entities without any left out). */
function customFieldSchemas(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const entity of CUSTOMIZABLE) {
    const shape = customFieldsShape(entity, "admin");
    if (Object.keys(shape).length) out[entity] = z.toJSONSchema(z.object(shape), { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  }
  return out;
}

/**
 * `GET /admin/dashboard/schema`: `{ entities, custom_fields }`: the project's and plugins' admin
 * resources with list, create, retrieve and update routes, and their create body as JSON Schema
 * (the dashboard renders a list and a form for each); and the config's custom fields of core
 * entities as JSON Schema (the dashboard adds an input for each to the product and variant forms).
 */
export const GET = withValidation({ response: dashboardSchema }, async (req, res: KioskResponse) => {
  res.json({ entities: adminEntities(req.scope.resolve("routeDefinitions")), custom_fields: customFieldSchemas() });
});

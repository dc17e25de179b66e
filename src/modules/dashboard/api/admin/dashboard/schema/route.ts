import { withValidation, type KioskResponse } from "kiosk";
import { adminEntities } from "kiosk/internal";
import { dashboardSchema } from "../../../schemas";

/**
 * `GET /admin/dashboard/schema`: `{ entities }`, the project's and plugins' admin resources
 * with list, create, retrieve and update routes, and their create body as JSON Schema.
 * The dashboard renders a list and a form for each.
 */
export const GET = withValidation({ response: dashboardSchema }, async (req, res: KioskResponse) => {
  res.json({ entities: adminEntities(req.scope.resolve("routeDefinitions")) });
});

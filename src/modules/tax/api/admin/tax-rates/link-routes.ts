import { withValidation, z, type KioskResponse } from "kiosk";
import type { LinkKind } from "../../../lib/rate-links";
import { taxRateResponse } from "../../schemas";
import { expandOf, taxRateQuery } from "./validators";

/**
 * The POST (link) and DELETE (unlink) handlers of one `/admin/tax-rates/:id/<kind>/batch`
 * route: `{ <kind>: [id] }` -> `{ tax_rate }`.
 */
export function linkRoutes<K extends LinkKind>(kind: K, body: z.ZodType<Record<K, string[]>>) {
  const handler = (add: boolean) =>
    withValidation({ body, query: taxRateQuery, response: taxRateResponse }, async (req, res: KioskResponse) => {
      const service = req.scope.resolve("taxRateService");
      const ids = (req.validatedBody as Record<K, string[]>)[kind];
      const expand = expandOf(req.validatedQuery);
      res.json({ tax_rate: add ? await service.link(req.params.id, kind, ids, expand) : await service.unlink(req.params.id, kind, ids, expand) });
    });
  return { POST: handler(true), DELETE: handler(false) };
}

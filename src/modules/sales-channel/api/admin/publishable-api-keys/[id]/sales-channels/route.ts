import { withValidation, type KioskResponse } from "kiosk";
import { keyChannelsQuery } from "../../validators";
import { keySalesChannels } from "../../../../schemas";

/** The key's sales channels: `{ sales_channels }` (not paginated, as in Medusa). */
export const GET = withValidation({ query: keyChannelsQuery, response: keySalesChannels }, async (req, res: KioskResponse) => {
  res.json({ sales_channels: await req.scope.resolve("publishableApiKeyService").listSalesChannels(req.params.id, req.validatedQuery.q) });
});

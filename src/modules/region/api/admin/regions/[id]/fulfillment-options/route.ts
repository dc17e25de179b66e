import { withValidation, type KioskResponse } from "kiosk";
import type RegionService from "../../../../../services/region";
import { fulfillmentOptionsResponse } from "../../../../schemas";

export const GET = withValidation({ response: fulfillmentOptionsResponse }, async (req, res: KioskResponse) => {
  res.json({ fulfillment_options: await req.scope.resolve<RegionService>("regionService").fulfillmentOptions(req.params.id) });
});

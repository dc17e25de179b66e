import { withValidation, type KioskResponse } from "kiosk";
import type RegionService from "../../../../../services/region";
import { addProvider } from "../../validators";
import { regionResponse } from "../../../../schemas";

/** Adds an installed fulfillment provider to the region's: `{ region }`. */
export const POST = withValidation({ body: addProvider, response: regionResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<RegionService>("regionService");
  res.json({ region: service.present(await service.addProvider(req.params.id, "fulfillment", req.validatedBody.provider_id)) });
});

import { withValidation, type KioskResponse } from "kiosk";
import type RegionService from "../../../../../../services/region";
import { regionResponse } from "../../../../../schemas";

/** Removes a fulfillment provider from the region's (422 `region_provider_required` for the last one): `{ region }`. */
export const DELETE = withValidation({ response: regionResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<RegionService>("regionService");
  res.json({ region: service.present(await service.removeProvider(req.params.id, "fulfillment", req.params.provider_id)) });
});

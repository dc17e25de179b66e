import { withValidation, type KioskResponse } from "kiosk";
import type RegionService from "../../../../../../services/region";
import { regionResponse } from "../../../../../schemas";

export const DELETE = withValidation({ response: regionResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<RegionService>("regionService");
  res.json({ region: service.present(await service.removeCountry(req.params.id, req.params.country_code)) });
});

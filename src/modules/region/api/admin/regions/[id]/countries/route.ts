import { withValidation, type KioskResponse } from "kiosk";
import type RegionService from "../../../../../services/region";
import { addCountry } from "../../validators";
import { regionResponse } from "../../../../schemas";

export const POST = withValidation({ body: addCountry, response: regionResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<RegionService>("regionService");
  res.json({ region: service.present(await service.addCountry(req.params.id, req.validatedBody.country_code)) });
});

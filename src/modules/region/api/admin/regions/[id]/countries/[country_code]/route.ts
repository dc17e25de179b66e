import { withValidation, type KioskResponse } from "kiosk";
import type RegionService from "../../../../../../services/region";
import { regionResponse } from "../../../../../schemas";

export const DELETE = withValidation({ response: regionResponse }, async (req, res: KioskResponse) => {
  const region = await req.scope.resolve<RegionService>("regionService").removeCountry(req.params.id, req.params.country_code);
  res.json({ region });
});

import { withValidation, type KioskResponse } from "kiosk";
import type RegionService from "../../../../../services/region";
import { addCountry } from "../../validators";
import { regionResponse } from "../../../../schemas";

export const POST = withValidation({ body: addCountry, response: regionResponse }, async (req, res: KioskResponse) => {
  const region = await req.scope.resolve<RegionService>("regionService").addCountry(req.params.id, req.validatedBody.country_code);
  res.json({ region });
});

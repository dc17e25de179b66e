import { withValidation, type KioskResponse } from "kiosk";
import type RegionService from "../../../../services/region";
import { regionResponse } from "../../../schemas";

export const GET = withValidation({ response: regionResponse }, async (req, res: KioskResponse) => {
  res.json({ region: await req.scope.resolve<RegionService>("regionService").retrieve(req.params.id) });
});

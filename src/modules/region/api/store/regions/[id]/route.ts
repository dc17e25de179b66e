import { withValidation, type KioskResponse } from "kiosk";
import type RegionService from "../../../../services/region";
import { regionResponse } from "../../../schemas";

export const GET = withValidation({ response: regionResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<RegionService>("regionService");
  res.json({ region: service.present(await service.retrieve(req.params.id)) });
});

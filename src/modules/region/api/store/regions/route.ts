import { listEnvelope, listQuery, withValidation, type KioskResponse } from "kiosk";
import type RegionService from "../../../services/region";
import { regionList } from "../../schemas";

export const GET = withValidation({ query: listQuery({}, 100), response: regionList }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<RegionService>("regionService");
  const [regions, count] = await service.list(req.validatedQuery);
  res.json(listEnvelope("regions", regions.map((r) => service.present(r)), count, req.validatedQuery));
});

import { listEnvelope, listQuery, withValidation, type KioskResponse } from "kiosk";
import type RegionService from "../../../services/region";
import { regionList } from "../../schemas";

export const GET = withValidation({ query: listQuery({}, 100), response: regionList }, async (req, res: KioskResponse) => {
  const [regions, count] = await req.scope.resolve<RegionService>("regionService").list(req.validatedQuery);
  res.json(listEnvelope("regions", regions, count, req.validatedQuery));
});

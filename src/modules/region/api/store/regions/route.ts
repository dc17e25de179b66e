import { listEnvelope, listQuery, withValidation, type KioskResponse } from "kiosk";
import type RegionService from "../../../services/region";

export const GET = withValidation({ query: listQuery({}, 100) }, async (req, res: KioskResponse) => {
  const [regions, count] = await req.scope.resolve<RegionService>("regionService").list(req.validatedQuery);
  res.json(listEnvelope("regions", regions, count, req.validatedQuery));
});

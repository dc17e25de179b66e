import { listEnvelope, listQuery, withValidation, type KioskResponse } from "kiosk";
import type RegionService from "../../../services/region";
import { createRegion } from "./validators";
import { regionList, regionResponse } from "../../schemas";

export const GET = withValidation({ query: listQuery({}, 50), response: regionList }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<RegionService>("regionService");
  const [regions, count] = await service.list(req.validatedQuery);
  res.json(listEnvelope("regions", regions.map((r) => service.present(r)), count, req.validatedQuery));
});

export const POST = withValidation({ body: createRegion, response: regionResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<RegionService>("regionService");
  res.json({ region: service.present(await service.create(req.validatedBody)) });
});

import { withValidation, type KioskResponse, responses } from "kiosk";
import type RegionService from "../../../../services/region";
import { updateRegion } from "../validators";
import { regionResponse } from "../../../schemas";

export const GET = withValidation({ response: regionResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<RegionService>("regionService");
  res.json({ region: service.present(await service.retrieve(req.params.id)) });
});

export const POST = withValidation({ body: updateRegion, response: regionResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<RegionService>("regionService");
  res.json({ region: service.present(await service.update(req.params.id, req.validatedBody)) });
});

export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve<RegionService>("regionService").delete(req.params.id);
  res.json({ id: req.params.id, object: "region", deleted: true });
});

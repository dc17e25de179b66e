import { withValidation, type KioskRequest, type KioskResponse } from "kiosk";
import type RegionService from "../../../../services/region";
import { updateRegion } from "../validators";

export async function GET(req: KioskRequest, res: KioskResponse) {
  res.json({ region: await req.scope.resolve<RegionService>("regionService").retrieve(req.params.id) });
}

export const POST = withValidation({ body: updateRegion }, async (req, res: KioskResponse) => {
  const { payment_providers: _p, fulfillment_providers: _f, ...input } = req.validatedBody;
  res.json({ region: await req.scope.resolve<RegionService>("regionService").update(req.params.id, input) });
});

export async function DELETE(req: KioskRequest, res: KioskResponse) {
  await req.scope.resolve<RegionService>("regionService").delete(req.params.id);
  res.json({ id: req.params.id, object: "region", deleted: true });
}

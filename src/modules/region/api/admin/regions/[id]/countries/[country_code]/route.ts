import type { KioskRequest, KioskResponse } from "kiosk";
import type RegionService from "../../../../../../services/region";

export async function DELETE(req: KioskRequest, res: KioskResponse) {
  const region = await req.scope.resolve<RegionService>("regionService").removeCountry(req.params.id, req.params.country_code);
  res.json({ region });
}

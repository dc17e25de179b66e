import type { KioskRequest, KioskResponse } from "kiosk";
import type RegionService from "../../../../services/region";

export async function GET(req: KioskRequest, res: KioskResponse) {
  res.json({ region: await req.scope.resolve<RegionService>("regionService").retrieve(req.params.id) });
}

import { withValidation, type KioskResponse } from "kiosk";
import type ProductTagService from "../../../../services/product-tag";
import { tagUsage } from "../../../schemas";

/** The ten most used tags with their `usage_count`: `{ tags }` (Medusa's `listTagsByUsage`). */
export const GET = withValidation({ response: tagUsage }, async (req, res: KioskResponse) => {
  res.json({ tags: await req.scope.resolve<ProductTagService>("productTagService").listByUsage() });
});

import { withValidation, type KioskResponse } from "kiosk";
import type ProductTypeService from "../../../../services/product-type";
import { typesInUse } from "../../../schemas";

/** Every live product type: `{ types }` (Medusa's `listTypes`). */
export const GET = withValidation({ response: typesInUse }, async (req, res: KioskResponse) => {
  res.json({ types: await req.scope.resolve<ProductTypeService>("productTypeService").listAll() });
});

import { NotFoundError, type KioskServices } from "kiosk";
import type { LinkKind } from "./rate-links";

/** Refuses (404) ids of things that do not exist, asking the module that owns them. */
export async function assertTargetsExist(cradle: KioskServices, kind: LinkKind, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  if (kind === "products") return cradle.productService.assertExist(unique);
  if (kind === "product_types") {
    const known = new Set((await cradle.productTypeService.listAll()).map((t) => t.id));
    const missing = unique.filter((id) => !known.has(id));
    if (missing.length) throw new NotFoundError(`Product type with id ${missing.join(", ")} was not found`, "product_type_not_found");
    return;
  }
  for (const id of unique) await cradle.shippingOptionService.retrieve(id);
}

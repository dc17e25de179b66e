import { In, InvalidDataError, type EntityManager } from "kiosk";
import { Product } from "../models/product";

/** The products of a batch, each checked to exist (a 400 `invalid_reference` naming the first unknown one). */
export async function requireProducts(manager: EntityManager, ids: string[]): Promise<Pick<Product, "id" | "collection_id">[]> {
  const unique = [...new Set(ids)];
  const found = await manager.find(Product, { where: { id: In(unique) }, select: { id: true, collection_id: true }, order: { id: "ASC" } });
  const known = new Set(found.map((p) => p.id));
  const missing = unique.find((id) => !known.has(id));
  if (missing) throw new InvalidDataError(`product_ids: product ${missing} was not found`, { code: "invalid_reference", field: "product_ids" });
  return found;
}

/**
 * Puts the products in the collection (`collectionId`), or takes those in
 * `from` out of it (`collectionId` null); answers the ids of the products that
 * changed, whose `updated_at` is touched.
 */
export async function setCollection(manager: EntityManager, collectionId: string | null, ids: string[], from?: string): Promise<string[]> {
  const candidates = from
    ? await manager.find(Product, { where: { id: In([...new Set(ids)]), collection_id: from }, select: { id: true }, order: { id: "ASC" } })
    : (await requireProducts(manager, ids)).filter((p) => p.collection_id !== collectionId);
  const changed = candidates.map((p) => p.id);
  if (changed.length) await manager.update(Product, { id: In(changed) }, { collection_id: collectionId, updated_at: new Date() });
  return changed;
}

/**
 * Links the products to the category; answers those that were not linked yet.
 * The insert skips a link another transaction has just made (a product update
 * replacing its categories), so a race cannot fail on the join table's key.
 */
export async function linkCategory(manager: EntityManager, categoryId: string, ids: string[]): Promise<string[]> {
  const products = await requireProducts(manager, ids);
  const linked = await categoryLinks(manager, categoryId, products.map((p) => p.id));
  const added = products.map((p) => p.id).filter((id) => !linked.has(id));
  if (!added.length) return added;
  await manager
    .createQueryBuilder()
    .insert()
    .into("product_category_product", ["product_id", "product_category_id"])
    .values(added.map((id) => ({ product_id: id, product_category_id: categoryId })))
    .orIgnore()
    .execute();
  await manager.update(Product, { id: In(added) }, { updated_at: new Date() });
  return added;
}

/** Unlinks the products from the category; answers those that were linked (others, unknown ones too, are left alone). */
export async function unlinkCategory(manager: EntityManager, categoryId: string, ids: string[]): Promise<string[]> {
  const linked = [...(await categoryLinks(manager, categoryId, [...new Set(ids)]))].sort();
  if (!linked.length) return linked;
  await manager
    .createQueryBuilder()
    .delete()
    .from("product_category_product")
    .where("product_category_id = :categoryId AND product_id IN (:...linked)", { categoryId, linked })
    .execute();
  await manager.update(Product, { id: In(linked) }, { updated_at: new Date() });
  return linked;
}

async function categoryLinks(manager: EntityManager, categoryId: string, productIds: string[]): Promise<Set<string>> {
  if (!productIds.length) return new Set();
  const rows: { product_id: string }[] = await manager
    .createQueryBuilder()
    .select("l.product_id", "product_id")
    .from("product_category_product", "l")
    .where("l.product_category_id = :categoryId AND l.product_id IN (:...productIds)", { categoryId, productIds })
    .getRawMany();
  return new Set(rows.map((r) => r.product_id));
}

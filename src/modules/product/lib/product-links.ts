import { In, InvalidDataError, IsNull, type EntityManager } from "kiosk";
import { insertAll, lockRow } from "kiosk/sql";
import { Image } from "../models/image";
import { ProductCategory } from "../models/product-category";
import { ProductCollection } from "../models/product-collection";
import { ProductTag } from "../models/product-tag";
import { ProductType } from "../models/product-type";
import { orderedIds } from "./ordered-ids";
import type { TagInput, TypeInput } from "./product-inputs";

function unknownReference(field: string, what: string, id: string): InvalidDataError {
  return new InvalidDataError(`${field}: ${what} ${id} was not found`, { code: "invalid_reference", field });
}

/** Refuses a collection id that does not exist. */
export async function assertCollection(manager: EntityManager, collectionId: string | null | undefined): Promise<void> {
  if (collectionId && !(await manager.existsBy(ProductCollection, { id: collectionId }))) {
    throw unknownReference("collection_id", "collection", collectionId);
  }
}

/** The category ids, each checked to exist (duplicates dropped). */
export async function categoryIds(manager: EntityManager, categories: { id: string }[]): Promise<string[]> {
  const ids = [...new Set(categories.map((c) => c.id))];
  if (!ids.length) return ids;
  const found = new Set((await manager.find(ProductCategory, { where: { id: In(ids) }, select: { id: true } })).map((c) => c.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw unknownReference("categories", "category", missing);
  return ids;
}

/**
 * Locks the categories a product is being linked to, in id order, before the
 * product's row: the order a category's product batch takes them in (category,
 * then links, then products), so the two never wait on each other in a circle.
 */
export async function lockCategories(manager: EntityManager, ids: string[]): Promise<void> {
  for (const id of [...ids].sort()) await lockRow(manager, ProductCategory, id);
}

/**
 * The tag ids for the given tags: an id must exist; a value reuses the tag with
 * that value, or creates it.
 */
export async function tagIds(manager: EntityManager, tags: TagInput[]): Promise<string[]> {
  const byId = [...new Set(tags.filter((t) => t.id).map((t) => t.id!))];
  const found = byId.length ? await manager.find(ProductTag, { where: { id: In(byId) }, select: { id: true } }) : [];
  const missing = byId.find((id) => !found.some((t) => t.id === id));
  if (missing) throw unknownReference("tags", "tag", missing);

  const values = [...new Set(tags.filter((t) => !t.id).map((t) => t.value!))];
  const existing = values.length ? await manager.find(ProductTag, { where: { value: In(values) }, order: { id: "ASC" } }) : [];
  const newValues = values.filter((v) => !existing.some((t) => t.value === v));
  const ids = orderedIds(ProductTag.idPrefix, newValues.length);
  const created = newValues.map((value, i) => manager.create(ProductTag, { id: ids[i], value, metadata: null }));
  await insertAll(manager, ProductTag, created);
  const byValue = new Map([...created, ...existing.slice().reverse()].map((t) => [t.value, t.id]));
  return [...new Set(tags.map((t) => t.id ?? byValue.get(t.value!)!))];
}

/**
 * The id of the live type with this value, created when there is none (Medusa's
 * `upsertType`: by value). The insert skips a row another transaction has just
 * made (a unique index holds the live values), and the read after it sees that
 * row, so two requests naming one new type end up with the same one.
 */
export async function typeId(manager: EntityManager, type: TypeInput | null): Promise<string | null> {
  if (!type) return null;
  const live = () => manager.findOne(ProductType, { where: { value: type.value, deleted_at: IsNull() }, select: { id: true } });
  const existing = await live();
  if (existing) return existing.id;
  const row = manager.create(ProductType, { value: type.value, metadata: null, deleted_at: null });
  await manager.createQueryBuilder().insert().into(ProductType).values(row as never).orIgnore().execute();
  return (await live())!.id;
}

/** Replaces the rows of a product in a join table. */
export async function replaceLinks(manager: EntityManager, table: string, column: string, productId: string, ids: string[]): Promise<void> {
  await manager.createQueryBuilder().delete().from(table).where("product_id = :productId", { productId }).execute();
  if (!ids.length) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(table, ["product_id", column])
    .values(ids.map((id) => ({ product_id: productId, [column]: id })))
    .execute();
}

/** Replaces a product's images with these URLs, in this order. */
export async function replaceImages(manager: EntityManager, productId: string, urls: string[]): Promise<void> {
  await manager.delete(Image, { product_id: productId });
  if (!urls.length) return;
  const ids = orderedIds(Image.idPrefix, urls.length);
  await insertAll(
    manager,
    Image,
    urls.map((url, rank) => manager.create(Image, { id: ids[rank], url, rank, product_id: productId, metadata: null })),
  );
}

import { containsPattern, InvalidDataError, type EntityManager } from "kiosk";
import { InventoryItem } from "../models/inventory-item";
import { InventoryLevel } from "../models/inventory-level";

export interface ItemFilters {
  id?: string[];
  sku?: string;
  q?: string;
  location_id?: string[];
  variant_id?: string[];
  requires_shipping?: boolean;
}

const ORDERABLE = new Set(["id", "sku", "title", "created_at", "updated_at"]);

/** A page of items, oldest first unless `order` says otherwise. */
export function selectItemPage(
  manager: EntityManager,
  filters: ItemFilters,
  page: { offset: number; limit: number; order?: string },
): Promise<[InventoryItem[], number]> {
  const qb = manager.createQueryBuilder(InventoryItem, "i");
  if (filters.id) qb.andWhere("i.id IN (:...ids)", { ids: filters.id });
  if (filters.variant_id) qb.andWhere("i.variant_id IN (:...variantIds)", { variantIds: filters.variant_id });
  if (filters.sku !== undefined) qb.andWhere("i.sku = :sku", { sku: filters.sku });
  if (filters.requires_shipping !== undefined) qb.andWhere("i.requires_shipping = :rs", { rs: filters.requires_shipping });
  if (filters.q) {
    qb.andWhere(`(LOWER(COALESCE(i.sku, '')) LIKE :q ESCAPE '\\' OR LOWER(COALESCE(i.title, '')) LIKE :q ESCAPE '\\')`, { q: containsPattern(filters.q.toLowerCase()) });
  }
  if (filters.location_id) {
    const sub = qb.subQuery().select("l.inventory_item_id").from(InventoryLevel, "l").where("l.location_id IN (:...locationIds)").getQuery();
    qb.andWhere(`i.id IN ${sub}`, { locationIds: filters.location_id });
  }
  const desc = page.order?.startsWith("-") ?? false;
  const column = page.order ? page.order.replace(/^-/, "") : "created_at";
  if (!ORDERABLE.has(column)) throw new InvalidDataError(`order: cannot sort inventory items by ${column}`, { code: "invalid_request", field: "order" });
  const dir = desc ? "DESC" : "ASC";
  qb.orderBy(`i.${column}`, dir);
  if (column !== "id") qb.addOrderBy("i.id", dir);
  return qb.skip(page.offset).take(page.limit).getManyAndCount();
}

import { containsPattern, InvalidDataError, type EntityManager } from "kiosk";
import { StockLocation } from "../models/stock-location";

export interface LocationFilters {
  id?: string[];
  name?: string;
  q?: string;
  address_id?: string[];
}

export interface LocationPage {
  offset: number;
  limit: number;
  order?: string;
}

const ORDERABLE = new Set(["id", "name", "created_at", "updated_at"]);

/** A page of locations, oldest first unless `order` says otherwise (`name`, `-created_at`). */
export function selectLocationPage(manager: EntityManager, filters: LocationFilters, page: LocationPage): Promise<[StockLocation[], number]> {
  const qb = manager.createQueryBuilder(StockLocation, "l");
  if (filters.q) qb.andWhere(`LOWER(l.name) LIKE :q ESCAPE '\\'`, { q: containsPattern(filters.q.toLowerCase()) });
  if (filters.id) qb.andWhere("l.id IN (:...ids)", { ids: filters.id });
  if (filters.address_id) qb.andWhere("l.address_id IN (:...addressIds)", { addressIds: filters.address_id });
  if (filters.name !== undefined) qb.andWhere("l.name = :name", { name: filters.name });
  const desc = page.order?.startsWith("-") ?? false;
  const column = page.order ? page.order.replace(/^-/, "") : "created_at";
  if (!ORDERABLE.has(column)) throw new InvalidDataError(`order: cannot sort stock locations by ${column}`, { code: "invalid_request", field: "order" });
  const dir = desc ? "DESC" : "ASC";
  qb.orderBy(`l.${column}`, dir);
  if (column !== "id") qb.addOrderBy("l.id", dir);
  return qb.skip(page.offset).take(page.limit).getManyAndCount();
}

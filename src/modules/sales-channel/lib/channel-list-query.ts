import { containsPattern, InvalidDataError, type EntityManager } from "kiosk";
import { SalesChannel } from "../models/sales-channel";

export interface ChannelFilters {
  q?: string;
  id?: string[];
  name?: string;
  description?: string;
}

export interface ChannelPage {
  offset: number;
  limit: number;
  order?: string;
}

const ORDERABLE = new Set(["id", "name", "description", "created_at", "updated_at"]);

/** A page of live channels, oldest first unless `order` says otherwise (`name`, `-created_at`). */
export function selectChannelPage(manager: EntityManager, filters: ChannelFilters, page: ChannelPage): Promise<[SalesChannel[], number]> {
  const qb = manager.createQueryBuilder(SalesChannel, "c").where("c.deleted_at IS NULL");
  if (filters.q) {
    qb.andWhere(`(LOWER(c.name) LIKE :q ESCAPE '\\' OR LOWER(COALESCE(c.description, '')) LIKE :q ESCAPE '\\')`, {
      q: containsPattern(filters.q.toLowerCase()),
    });
  }
  if (filters.id) qb.andWhere("c.id IN (:...ids)", { ids: filters.id });
  if (filters.name !== undefined) qb.andWhere("c.name = :name", { name: filters.name });
  if (filters.description !== undefined) qb.andWhere("c.description = :description", { description: filters.description });
  const desc = page.order?.startsWith("-") ?? false;
  const column = page.order ? page.order.replace(/^-/, "") : "created_at";
  if (!ORDERABLE.has(column)) {
    throw new InvalidDataError(`order: cannot sort sales channels by ${column}`, { code: "invalid_request", field: "order" });
  }
  const dir = desc ? "DESC" : "ASC";
  qb.orderBy(`c.${column}`, dir);
  if (column !== "id") qb.addOrderBy("c.id", dir);
  return qb.skip(page.offset).take(page.limit).getManyAndCount();
}

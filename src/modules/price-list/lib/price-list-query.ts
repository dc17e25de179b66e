import { containsPattern, type EntityManager } from "kiosk";
import { PriceList } from "../models/price-list";

export const PRICE_LIST_ORDER_FIELDS = ["created_at", "updated_at", "name", "starts_at", "ends_at"] as const;

export interface ListPriceListsQuery {
  q?: string;
  status?: string[];
  type?: string[];
  order?: string;
  offset: number;
  limit: number;
}

/** The live price lists, searched by name and description, filtered by status and type; newest first unless ordered. */
export function listPriceLists(manager: EntityManager, query: ListPriceListsQuery): Promise<[PriceList[], number]> {
  const desc = query.order ? query.order.startsWith("-") : true;
  const field = query.order?.replace(/^-/, "") ?? "created_at";
  if (!(PRICE_LIST_ORDER_FIELDS as readonly string[]).includes(field)) throw new Error(`cannot order price lists by ${field}`);
  const qb = manager.createQueryBuilder(PriceList, "list").where("list.deleted_at IS NULL");
  if (query.q) {
    qb.andWhere("(LOWER(list.name) LIKE :q ESCAPE '\\' OR LOWER(list.description) LIKE :q ESCAPE '\\')", { q: containsPattern(query.q.toLowerCase()) });
  }
  if (query.status?.length) qb.andWhere("list.status IN (:...status)", { status: query.status });
  if (query.type?.length) qb.andWhere("list.type IN (:...type)", { type: query.type });
  return qb
    .orderBy(`list.${field}`, desc ? "DESC" : "ASC")
    .addOrderBy("list.id", desc ? "DESC" : "ASC")
    .skip(query.offset)
    .take(query.limit)
    .getManyAndCount();
}

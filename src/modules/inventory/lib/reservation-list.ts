import { InvalidDataError, type EntityManager } from "kiosk";
import { ReservationItem } from "../models/reservation-item";

export interface ReservationFilters {
  location_id?: string[];
  inventory_item_id?: string[];
  line_item_id?: string[];
  created_by?: string[];
  quantity?: { lt?: number; gt?: number; lte?: number; gte?: number };
}

const ORDERABLE = new Set(["id", "quantity", "created_at", "updated_at"]);
const OPERATORS = { lt: "<", gt: ">", lte: "<=", gte: ">=" } as const;

/** A page of reservations, oldest first unless `order` says otherwise. */
export function selectReservationPage(
  manager: EntityManager,
  filters: ReservationFilters,
  page: { offset: number; limit: number; order?: string },
): Promise<[ReservationItem[], number]> {
  const qb = manager.createQueryBuilder(ReservationItem, "r");
  for (const key of ["location_id", "inventory_item_id", "line_item_id", "created_by"] as const) {
    if (filters[key]) qb.andWhere(`r.${key} IN (:...${key})`, { [key]: filters[key] });
  }
  for (const [op, symbol] of Object.entries(OPERATORS) as [keyof typeof OPERATORS, string][]) {
    const value = filters.quantity?.[op];
    if (value !== undefined) qb.andWhere(`r.quantity ${symbol} :q_${op}`, { [`q_${op}`]: value });
  }
  const desc = page.order?.startsWith("-") ?? false;
  const column = page.order ? page.order.replace(/^-/, "") : "created_at";
  if (!ORDERABLE.has(column)) throw new InvalidDataError(`order: cannot sort reservations by ${column}`, { code: "invalid_request", field: "order" });
  const dir = desc ? "DESC" : "ASC";
  qb.orderBy(`r.${column}`, dir);
  if (column !== "id") qb.addOrderBy("r.id", dir);
  return qb.skip(page.offset).take(page.limit).getManyAndCount();
}

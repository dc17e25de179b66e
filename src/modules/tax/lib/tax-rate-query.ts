import { InvalidDataError, type EntityManager } from "kiosk";
import { TaxRate } from "../models/tax-rate";

/** A bound on `rate` (`?rate[gt]=5`), as Medusa v1's `NumericalComparisonOperator`. */
export interface RateBounds {
  lt?: number;
  gt?: number;
  lte?: number;
  gte?: number;
}

export interface TaxRateFilters {
  region_id?: string[];
  code?: string;
  q?: string;
  rate?: number | RateBounds;
}

export interface TaxRatePage {
  offset: number;
  limit: number;
  order?: string;
}

const ORDERABLE = new Set(["id", "name", "code", "rate", "region_id", "created_at", "updated_at"]);
const COMPARE = { lt: "<", gt: ">", lte: "<=", gte: ">=" } as const;

/** A page of tax rates, oldest first unless `order` says otherwise (`name`, `-rate`). */
export function selectTaxRatePage(manager: EntityManager, filters: TaxRateFilters, page: TaxRatePage): Promise<[TaxRate[], number]> {
  const qb = manager.createQueryBuilder(TaxRate, "r");
  if (filters.region_id?.length) qb.andWhere("r.region_id IN (:...regions)", { regions: filters.region_id });
  if (filters.code !== undefined) qb.andWhere("r.code = :code", { code: filters.code });
  if (filters.q) qb.andWhere("(LOWER(r.name) LIKE :q OR LOWER(COALESCE(r.code, '')) LIKE :q)", { q: `%${filters.q.toLowerCase().replace(/[%_\\]/g, "")}%` });
  if (typeof filters.rate === "number") qb.andWhere("r.rate = :rate", { rate: filters.rate });
  else if (filters.rate) {
    for (const [key, op] of Object.entries(COMPARE)) {
      const bound = filters.rate[key as keyof RateBounds];
      if (bound !== undefined) qb.andWhere(`r.rate ${op} :rate_${key}`, { [`rate_${key}`]: bound });
    }
  }
  const desc = page.order?.startsWith("-") ?? false;
  const column = page.order ? page.order.replace(/^-/, "") : "created_at";
  if (!ORDERABLE.has(column)) throw new InvalidDataError(`order: cannot sort tax rates by ${column}`, { code: "invalid_request", field: "order" });
  const dir = desc ? "DESC" : "ASC";
  qb.orderBy(`r.${column}`, dir);
  if (column !== "id") qb.addOrderBy("r.id", dir);
  return qb.skip(page.offset).take(page.limit).getManyAndCount();
}

import { containsPattern, type EntityManager } from "kiosk";
import { CustomerGroup } from "../models/customer-group";
import { Customer } from "../models/customer";

export const GROUP_ORDER_FIELDS = ["created_at", "updated_at", "name"] as const;

export interface ListGroupsQuery {
  q?: string;
  /** A field of `GROUP_ORDER_FIELDS`, `-` first for descending. */
  order?: string;
  offset: number;
  limit: number;
}

export interface ListGroupCustomersQuery {
  q?: string;
  offset: number;
  limit: number;
}

/** The live groups, searched by name, newest first unless ordered otherwise. */
export function listGroups(manager: EntityManager, query: ListGroupsQuery): Promise<[CustomerGroup[], number]> {
  const desc = query.order ? query.order.startsWith("-") : true;
  const field = query.order?.replace(/^-/, "") ?? "created_at";
  if (!(GROUP_ORDER_FIELDS as readonly string[]).includes(field)) throw new Error(`cannot order customer groups by ${field}`);
  const qb = manager.createQueryBuilder(CustomerGroup, "grp").where("grp.deleted_at IS NULL");
  if (query.q) qb.andWhere("LOWER(grp.name) LIKE :q ESCAPE '\\'", { q: containsPattern(query.q.toLowerCase()) });
  return qb
    .orderBy(`grp.${field}`, desc ? "DESC" : "ASC")
    .addOrderBy("grp.id", desc ? "DESC" : "ASC")
    .skip(query.offset)
    .take(query.limit)
    .getManyAndCount();
}

/** A group's customers, searched by email and names, oldest first. */
export function listGroupCustomers(manager: EntityManager, groupId: string, query: ListGroupCustomersQuery): Promise<[Customer[], number]> {
  const qb = manager
    .createQueryBuilder(Customer, "customer")
    .innerJoin("customer.groups", "grp", "grp.id = :groupId", { groupId });
  if (query.q) {
    qb.where("(LOWER(customer.email) LIKE :q ESCAPE '\\' OR LOWER(customer.first_name) LIKE :q ESCAPE '\\' OR LOWER(customer.last_name) LIKE :q ESCAPE '\\')", {
      q: containsPattern(query.q.toLowerCase()),
    });
  }
  return qb.orderBy("customer.created_at", "ASC").addOrderBy("customer.id", "ASC").skip(query.offset).take(query.limit).getManyAndCount();
}

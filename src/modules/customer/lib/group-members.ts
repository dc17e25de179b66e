import { NotFoundError, type EntityManager } from "kiosk";
import { runSql, sql } from "kiosk/sql";

/** The distinct ids, each an existing customer: one that is not is a 404 `customer_not_found`, and nothing changes. */
export async function existingCustomers(manager: EntityManager, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return unique;
  const found = await runSql<{ id: string }>(manager, sql`SELECT "id" FROM "customer" WHERE ${sql.in(sql.id("id"), unique)}`);
  const known = new Set(found.map((r) => r.id));
  const missing = unique.find((id) => !known.has(id));
  if (missing) throw new NotFoundError(`Customer with id ${missing} was not found`, "customer_not_found");
  return unique;
}

/**
 * Adds customers to a group; those already in it stay as they are. The caller holds the
 * group's lock; a customer's own update (`setCustomerGroups`) may race it, so the insert
 * skips a pair written meanwhile.
 */
export async function addMembers(manager: EntityManager, groupId: string, customerIds: string[]): Promise<void> {
  if (!customerIds.length) return;
  const present = await runSql<{ customer_id: string }>(
    manager,
    sql`SELECT "customer_id" FROM "customer_group_customers" WHERE "customer_group_id" = ${groupId} AND ${sql.in(sql.id("customer_id"), customerIds)}`,
  );
  const have = new Set(present.map((r) => r.customer_id));
  const rows = customerIds.filter((id) => !have.has(id)).map((id) => sql`(${id}, ${groupId})`);
  if (!rows.length) return;
  await runSql(manager, sql`INSERT INTO "customer_group_customers" ("customer_id", "customer_group_id") VALUES ${sql.join(rows)} ON CONFLICT DO NOTHING`);
}

/** Removes customers from a group (those not in it are ignored). */
export async function removeMembers(manager: EntityManager, groupId: string, customerIds: string[]): Promise<void> {
  if (!customerIds.length) return;
  await runSql(
    manager,
    sql`DELETE FROM "customer_group_customers" WHERE "customer_group_id" = ${groupId} AND ${sql.in(sql.id("customer_id"), customerIds)}`,
  );
}

/** Empties a group (when it is deleted). */
export async function removeAllMembers(manager: EntityManager, groupId: string): Promise<void> {
  await runSql(manager, sql`DELETE FROM "customer_group_customers" WHERE "customer_group_id" = ${groupId}`);
}

/** Makes a customer's groups exactly these (already checked to be live groups). */
export async function setCustomerGroups(manager: EntityManager, customerId: string, groupIds: string[]): Promise<void> {
  await runSql(manager, sql`DELETE FROM "customer_group_customers" WHERE "customer_id" = ${customerId}`);
  const rows = [...new Set(groupIds)].map((id) => sql`(${customerId}, ${id})`);
  if (rows.length) await runSql(manager, sql`INSERT INTO "customer_group_customers" ("customer_id", "customer_group_id") VALUES ${sql.join(rows)} ON CONFLICT DO NOTHING`);
}

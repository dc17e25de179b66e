import { JsonBatch, sql, type Sql } from "kiosk/sql";
import { ShippingMethod } from "../models/shipping-method";
import { ShippingOption } from "../models/shipping-option";

/** A shipping method's columns with its `shipping_option` (null if the option row is gone). */
export type MethodWithOption = Omit<ShippingMethod, "shipping_option" | "cart" | "order"> & { shipping_option: ShippingOption | null };

/**
 * Read part (see `JsonBatch`): adds to the caller's batch the shipping methods
 * whose `owner` column (`cart_id` or `order_id`) is in `ownerIds` (a subquery,
 * `sql.list(ids)`, or one bound value `sql\`${id}\``), and their options. The
 * function returned gives the methods, in the order read, once the batch has run.
 */
export function readMethodParts(batch: JsonBatch, owner: "cart_id" | "order_id", ownerIds: Sql): () => MethodWithOption[] {
  const column = sql.id("t", owner);
  const methods = batch.rows<ShippingMethod>(ShippingMethod, sql`${column} IN (${ownerIds})`);
  const options = batch.rows<ShippingOption>(
    ShippingOption,
    sql`t."id" IN (SELECT m."shipping_option_id" FROM "shipping_method" m WHERE ${sql.id("m", owner)} IN (${ownerIds}))`,
  );
  return () => {
    const optionById = new Map(options.rows.map((o) => [o.id, o]));
    return methods.rows.map((m) => ({ ...m, shipping_option: optionById.get(m.shipping_option_id) ?? null }) as MethodWithOption);
  };
}

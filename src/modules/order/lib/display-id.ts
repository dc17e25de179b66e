import { Order } from "../models/order";
import { OrderSequence } from "../models/order-sequence";
import { DISPLAY_ID_SEQUENCE } from "./constants";
import type { EntityManager } from "kiosk";
import { runSql, sql } from "kiosk/sql";

/**
 * The next display id: one UPDATE … RETURNING of the counter row (which on
 * PostgreSQL also makes concurrent completions take turns for this one row,
 * briefly, at the end of their transactions).
 */
export async function nextDisplayId(manager: EntityManager): Promise<number> {
  const [row] = await runSql<{ value: number }>(
    manager,
    sql`UPDATE "order_sequence" SET "value" = "value" + 1 WHERE "name" = ${DISPLAY_ID_SEQUENCE} RETURNING "value"`,
    { prepare: true },
  );
  if (row) return Number(row.value);
  const max = await manager.createQueryBuilder(Order, "o").select("MAX(o.display_id)", "max").getRawOne<{ max: number | null }>();
  const value = Number(max?.max ?? 0) + 1;
  await manager.insert(OrderSequence, { name: DISPLAY_ID_SEQUENCE, value });
  return value;
}

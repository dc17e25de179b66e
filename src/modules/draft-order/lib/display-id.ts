import type { EntityManager } from "kiosk";
import { runSql, sql } from "kiosk/sql";

const SEQUENCE = "draft_order_display_id";

/** The next draft order display id: one UPDATE … RETURNING of the module's counter row (its migration writes the row). */
export async function nextDraftDisplayId(manager: EntityManager): Promise<number> {
  const [row] = await runSql<{ value: number }>(
    manager,
    sql`UPDATE "draft_order_sequence" SET "value" = "value" + 1 WHERE "name" = ${SEQUENCE} RETURNING "value"`,
  );
  if (!row) throw new Error(`the draft order counter row (${SEQUENCE}) is missing: run the migrations`);
  return Number(row.value);
}

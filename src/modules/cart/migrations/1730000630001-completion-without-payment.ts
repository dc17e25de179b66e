import type { MigrationInterface, QueryRunner } from "kiosk";

const COLUMNS = ["payment_session_id", "provider_id"];

/**
 * A completion may carry no payment: a cart whose total is 0 (its gift cards
 * pay all of it) completes without a payment session, as in Medusa v1, so the
 * completion's session and provider become nullable. `down` makes them
 * required again and fails, changing nothing, while such a completion is in flight.
 */
export class CompletionWithoutPayment1730000630001 implements MigrationInterface {
  name = "CompletionWithoutPayment1730000630001";

  async up(queryRunner: QueryRunner): Promise<void> {
    await setNullable(queryRunner, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await setNullable(queryRunner, false);
  }
}

async function setNullable(queryRunner: QueryRunner, nullable: boolean): Promise<void> {
  const table = (await queryRunner.getTable("cart_completion"))!;
  const changes = COLUMNS.map((name) => {
    const old = table.findColumnByName(name)!;
    const column = old.clone();
    column.isNullable = nullable;
    return { oldColumn: old, newColumn: column };
  });
  await queryRunner.changeColumns(table, changes);
}

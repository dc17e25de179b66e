import { alterIntegerColumns, type MigrationInterface, type QueryRunner } from "kiosk";

/**
 * Payment session, payment and refund amounts become 64-bit money columns:
 * `bigint` on PostgreSQL, where `integer` stops at 2,147,483,647 minor units;
 * SQLite's integer is 64-bit already, so there this changes nothing. `down`
 * narrows them back, and fails (changing nothing) while a value does not fit.
 */
export class WidenPaymentAmounts1730000490004 implements MigrationInterface {
  name = "WidenPaymentAmounts1730000490004";

  async up(queryRunner: QueryRunner): Promise<void> {
    await alterIntegerColumns(queryRunner, "payment_session", ["amount"], "bigint");
    await alterIntegerColumns(queryRunner, "payment", ["amount", "amount_refunded"], "bigint");
    await alterIntegerColumns(queryRunner, "refund", ["amount"], "bigint");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await alterIntegerColumns(queryRunner, "refund", ["amount"], "integer");
    await alterIntegerColumns(queryRunner, "payment", ["amount", "amount_refunded"], "integer");
    await alterIntegerColumns(queryRunner, "payment_session", ["amount"], "integer");
  }
}

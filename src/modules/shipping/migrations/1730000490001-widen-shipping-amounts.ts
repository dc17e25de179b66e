import { alterIntegerColumns, type MigrationInterface, type QueryRunner } from "kiosk";

/**
 * Shipping option amounts and shipping method prices become 64-bit money columns:
 * `bigint` on PostgreSQL, where `integer` stops at 2,147,483,647 minor units;
 * SQLite's integer is 64-bit already, so there this changes nothing. `down`
 * narrows them back, and fails (changing nothing) while a value does not fit.
 */
export class WidenShippingAmounts1730000490001 implements MigrationInterface {
  name = "WidenShippingAmounts1730000490001";

  async up(queryRunner: QueryRunner): Promise<void> {
    await alterIntegerColumns(queryRunner, "shipping_option", ["amount"], "bigint");
    await alterIntegerColumns(queryRunner, "shipping_method", ["price"], "bigint");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await alterIntegerColumns(queryRunner, "shipping_method", ["price"], "integer");
    await alterIntegerColumns(queryRunner, "shipping_option", ["amount"], "integer");
  }
}

import { alterIntegerColumns, type MigrationInterface, type QueryRunner } from "kiosk";

/**
 * Line unit prices, the discount amounts of lines and the amount a completion
 * authorizes become 64-bit money columns: `bigint` on PostgreSQL, where
 * `integer` stops at 2,147,483,647 minor units; SQLite's integer is 64-bit
 * already, so there this changes nothing. `down` narrows them back, and fails
 * (changing nothing) while a value does not fit.
 */
export class WidenCartAmounts1730000490003 implements MigrationInterface {
  name = "WidenCartAmounts1730000490003";

  async up(queryRunner: QueryRunner): Promise<void> {
    await alterIntegerColumns(queryRunner, "line_item", ["unit_price"], "bigint");
    await alterIntegerColumns(queryRunner, "line_item_adjustment", ["amount"], "bigint");
    await alterIntegerColumns(queryRunner, "cart_completion", ["amount"], "bigint");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await alterIntegerColumns(queryRunner, "cart_completion", ["amount"], "integer");
    await alterIntegerColumns(queryRunner, "line_item_adjustment", ["amount"], "integer");
    await alterIntegerColumns(queryRunner, "line_item", ["unit_price"], "integer");
  }
}

import { alterIntegerColumns, type MigrationInterface, type QueryRunner } from "kiosk";

/**
 * Prices become 64-bit money columns: `bigint` on PostgreSQL, where `integer`
 * stops at 2,147,483,647 minor units; SQLite's integer is 64-bit already, so there
 * this changes nothing. `down` narrows them back, and fails (changing nothing)
 * while a value does not fit.
 */
export class WidenMoneyAmount1730000490000 implements MigrationInterface {
  name = "WidenMoneyAmount1730000490000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await alterIntegerColumns(queryRunner, "money_amount", ["amount"], "bigint");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await alterIntegerColumns(queryRunner, "money_amount", ["amount"], "integer");
  }
}

import { alterIntegerColumns, type MigrationInterface, type QueryRunner } from "kiosk";

/**
 * A discount rule's value (a fixed amount, or a percentage) become 64-bit money
 * columns: `bigint` on PostgreSQL, where `integer` stops at 2,147,483,647 minor
 * units; SQLite's integer is 64-bit already, so there this changes nothing. `down`
 * narrows them back, and fails (changing nothing) while a value does not fit.
 */
export class WidenDiscountRuleValue1730000490002 implements MigrationInterface {
  name = "WidenDiscountRuleValue1730000490002";

  async up(queryRunner: QueryRunner): Promise<void> {
    await alterIntegerColumns(queryRunner, "discount_rule", ["value"], "bigint");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await alterIntegerColumns(queryRunner, "discount_rule", ["value"], "integer");
  }
}

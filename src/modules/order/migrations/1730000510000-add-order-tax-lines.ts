import type { MigrationInterface, QueryRunner } from "kiosk";

/**
 * The tax lines of an order's lines and shipping methods as the `taxCalculation`
 * strategy gave them at completion (null for orders placed before: their
 * `tax_rate` applies). A plain `ALTER TABLE`, as in the customer module's
 * token-version migration, so SQLite does not rebuild the table.
 */
export class AddOrderTaxLines1730000510000 implements MigrationInterface {
  name = "AddOrderTaxLines1730000510000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const type = queryRunner.connection.options.type === "postgres" ? "jsonb" : "json";
    await queryRunner.query(`ALTER TABLE "order" ADD COLUMN "tax_lines" ${type}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "order" DROP COLUMN "tax_lines"`);
  }
}

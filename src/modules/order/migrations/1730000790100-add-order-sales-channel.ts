import { TableIndex, type MigrationInterface, type QueryRunner } from "kiosk";

/**
 * The sales channel an order was sold in, copied from its cart (the
 * sales-channel module's id; indexed, no foreign key). A plain `ALTER TABLE`,
 * so SQLite does not rebuild the table.
 */
export class AddOrderSalesChannel1730000790100 implements MigrationInterface {
  name = "AddOrderSalesChannel1730000790100";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "order" ADD COLUMN "sales_channel_id" varchar`);
    await queryRunner.createIndex("order", new TableIndex({ columnNames: ["sales_channel_id"] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const table = await queryRunner.getTable("order");
    const index = table?.indices.find((i) => i.columnNames.length === 1 && i.columnNames[0] === "sales_channel_id");
    if (table && index) await queryRunner.dropIndex(table, index);
    await queryRunner.query(`ALTER TABLE "order" DROP COLUMN "sales_channel_id"`);
  }
}

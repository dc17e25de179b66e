import { TableIndex, type MigrationInterface, type QueryRunner } from "kiosk";

/**
 * The sales channel a cart is in (the sales-channel module's id; indexed, no
 * foreign key). A plain `ALTER TABLE`, so SQLite does not rebuild the table.
 */
export class AddCartSalesChannel1730000730100 implements MigrationInterface {
  name = "AddCartSalesChannel1730000730100";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cart" ADD COLUMN "sales_channel_id" varchar`);
    await queryRunner.createIndex("cart", new TableIndex({ columnNames: ["sales_channel_id"] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const table = await queryRunner.getTable("cart");
    const index = table?.indices.find((i) => i.columnNames.length === 1 && i.columnNames[0] === "sales_channel_id");
    if (table && index) await queryRunner.dropIndex(table, index);
    await queryRunner.query(`ALTER TABLE "cart" DROP COLUMN "sales_channel_id"`);
  }
}

import { TableIndex, type MigrationInterface, type QueryRunner } from "kiosk";

/**
 * The stock location a fulfillment's units left from (Medusa v1's
 * `fulfillment.location_id`; the stock-location module's, indexed, no foreign
 * key). A plain `ALTER TABLE`, so SQLite does not rebuild the table.
 */
export class AddFulfillmentLocation1730000782000 implements MigrationInterface {
  name = "AddFulfillmentLocation1730000782000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "fulfillment" ADD COLUMN "location_id" varchar`);
    await queryRunner.createIndex("fulfillment", new TableIndex({ columnNames: ["location_id"] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const table = await queryRunner.getTable("fulfillment");
    const index = table?.indices.find((i) => i.columnNames.length === 1 && i.columnNames[0] === "location_id");
    if (table && index) await queryRunner.dropIndex(table, index);
    await queryRunner.query(`ALTER TABLE "fulfillment" DROP COLUMN "location_id"`);
  }
}

import { TableIndex, type MigrationInterface, type QueryRunner } from "kiosk";

/**
 * The swap a return is part of (the swap module's id; indexed, no foreign key).
 * A plain `ALTER TABLE`, so SQLite does not rebuild the table.
 */
export class AddReturnSwapId1730000700000 implements MigrationInterface {
  name = "AddReturnSwapId1730000700000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "return" ADD COLUMN "swap_id" varchar`);
    await queryRunner.createIndex("return", new TableIndex({ columnNames: ["swap_id"] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const table = await queryRunner.getTable("return");
    const index = table?.indices.find((i) => i.columnNames.length === 1 && i.columnNames[0] === "swap_id");
    if (table && index) await queryRunner.dropIndex(table, index);
    await queryRunner.query(`ALTER TABLE "return" DROP COLUMN "swap_id"`);
  }
}

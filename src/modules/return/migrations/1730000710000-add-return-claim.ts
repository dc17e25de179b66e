import { TableIndex, type MigrationInterface, type QueryRunner } from "kiosk";

/**
 * `claim_order_id` on returns: the claim (the claim module's, indexed, no
 * foreign key) a return was created for. A plain `ALTER TABLE`, so SQLite does
 * not rebuild the table.
 */
export class AddReturnClaim1730000710000 implements MigrationInterface {
  name = "AddReturnClaim1730000710000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "return" ADD COLUMN "claim_order_id" varchar`);
    await queryRunner.createIndex("return", new TableIndex({ columnNames: ["claim_order_id"] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const table = await queryRunner.getTable("return");
    const index = table?.indices.find((i) => i.columnNames.length === 1 && i.columnNames[0] === "claim_order_id");
    if (index) await queryRunner.dropIndex("return", index);
    await queryRunner.query(`ALTER TABLE "return" DROP COLUMN "claim_order_id"`);
  }
}

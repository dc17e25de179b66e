import type { MigrationInterface, QueryRunner } from "kiosk";

/**
 * The providers chosen for a region: lists of provider ids, null while none is
 * chosen (then every installed one serves it). Plain `ALTER TABLE`s, so SQLite
 * does not rebuild the table.
 */
export class AddRegionProviders1730000790000 implements MigrationInterface {
  name = "AddRegionProviders1730000790000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const json = queryRunner.connection.driver.options.type === "postgres" ? "jsonb" : "json";
    await queryRunner.query(`ALTER TABLE "region" ADD COLUMN "payment_provider_ids" ${json}`);
    await queryRunner.query(`ALTER TABLE "region" ADD COLUMN "fulfillment_provider_ids" ${json}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "region" DROP COLUMN "fulfillment_provider_ids"`);
    await queryRunner.query(`ALTER TABLE "region" DROP COLUMN "payment_provider_ids"`);
  }
}

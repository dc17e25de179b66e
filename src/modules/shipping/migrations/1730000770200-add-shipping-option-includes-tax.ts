import type { MigrationInterface, QueryRunner } from "kiosk";

/**
 * Whether a shipping option's price includes tax (Medusa v1's `includes_tax`). A
 * plain `ALTER TABLE`, so SQLite does not rebuild the table.
 */
export class AddShippingOptionIncludesTax1730000770200 implements MigrationInterface {
  name = "AddShippingOptionIncludesTax1730000770200";

  async up(queryRunner: QueryRunner): Promise<void> {
    // SQLite keeps a default as written, and TypeORM writes a boolean's as 0 / 1: `migrate check` compares the two.
    const off = queryRunner.connection.options.type === "postgres" ? "false" : "0";
    await queryRunner.query(`ALTER TABLE "shipping_option" ADD COLUMN "includes_tax" boolean NOT NULL DEFAULT ${off}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "shipping_option" DROP COLUMN "includes_tax"`);
  }
}

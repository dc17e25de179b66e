import type { MigrationInterface, QueryRunner } from "kiosk";

/**
 * Each customer's token version (0 to start with): tokens signed with an older one
 * are refused. Plain `ALTER TABLE` statements, the same on both databases: on
 * SQLite the QueryRunner's addColumn and dropColumn rebuild the table, and a
 * rebuild during `migrate revert` runs with foreign keys on (TypeORM turns them
 * off only after opening the transaction), which would delete the rows of
 * every table that references this one with ON DELETE CASCADE.
 */
export class AddCustomerTokenVersion1730000300100 implements MigrationInterface {
  name = "AddCustomerTokenVersion1730000300100";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "customer" ADD COLUMN "token_version" integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "customer" DROP COLUMN "token_version"`);
  }
}

import type { MigrationInterface, QueryRunner } from "kiosk";

/**
 * Each admin user's token version (0 to start with): tokens signed with an older one
 * are refused. Plain `ALTER TABLE` statements, the same on both databases: on
 * SQLite the QueryRunner's addColumn and dropColumn rebuild the table, and a
 * rebuild during `migrate revert` runs with foreign keys on (TypeORM turns them
 * off only after opening the transaction), which would delete the rows of
 * every table that references this one with ON DELETE CASCADE.
 */
export class AddUserTokenVersion1730000000100 implements MigrationInterface {
  name = "AddUserTokenVersion1730000000100";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user" ADD COLUMN "token_version" integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "token_version"`);
  }
}

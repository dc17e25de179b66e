import { TableColumn, type MigrationInterface, type QueryRunner } from "kiosk";

/** Each admin user's token version (0 to start with): tokens signed with an older one are refused. */
export class AddUserTokenVersion1730000000100 implements MigrationInterface {
  name = "AddUserTokenVersion1730000000100";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn("user", new TableColumn({ name: "token_version", type: "integer", default: 0 }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn("user", "token_version");
  }
}

import { TableColumn, type MigrationInterface, type QueryRunner } from "kiosk";

/** Each customer's token version (0 to start with): tokens signed with an older one are refused. */
export class AddCustomerTokenVersion1730000300100 implements MigrationInterface {
  name = "AddCustomerTokenVersion1730000300100";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn("customer", new TableColumn({ name: "token_version", type: "integer", default: 0 }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn("customer", "token_version");
  }
}

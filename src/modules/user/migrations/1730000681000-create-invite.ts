import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

export class CreateInvite1730000681000 implements MigrationInterface {
  name = "CreateInvite1730000681000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "invite",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "user_email", type: "varchar", isUnique: true },
          { name: "role", type: "varchar" },
          { name: "accepted", type: "boolean" },
          { name: "token", type: "text" },
          { name: "expires_at", type: "datetime" },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("invite");
  }
}

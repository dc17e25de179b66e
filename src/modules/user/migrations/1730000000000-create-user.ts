import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

export class CreateUser1730000000000 implements MigrationInterface {
  name = "CreateUser1730000000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "user",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "email", type: "varchar", isUnique: true },
          { name: "first_name", type: "varchar", isNullable: true },
          { name: "last_name", type: "varchar", isNullable: true },
          { name: "role", type: "varchar", default: "'admin'" },
          { name: "password_hash", type: "varchar" },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("user");
  }
}

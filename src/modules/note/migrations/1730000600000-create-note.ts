import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

export class CreateNote1730000600000 implements MigrationInterface {
  name = "CreateNote1730000600000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "note",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "value", type: "text" },
          { name: "resource_type", type: "varchar" },
          { name: "resource_id", type: "varchar" },
          { name: "author_id", type: "varchar", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        indices: [{ columnNames: ["resource_type"] }, { columnNames: ["resource_id"] }, { columnNames: ["author_id"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("note");
  }
}

import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

export class CreateReturnReason1730000610000 implements MigrationInterface {
  name = "CreateReturnReason1730000610000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "return_reason",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "value", type: "varchar" },
          { name: "label", type: "varchar" },
          { name: "description", type: "text", isNullable: true },
          { name: "parent_return_reason_id", type: "varchar", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
          { name: "deleted_at", type: "datetime", isNullable: true },
        ],
        foreignKeys: [{ columnNames: ["parent_return_reason_id"], referencedTableName: "return_reason", referencedColumnNames: ["id"] }],
        indices: [
          // Unique among the reasons not deleted: a deleted reason's value can be used again.
          { name: "IDX_return_reason_value_live", columnNames: ["value"], isUnique: true, where: `"deleted_at" IS NULL` },
          { columnNames: ["parent_return_reason_id"] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("return_reason");
  }
}

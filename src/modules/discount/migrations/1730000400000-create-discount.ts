import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

const stamps = [
  { name: "created_at", type: "datetime" },
  { name: "updated_at", type: "datetime" },
];

export class CreateDiscount1730000400000 implements MigrationInterface {
  name = "CreateDiscount1730000400000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "discount_rule",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "type", type: "varchar" },
          { name: "value", type: "integer" },
          { name: "allocation", type: "varchar", isNullable: true },
          { name: "description", type: "text", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          ...stamps,
        ],
        checks: [{ name: "CHK_discount_rule_value", expression: `"value" >= 0` }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "discount",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "code", type: "varchar", isUnique: true },
          { name: "is_dynamic", type: "boolean" },
          { name: "rule_id", type: "varchar" },
          { name: "is_disabled", type: "boolean" },
          { name: "starts_at", type: "datetime" },
          { name: "ends_at", type: "datetime", isNullable: true },
          { name: "usage_limit", type: "integer", isNullable: true },
          { name: "usage_count", type: "integer", default: 0 },
          { name: "metadata", type: "jsonb", isNullable: true },
          ...stamps,
        ],
        foreignKeys: [{ columnNames: ["rule_id"], referencedTableName: "discount_rule", referencedColumnNames: ["id"] }],
        indices: [{ columnNames: ["rule_id"] }],
        checks: [{ name: "CHK_discount_usage", expression: `"usage_limit" IS NULL OR "usage_count" <= "usage_limit"` }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "discount_regions",
        columns: [
          { name: "discount_id", type: "varchar", isPrimary: true },
          { name: "region_id", type: "varchar", isPrimary: true },
        ],
        foreignKeys: [
          { columnNames: ["discount_id"], referencedTableName: "discount", referencedColumnNames: ["id"], onDelete: "CASCADE" },
        ],
        indices: [{ columnNames: ["region_id"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("discount_regions");
    await queryRunner.dropTable("discount");
    await queryRunner.dropTable("discount_rule");
  }
}

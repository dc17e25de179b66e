import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

export class CreateProductCategory1730000200004 implements MigrationInterface {
  name = "CreateProductCategory1730000200004";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "product_category",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "name", type: "varchar" },
          { name: "handle", type: "varchar", isUnique: true },
          { name: "description", type: "text", default: "''" },
          { name: "is_active", type: "boolean" },
          { name: "is_internal", type: "boolean" },
          { name: "rank", type: "integer", default: 0 },
          { name: "parent_category_id", type: "varchar", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        foreignKeys: [
          { columnNames: ["parent_category_id"], referencedTableName: "product_category", referencedColumnNames: ["id"] },
        ],
        indices: [{ columnNames: ["parent_category_id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "product_category_product",
        columns: [
          { name: "product_id", type: "varchar", isPrimary: true },
          { name: "product_category_id", type: "varchar", isPrimary: true },
        ],
        foreignKeys: [
          {
            columnNames: ["product_id"],
            referencedTableName: "product",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
            onUpdate: "CASCADE",
          },
          {
            columnNames: ["product_category_id"],
            referencedTableName: "product_category",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
            onUpdate: "CASCADE",
          },
        ],
        indices: [{ columnNames: ["product_id"] }, { columnNames: ["product_category_id"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("product_category_product");
    await queryRunner.dropTable("product_category");
  }
}

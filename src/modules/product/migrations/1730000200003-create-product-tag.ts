import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

export class CreateProductTag1730000200003 implements MigrationInterface {
  name = "CreateProductTag1730000200003";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "product_tag",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "value", type: "varchar" },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "product_tags",
        columns: [
          { name: "product_id", type: "varchar", isPrimary: true },
          { name: "product_tag_id", type: "varchar", isPrimary: true },
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
            columnNames: ["product_tag_id"],
            referencedTableName: "product_tag",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
            onUpdate: "CASCADE",
          },
        ],
        indices: [{ columnNames: ["product_id"] }, { columnNames: ["product_tag_id"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("product_tags");
    await queryRunner.dropTable("product_tag");
  }
}

import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

const stamps = [
  { name: "created_at", type: "datetime" },
  { name: "updated_at", type: "datetime" },
];

export class CreateProduct1730000200001 implements MigrationInterface {
  name = "CreateProduct1730000200001";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "product",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "title", type: "varchar" },
          { name: "subtitle", type: "varchar", isNullable: true },
          { name: "description", type: "text", isNullable: true },
          { name: "handle", type: "varchar", isUnique: true },
          { name: "is_giftcard", type: "boolean" },
          { name: "status", type: "varchar", default: "'draft'" },
          { name: "thumbnail", type: "varchar", isNullable: true },
          { name: "collection_id", type: "varchar", isNullable: true },
          { name: "discountable", type: "boolean" },
          { name: "weight", type: "integer", isNullable: true },
          { name: "length", type: "integer", isNullable: true },
          { name: "height", type: "integer", isNullable: true },
          { name: "width", type: "integer", isNullable: true },
          { name: "hs_code", type: "varchar", isNullable: true },
          { name: "origin_country", type: "varchar", isNullable: true },
          { name: "mid_code", type: "varchar", isNullable: true },
          { name: "material", type: "varchar", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          ...stamps,
        ],
        foreignKeys: [
          {
            columnNames: ["collection_id"],
            referencedTableName: "product_collection",
            referencedColumnNames: ["id"],
            onDelete: "SET NULL",
          },
        ],
        indices: [{ columnNames: ["collection_id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "product_option",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "title", type: "varchar" },
          { name: "product_id", type: "varchar" },
          { name: "metadata", type: "jsonb", isNullable: true },
          ...stamps,
        ],
        foreignKeys: [
          { columnNames: ["product_id"], referencedTableName: "product", referencedColumnNames: ["id"], onDelete: "CASCADE" },
        ],
        indices: [{ columnNames: ["product_id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "image",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "url", type: "varchar" },
          { name: "product_id", type: "varchar" },
          { name: "rank", type: "integer", default: 0 },
          { name: "metadata", type: "jsonb", isNullable: true },
          ...stamps,
        ],
        foreignKeys: [
          { columnNames: ["product_id"], referencedTableName: "product", referencedColumnNames: ["id"], onDelete: "CASCADE" },
        ],
        indices: [{ columnNames: ["product_id"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("image");
    await queryRunner.dropTable("product_option");
    await queryRunner.dropTable("product");
  }
}

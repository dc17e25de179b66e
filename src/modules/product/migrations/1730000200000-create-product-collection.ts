import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

export class CreateProductCollection1730000200000 implements MigrationInterface {
  name = "CreateProductCollection1730000200000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "product_collection",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "title", type: "varchar" },
          { name: "handle", type: "varchar", isUnique: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("product_collection");
  }
}

import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "kiosk";

/**
 * Product types, and each product's `type_id` (indexed, without a foreign key:
 * types are only ever soft-deleted). The column is added with a plain
 * `ALTER TABLE`, as in the customer module's token-version migration, so SQLite
 * does not rebuild `product`, which other tables reference with ON DELETE CASCADE.
 */
export class CreateProductType1730000670000 implements MigrationInterface {
  name = "CreateProductType1730000670000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "product_type",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "value", type: "varchar" },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
          { name: "deleted_at", type: "datetime", isNullable: true },
        ],
        indices: [
          // Unique among live types: a deleted type's value can be used again.
          { name: "IDX_product_type_value_live", columnNames: ["value"], isUnique: true, where: `"deleted_at" IS NULL` },
        ],
      }),
    );
    await queryRunner.query(`ALTER TABLE "product" ADD COLUMN "type_id" varchar`);
    await queryRunner.createIndex("product", new TableIndex({ columnNames: ["type_id"] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const product = await queryRunner.getTable("product");
    const index = product?.indices.find((i) => i.columnNames.length === 1 && i.columnNames[0] === "type_id");
    if (index) await queryRunner.dropIndex("product", index);
    await queryRunner.query(`ALTER TABLE "product" DROP COLUMN "type_id"`);
    await queryRunner.dropTable("product_type");
  }
}

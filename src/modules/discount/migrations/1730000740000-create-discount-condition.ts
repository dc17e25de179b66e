import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "kiosk";

const JOIN_TABLES = [
  ["discount_condition_product", "product_id"],
  ["discount_condition_product_type", "product_type_id"],
  ["discount_condition_product_collection", "product_collection_id"],
  ["discount_condition_product_tag", "product_tag_id"],
  ["discount_condition_customer_group", "customer_group_id"],
] as const;

/**
 * Discount conditions and their join tables (one per type; the ids they hold
 * belong to other modules: indexed, no foreign key), and the dynamic codes'
 * columns on `discount` (`parent_discount_id`, indexed, and `valid_duration`),
 * added with plain `ALTER TABLE` so SQLite does not rebuild `discount`.
 */
export class CreateDiscountCondition1730000740000 implements MigrationInterface {
  name = "CreateDiscountCondition1730000740000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "discount_condition",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "type", type: "varchar" },
          { name: "operator", type: "varchar" },
          { name: "discount_rule_id", type: "varchar" },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        foreignKeys: [{ columnNames: ["discount_rule_id"], referencedTableName: "discount_rule", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
        indices: [{ columnNames: ["discount_rule_id"] }],
      }),
    );
    for (const [name, column] of JOIN_TABLES) {
      await queryRunner.createTable(
        new Table({
          name,
          columns: [
            { name: "condition_id", type: "varchar", isPrimary: true },
            { name: column, type: "varchar", isPrimary: true },
          ],
          foreignKeys: [{ columnNames: ["condition_id"], referencedTableName: "discount_condition", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
          indices: [{ columnNames: [column] }],
        }),
      );
    }
    await queryRunner.query(`ALTER TABLE "discount" ADD COLUMN "parent_discount_id" varchar`);
    await queryRunner.query(`ALTER TABLE "discount" ADD COLUMN "valid_duration" varchar`);
    await queryRunner.createIndex("discount", new TableIndex({ columnNames: ["parent_discount_id"] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const discount = await queryRunner.getTable("discount");
    const index = discount?.indices.find((i) => i.columnNames.length === 1 && i.columnNames[0] === "parent_discount_id");
    if (index) await queryRunner.dropIndex("discount", index);
    await queryRunner.query(`ALTER TABLE "discount" DROP COLUMN "valid_duration"`);
    await queryRunner.query(`ALTER TABLE "discount" DROP COLUMN "parent_discount_id"`);
    for (const [name] of [...JOIN_TABLES].reverse()) await queryRunner.dropTable(name);
    await queryRunner.dropTable("discount_condition");
  }
}

import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

const stamps = [
  { name: "created_at", type: "datetime" },
  { name: "updated_at", type: "datetime" },
];

/** Stock never below zero, unless the variant allows backorders or does not track stock. */
const STOCK_CHECK = `"inventory_quantity" >= 0 OR "allow_backorder" OR NOT "manage_inventory"`;

export class CreateProductVariant1730000200002 implements MigrationInterface {
  name = "CreateProductVariant1730000200002";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "product_variant",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "title", type: "varchar" },
          { name: "product_id", type: "varchar" },
          { name: "sku", type: "varchar", isNullable: true, isUnique: true },
          { name: "barcode", type: "varchar", isNullable: true },
          { name: "ean", type: "varchar", isNullable: true },
          { name: "upc", type: "varchar", isNullable: true },
          { name: "inventory_quantity", type: "integer" },
          { name: "allow_backorder", type: "boolean" },
          { name: "manage_inventory", type: "boolean" },
          { name: "variant_rank", type: "integer", default: 0 },
          { name: "hs_code", type: "varchar", isNullable: true },
          { name: "origin_country", type: "varchar", isNullable: true },
          { name: "mid_code", type: "varchar", isNullable: true },
          { name: "material", type: "varchar", isNullable: true },
          { name: "weight", type: "integer", isNullable: true },
          { name: "length", type: "integer", isNullable: true },
          { name: "height", type: "integer", isNullable: true },
          { name: "width", type: "integer", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          ...stamps,
        ],
        foreignKeys: [
          { columnNames: ["product_id"], referencedTableName: "product", referencedColumnNames: ["id"], onDelete: "CASCADE" },
        ],
        indices: [{ columnNames: ["product_id"] }],
        // The last guard against overselling: checkout decrements with a conditional update.
        checks: [{ name: "CHK_product_variant_stock", expression: STOCK_CHECK }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "product_option_value",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "value", type: "varchar" },
          { name: "option_id", type: "varchar" },
          { name: "variant_id", type: "varchar" },
          { name: "metadata", type: "jsonb", isNullable: true },
          ...stamps,
        ],
        foreignKeys: [
          { columnNames: ["option_id"], referencedTableName: "product_option", referencedColumnNames: ["id"], onDelete: "CASCADE" },
          { columnNames: ["variant_id"], referencedTableName: "product_variant", referencedColumnNames: ["id"], onDelete: "CASCADE" },
        ],
        indices: [{ columnNames: ["option_id"] }, { columnNames: ["variant_id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "money_amount",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "currency_code", type: "varchar" },
          { name: "amount", type: "integer" },
          { name: "min_quantity", type: "integer", isNullable: true },
          { name: "max_quantity", type: "integer", isNullable: true },
          { name: "region_id", type: "varchar", isNullable: true },
          { name: "variant_id", type: "varchar" },
          ...stamps,
        ],
        foreignKeys: [
          { columnNames: ["variant_id"], referencedTableName: "product_variant", referencedColumnNames: ["id"], onDelete: "CASCADE" },
        ],
        indices: [{ columnNames: ["region_id"] }, { columnNames: ["variant_id"] }],
        checks: [{ name: "CHK_money_amount_amount", expression: `"amount" >= 0` }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("money_amount");
    await queryRunner.dropTable("product_option_value");
    await queryRunner.dropTable("product_variant");
  }
}

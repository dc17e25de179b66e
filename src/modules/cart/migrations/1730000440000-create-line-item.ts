import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

/** After the order table: a line belongs to a cart, then to the order made from it. */
export class CreateLineItem1730000440000 implements MigrationInterface {
  name = "CreateLineItem1730000440000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "line_item",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "cart_id", type: "varchar", isNullable: true },
          { name: "order_id", type: "varchar", isNullable: true },
          { name: "variant_id", type: "varchar", isNullable: true },
          { name: "product_id", type: "varchar", isNullable: true },
          { name: "title", type: "varchar" },
          { name: "description", type: "text", isNullable: true },
          { name: "thumbnail", type: "varchar", isNullable: true },
          { name: "is_giftcard", type: "boolean" },
          { name: "allow_discounts", type: "boolean" },
          { name: "unit_price", type: "integer" },
          { name: "quantity", type: "integer" },
          { name: "fulfilled_quantity", type: "integer", default: 0 },
          { name: "shipped_quantity", type: "integer", default: 0 },
          { name: "returned_quantity", type: "integer", default: 0 },
          { name: "reserved_quantity", type: "integer", default: 0 },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        foreignKeys: [
          { columnNames: ["cart_id"], referencedTableName: "cart", referencedColumnNames: ["id"], onDelete: "CASCADE" },
          { columnNames: ["order_id"], referencedTableName: "order", referencedColumnNames: ["id"] },
        ],
        indices: [{ columnNames: ["cart_id"] }, { columnNames: ["order_id"] }, { columnNames: ["variant_id"] }],
        checks: [
          { name: "CHK_line_item_quantity", expression: `"quantity" > 0` },
          { name: "CHK_line_item_unit_price", expression: `"unit_price" >= 0` },
          { name: "CHK_line_item_fulfilled", expression: `"fulfilled_quantity" >= 0 AND "fulfilled_quantity" <= "quantity"` },
          { name: "CHK_line_item_shipped", expression: `"shipped_quantity" >= 0 AND "shipped_quantity" <= "fulfilled_quantity"` },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "line_item_adjustment",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "item_id", type: "varchar" },
          { name: "discount_id", type: "varchar", isNullable: true },
          { name: "description", type: "varchar" },
          { name: "amount", type: "integer" },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        foreignKeys: [
          { columnNames: ["item_id"], referencedTableName: "line_item", referencedColumnNames: ["id"], onDelete: "CASCADE" },
          { columnNames: ["discount_id"], referencedTableName: "discount", referencedColumnNames: ["id"], onDelete: "SET NULL" },
        ],
        indices: [{ columnNames: ["item_id"] }, { columnNames: ["discount_id"] }],
        checks: [{ name: "CHK_line_item_adjustment_amount", expression: `"amount" >= 0` }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("line_item_adjustment");
    await queryRunner.dropTable("line_item");
  }
}

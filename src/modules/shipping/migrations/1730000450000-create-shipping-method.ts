import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

/** After the cart and order tables, which shipping methods belong to. */
export class CreateShippingMethod1730000450000 implements MigrationInterface {
  name = "CreateShippingMethod1730000450000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "shipping_method",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "shipping_option_id", type: "varchar" },
          { name: "cart_id", type: "varchar", isNullable: true },
          { name: "order_id", type: "varchar", isNullable: true },
          { name: "name", type: "varchar" },
          { name: "price", type: "integer" },
          { name: "data", type: "jsonb" },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        foreignKeys: [
          { columnNames: ["shipping_option_id"], referencedTableName: "shipping_option", referencedColumnNames: ["id"] },
          { columnNames: ["cart_id"], referencedTableName: "cart", referencedColumnNames: ["id"], onDelete: "CASCADE" },
          { columnNames: ["order_id"], referencedTableName: "order", referencedColumnNames: ["id"] },
        ],
        indices: [{ columnNames: ["shipping_option_id"] }, { columnNames: ["cart_id"] }, { columnNames: ["order_id"] }],
        checks: [{ name: "CHK_shipping_method_price", expression: `"price" >= 0` }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("shipping_method");
  }
}

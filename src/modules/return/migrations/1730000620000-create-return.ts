import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

/** Returns and their items; `order_id`, `shipping_option_id` and `item_id` point into other modules (indexed, no foreign key). */
export class CreateReturn1730000620000 implements MigrationInterface {
  name = "CreateReturn1730000620000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "return",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "status", type: "varchar", default: "'requested'" },
          { name: "order_id", type: "varchar" },
          { name: "shipping_option_id", type: "varchar", isNullable: true },
          { name: "shipping_price", type: "bigint", isNullable: true },
          { name: "shipping_data", type: "jsonb", isNullable: true },
          { name: "refund_amount", type: "bigint", isNullable: true },
          { name: "received_at", type: "datetime", isNullable: true },
          { name: "no_notification", type: "boolean", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        indices: [{ columnNames: ["order_id"] }, { columnNames: ["shipping_option_id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "return_item",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "return_id", type: "varchar" },
          { name: "item_id", type: "varchar" },
          { name: "quantity", type: "integer" },
          { name: "is_requested", type: "boolean", default: true },
          { name: "requested_quantity", type: "integer", isNullable: true },
          { name: "received_quantity", type: "integer", isNullable: true },
          { name: "reason_id", type: "varchar", isNullable: true },
          { name: "note", type: "text", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        foreignKeys: [
          { columnNames: ["return_id"], referencedTableName: "return", referencedColumnNames: ["id"], onDelete: "CASCADE" },
          { columnNames: ["reason_id"], referencedTableName: "return_reason", referencedColumnNames: ["id"] },
        ],
        indices: [
          { name: "IDX_return_item_line", columnNames: ["return_id", "item_id"], isUnique: true },
          { columnNames: ["item_id"] },
          { columnNames: ["reason_id"] },
        ],
        checks: [{ name: "CHK_return_item_quantity", expression: `"quantity" > 0` }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("return_item");
    await queryRunner.dropTable("return");
  }
}

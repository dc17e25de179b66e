import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

/** Order edits, the lines they would leave the order with, and their changes. */
export class CreateOrderEdit1730000660000 implements MigrationInterface {
  name = "CreateOrderEdit1730000660000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "order_edit",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "order_id", type: "varchar" },
          { name: "active_order_id", type: "varchar", isNullable: true, isUnique: true },
          { name: "internal_note", type: "text", isNullable: true },
          { name: "created_by", type: "varchar" },
          { name: "requested_by", type: "varchar", isNullable: true },
          { name: "requested_at", type: "datetime", isNullable: true },
          { name: "confirmed_by", type: "varchar", isNullable: true },
          { name: "confirmed_at", type: "datetime", isNullable: true },
          { name: "declined_by", type: "varchar", isNullable: true },
          { name: "declined_reason", type: "text", isNullable: true },
          { name: "declined_at", type: "datetime", isNullable: true },
          { name: "canceled_by", type: "varchar", isNullable: true },
          { name: "canceled_at", type: "datetime", isNullable: true },
          { name: "payment_collection_id", type: "varchar", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        indices: [{ columnNames: ["order_id"] }, { columnNames: ["payment_collection_id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "order_edit_item",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "order_edit_id", type: "varchar" },
          { name: "original_item_id", type: "varchar", isNullable: true },
          { name: "variant_id", type: "varchar", isNullable: true },
          { name: "product_id", type: "varchar", isNullable: true },
          { name: "title", type: "varchar" },
          { name: "description", type: "text", isNullable: true },
          { name: "thumbnail", type: "varchar", isNullable: true },
          { name: "is_giftcard", type: "boolean" },
          { name: "allow_discounts", type: "boolean" },
          { name: "unit_price", type: "bigint" },
          { name: "quantity", type: "integer" },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        foreignKeys: [{ columnNames: ["order_edit_id"], referencedTableName: "order_edit", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
        indices: [{ columnNames: ["order_edit_id"] }, { columnNames: ["original_item_id"] }, { columnNames: ["variant_id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "order_item_change",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "type", type: "varchar" },
          { name: "order_edit_id", type: "varchar" },
          { name: "original_line_item_id", type: "varchar", isNullable: true },
          { name: "line_item_id", type: "varchar", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        foreignKeys: [{ columnNames: ["order_edit_id"], referencedTableName: "order_edit", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
        indices: [{ columnNames: ["order_edit_id"] }, { columnNames: ["original_line_item_id"] }, { columnNames: ["line_item_id"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("order_item_change");
    await queryRunner.dropTable("order_edit_item");
    await queryRunner.dropTable("order_edit");
  }
}

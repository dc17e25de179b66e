import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

/** After the line items, which fulfillment items point at. */
export class CreateFulfillment1730000470000 implements MigrationInterface {
  name = "CreateFulfillment1730000470000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "fulfillment",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "order_id", type: "varchar" },
          { name: "provider_id", type: "varchar" },
          { name: "tracking_numbers", type: "jsonb" },
          { name: "data", type: "jsonb" },
          { name: "shipped_at", type: "datetime", isNullable: true },
          { name: "canceled_at", type: "datetime", isNullable: true },
          { name: "no_notification", type: "boolean", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        foreignKeys: [{ columnNames: ["order_id"], referencedTableName: "order", referencedColumnNames: ["id"] }],
        indices: [{ columnNames: ["order_id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "fulfillment_item",
        columns: [
          { name: "fulfillment_id", type: "varchar", isPrimary: true },
          { name: "item_id", type: "varchar", isPrimary: true },
          { name: "quantity", type: "integer" },
        ],
        foreignKeys: [
          { columnNames: ["fulfillment_id"], referencedTableName: "fulfillment", referencedColumnNames: ["id"], onDelete: "CASCADE" },
          { columnNames: ["item_id"], referencedTableName: "line_item", referencedColumnNames: ["id"] },
        ],
        indices: [{ columnNames: ["item_id"] }],
        checks: [{ name: "CHK_fulfillment_item_quantity", expression: `"quantity" > 0` }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("fulfillment_item");
    await queryRunner.dropTable("fulfillment");
  }
}

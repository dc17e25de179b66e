import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

/**
 * Swaps and their fulfillments. `order_id`, `return_id`, `cart_id`,
 * `payment_id` point into other modules (indexed, no foreign key).
 */
export class CreateSwap1730000701000 implements MigrationInterface {
  name = "CreateSwap1730000701000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "swap",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "fulfillment_status", type: "varchar", default: "'not_fulfilled'" },
          { name: "payment_status", type: "varchar", default: "'not_paid'" },
          { name: "order_id", type: "varchar" },
          { name: "return_id", type: "varchar", isNullable: true },
          { name: "cart_id", type: "varchar", isNullable: true },
          { name: "payment_id", type: "varchar", isNullable: true },
          { name: "difference_due", type: "bigint", isNullable: true },
          { name: "return_total", type: "bigint", isNullable: true },
          { name: "stock_taken", type: "jsonb", isNullable: true },
          { name: "shipping_address", type: "jsonb", isNullable: true },
          { name: "confirmed_at", type: "datetime", isNullable: true },
          { name: "canceled_at", type: "datetime", isNullable: true },
          { name: "allow_backorder", type: "boolean", default: false },
          { name: "no_notification", type: "boolean", isNullable: true },
          { name: "idempotency_key", type: "varchar", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        indices: [
          { columnNames: ["order_id"] },
          { columnNames: ["return_id"] },
          { columnNames: ["cart_id"] },
          { columnNames: ["payment_id"] },
          { columnNames: ["idempotency_key"] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "swap_fulfillment",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "swap_id", type: "varchar" },
          { name: "tracking_numbers", type: "jsonb" },
          { name: "shipped_at", type: "datetime", isNullable: true },
          { name: "canceled_at", type: "datetime", isNullable: true },
          { name: "no_notification", type: "boolean", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        foreignKeys: [{ columnNames: ["swap_id"], referencedTableName: "swap", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
        indices: [{ columnNames: ["swap_id"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("swap_fulfillment");
    await queryRunner.dropTable("swap");
  }
}

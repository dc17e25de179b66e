import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

const timestamps = [
  { name: "created_at", type: "datetime" },
  { name: "updated_at", type: "datetime" },
];

const ofClaim = { columnNames: ["claim_order_id"], referencedTableName: "claim_order", referencedColumnNames: ["id"], onDelete: "CASCADE" };

/**
 * Claims, their items, their replacement items, shipping methods and fulfillments;
 * `order_id`, `return_id`, `item_id`, `variant_id` and `shipping_option_id`
 * point into other modules (indexed, no foreign key).
 */
export class CreateClaim1730000711000 implements MigrationInterface {
  name = "CreateClaim1730000711000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "claim_order",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "type", type: "varchar" },
          { name: "payment_status", type: "varchar", default: "'na'" },
          { name: "fulfillment_status", type: "varchar", default: "'not_fulfilled'" },
          { name: "order_id", type: "varchar" },
          { name: "return_id", type: "varchar", isNullable: true },
          { name: "shipping_address", type: "jsonb", isNullable: true },
          { name: "refund_amount", type: "bigint", isNullable: true },
          { name: "canceled_at", type: "datetime", isNullable: true },
          { name: "no_notification", type: "boolean", isNullable: true },
          { name: "idempotency_key", type: "varchar", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          ...timestamps,
        ],
        indices: [{ columnNames: ["order_id"] }, { columnNames: ["return_id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "claim_item",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "claim_order_id", type: "varchar" },
          { name: "item_id", type: "varchar" },
          { name: "variant_id", type: "varchar", isNullable: true },
          { name: "reason", type: "varchar" },
          { name: "note", type: "text", isNullable: true },
          { name: "quantity", type: "integer" },
          { name: "tags", type: "jsonb", isNullable: true },
          { name: "images", type: "jsonb", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          ...timestamps,
        ],
        foreignKeys: [ofClaim],
        indices: [{ columnNames: ["claim_order_id"] }, { columnNames: ["item_id"] }, { columnNames: ["variant_id"] }],
        checks: [{ name: "CHK_claim_item_quantity", expression: `"quantity" > 0` }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "claim_additional_item",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "claim_order_id", type: "varchar" },
          { name: "variant_id", type: "varchar" },
          { name: "title", type: "varchar" },
          { name: "description", type: "varchar", isNullable: true },
          { name: "thumbnail", type: "varchar", isNullable: true },
          { name: "unit_price", type: "bigint" },
          { name: "quantity", type: "integer" },
          { name: "fulfilled_quantity", type: "integer", default: 0 },
          { name: "shipped_quantity", type: "integer", default: 0 },
          { name: "stock_taken", type: "boolean", default: false },
          { name: "metadata", type: "jsonb", isNullable: true },
          ...timestamps,
        ],
        foreignKeys: [ofClaim],
        indices: [{ columnNames: ["claim_order_id"] }, { columnNames: ["variant_id"] }],
        checks: [{ name: "CHK_claim_additional_item_quantity", expression: `"quantity" > 0` }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "claim_shipping_method",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "claim_order_id", type: "varchar" },
          { name: "shipping_option_id", type: "varchar" },
          { name: "price", type: "bigint" },
          { name: "data", type: "jsonb" },
          ...timestamps,
        ],
        foreignKeys: [ofClaim],
        indices: [{ columnNames: ["claim_order_id"] }, { columnNames: ["shipping_option_id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "claim_fulfillment",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "claim_order_id", type: "varchar" },
          { name: "provider_id", type: "varchar" },
          { name: "items", type: "jsonb" },
          { name: "tracking_numbers", type: "jsonb" },
          { name: "data", type: "jsonb" },
          { name: "shipped_at", type: "datetime", isNullable: true },
          { name: "canceled_at", type: "datetime", isNullable: true },
          { name: "no_notification", type: "boolean", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          ...timestamps,
        ],
        foreignKeys: [ofClaim],
        indices: [{ columnNames: ["claim_order_id"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("claim_fulfillment");
    await queryRunner.dropTable("claim_shipping_method");
    await queryRunner.dropTable("claim_additional_item");
    await queryRunner.dropTable("claim_item");
    await queryRunner.dropTable("claim_order");
  }
}

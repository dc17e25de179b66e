import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

export class CreateOrder1730000430000 implements MigrationInterface {
  name = "CreateOrder1730000430000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "order",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "status", type: "varchar", default: "'pending'" },
          { name: "fulfillment_status", type: "varchar", default: "'not_fulfilled'" },
          { name: "payment_status", type: "varchar", default: "'not_paid'" },
          { name: "display_id", type: "integer", isUnique: true },
          { name: "cart_id", type: "varchar", isNullable: true, isUnique: true },
          { name: "customer_id", type: "varchar", isNullable: true },
          { name: "email", type: "varchar" },
          { name: "region_id", type: "varchar" },
          { name: "currency_code", type: "varchar" },
          { name: "tax_rate", type: "real" },
          { name: "shipping_address", type: "jsonb", isNullable: true },
          { name: "billing_address", type: "jsonb", isNullable: true },
          { name: "idempotency_key", type: "varchar", isNullable: true, isUnique: true },
          { name: "canceled_at", type: "datetime", isNullable: true },
          { name: "no_notification", type: "boolean", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        foreignKeys: [{ columnNames: ["cart_id"], referencedTableName: "cart", referencedColumnNames: ["id"] }],
        indices: [{ columnNames: ["customer_id"] }, { columnNames: ["email"] }, { columnNames: ["region_id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "order_sequence",
        columns: [
          { name: "name", type: "varchar", isPrimary: true },
          { name: "value", type: "integer" },
        ],
      }),
    );
    await queryRunner.manager
      .createQueryBuilder()
      .insert()
      .into("order_sequence")
      .values({ name: "order_display_id", value: 0 })
      .execute();
    await queryRunner.createTable(
      new Table({
        name: "order_discounts",
        columns: [
          { name: "order_id", type: "varchar", isPrimary: true },
          { name: "discount_id", type: "varchar", isPrimary: true },
        ],
        foreignKeys: [
          { columnNames: ["order_id"], referencedTableName: "order", referencedColumnNames: ["id"], onDelete: "CASCADE", onUpdate: "CASCADE" },
          {
            columnNames: ["discount_id"],
            referencedTableName: "discount",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
            onUpdate: "CASCADE",
          },
        ],
        indices: [{ columnNames: ["order_id"] }, { columnNames: ["discount_id"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("order_discounts");
    await queryRunner.dropTable("order_sequence");
    await queryRunner.dropTable("order");
  }
}

import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

export class CreateCart1730000420000 implements MigrationInterface {
  name = "CreateCart1730000420000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "cart",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "email", type: "varchar", isNullable: true },
          { name: "region_id", type: "varchar" },
          { name: "customer_id", type: "varchar", isNullable: true },
          { name: "currency_code", type: "varchar" },
          { name: "shipping_address", type: "jsonb", isNullable: true },
          { name: "billing_address", type: "jsonb", isNullable: true },
          { name: "type", type: "varchar", default: "'default'" },
          { name: "completed_at", type: "datetime", isNullable: true },
          { name: "payment_authorized_at", type: "datetime", isNullable: true },
          { name: "idempotency_key", type: "varchar", isNullable: true },
          { name: "context", type: "jsonb", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        indices: [{ columnNames: ["region_id"] }, { columnNames: ["customer_id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "cart_discounts",
        columns: [
          { name: "cart_id", type: "varchar", isPrimary: true },
          { name: "discount_id", type: "varchar", isPrimary: true },
        ],
        foreignKeys: [
          { columnNames: ["cart_id"], referencedTableName: "cart", referencedColumnNames: ["id"], onDelete: "CASCADE", onUpdate: "CASCADE" },
          {
            columnNames: ["discount_id"],
            referencedTableName: "discount",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
            onUpdate: "CASCADE",
          },
        ],
        indices: [{ columnNames: ["cart_id"] }, { columnNames: ["discount_id"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("cart_discounts");
    await queryRunner.dropTable("cart");
  }
}

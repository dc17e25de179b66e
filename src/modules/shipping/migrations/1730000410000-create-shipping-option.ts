import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

export class CreateShippingOption1730000410000 implements MigrationInterface {
  name = "CreateShippingOption1730000410000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "shipping_option",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "name", type: "varchar" },
          { name: "region_id", type: "varchar" },
          { name: "provider_id", type: "varchar" },
          { name: "price_type", type: "varchar" },
          { name: "amount", type: "integer", isNullable: true },
          { name: "is_return", type: "boolean" },
          { name: "admin_only", type: "boolean" },
          { name: "data", type: "jsonb" },
          { name: "requirements", type: "jsonb", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "deleted_at", type: "datetime", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        indices: [{ columnNames: ["region_id"] }],
        checks: [{ name: "CHK_shipping_option_amount", expression: `"amount" IS NULL OR "amount" >= 0` }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("shipping_option");
  }
}

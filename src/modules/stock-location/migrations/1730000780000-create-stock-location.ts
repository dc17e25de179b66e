import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

export class CreateStockLocation1730000780000 implements MigrationInterface {
  name = "CreateStockLocation1730000780000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "stock_location_address",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "address_1", type: "varchar" },
          { name: "address_2", type: "varchar", isNullable: true },
          { name: "company", type: "varchar", isNullable: true },
          { name: "city", type: "varchar", isNullable: true },
          { name: "country_code", type: "varchar" },
          { name: "phone", type: "varchar", isNullable: true },
          { name: "province", type: "varchar", isNullable: true },
          { name: "postal_code", type: "varchar", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "stock_location",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "name", type: "varchar" },
          { name: "address_id", type: "varchar", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        indices: [{ columnNames: ["address_id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "sales_channel_location",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "sales_channel_id", type: "varchar" },
          { name: "location_id", type: "varchar" },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        indices: [{ columnNames: ["sales_channel_id", "location_id"], isUnique: true }, { columnNames: ["location_id"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("sales_channel_location");
    await queryRunner.dropTable("stock_location");
    await queryRunner.dropTable("stock_location_address");
  }
}

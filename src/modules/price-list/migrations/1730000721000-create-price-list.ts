import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

const cascade = { referencedTableName: "price_list", referencedColumnNames: ["id"], onDelete: "CASCADE" };

export class CreatePriceList1730000721000 implements MigrationInterface {
  name = "CreatePriceList1730000721000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "price_list",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "name", type: "varchar" },
          { name: "description", type: "text" },
          { name: "type", type: "varchar" },
          { name: "status", type: "varchar" },
          { name: "starts_at", type: "datetime", isNullable: true },
          { name: "ends_at", type: "datetime", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
          { name: "deleted_at", type: "datetime", isNullable: true },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "price_list_customer_groups",
        columns: [
          { name: "price_list_id", type: "varchar", isPrimary: true },
          { name: "customer_group_id", type: "varchar", isPrimary: true },
        ],
        foreignKeys: [{ columnNames: ["price_list_id"], ...cascade }],
        indices: [{ columnNames: ["price_list_id"] }, { columnNames: ["customer_group_id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "price_list_price",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "price_list_id", type: "varchar" },
          { name: "variant_id", type: "varchar" },
          { name: "product_id", type: "varchar" },
          { name: "currency_code", type: "varchar" },
          { name: "region_id", type: "varchar", isNullable: true },
          { name: "amount", type: "bigint" },
          { name: "min_quantity", type: "integer", isNullable: true },
          { name: "max_quantity", type: "integer", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        foreignKeys: [{ columnNames: ["price_list_id"], ...cascade }],
        indices: [{ columnNames: ["price_list_id"] }, { columnNames: ["variant_id"] }, { columnNames: ["product_id"] }, { columnNames: ["region_id"] }],
        checks: [{ name: "CHK_price_list_price_amount", expression: `"amount" >= 0` }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("price_list_price");
    await queryRunner.dropTable("price_list_customer_groups");
    await queryRunner.dropTable("price_list");
  }
}

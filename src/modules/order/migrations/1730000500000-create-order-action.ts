import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

/** The admin action in progress on an order (one at most), while its provider is called. */
export class CreateOrderAction1730000500000 implements MigrationInterface {
  name = "CreateOrderAction1730000500000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "order_action",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "order_id", type: "varchar", isUnique: true },
          { name: "action", type: "varchar" },
          { name: "data", type: "jsonb" },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        foreignKeys: [{ columnNames: ["order_id"], referencedTableName: "order", referencedColumnNames: ["id"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("order_action");
  }
}

import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

export class CreateNotification1730000600100 implements MigrationInterface {
  name = "CreateNotification1730000600100";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "notification",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "event_name", type: "varchar", isNullable: true },
          { name: "resource_type", type: "varchar" },
          { name: "resource_id", type: "varchar" },
          { name: "customer_id", type: "varchar", isNullable: true },
          { name: "to", type: "varchar" },
          { name: "data", type: "jsonb" },
          { name: "provider_id", type: "varchar" },
          { name: "parent_id", type: "varchar", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        indices: [
          { columnNames: ["event_name"] },
          { columnNames: ["resource_type"] },
          { columnNames: ["resource_id"] },
          { columnNames: ["customer_id"] },
          { columnNames: ["to"] },
          { columnNames: ["parent_id"] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("notification");
  }
}

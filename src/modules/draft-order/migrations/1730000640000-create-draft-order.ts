import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

export class CreateDraftOrder1730000640000 implements MigrationInterface {
  name = "CreateDraftOrder1730000640000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "draft_order",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "status", type: "varchar", default: "'open'" },
          { name: "display_id", type: "integer", isUnique: true },
          // The cart and the order belong to other modules: indexed (unique) without a foreign key.
          { name: "cart_id", type: "varchar", isUnique: true },
          { name: "order_id", type: "varchar", isNullable: true },
          { name: "canceled_at", type: "datetime", isNullable: true },
          { name: "completed_at", type: "datetime", isNullable: true },
          { name: "no_notification_order", type: "boolean", isNullable: true },
          { name: "idempotency_key", type: "varchar", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        indices: [{ columnNames: ["order_id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "draft_order_sequence",
        columns: [
          { name: "name", type: "varchar", isPrimary: true },
          { name: "value", type: "integer" },
        ],
      }),
    );
    await queryRunner.manager
      .createQueryBuilder()
      .insert()
      .into("draft_order_sequence")
      .values({ name: "draft_order_display_id", value: 0 })
      .execute();
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("draft_order_sequence");
    await queryRunner.dropTable("draft_order");
  }
}

import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/** The kernel's own table: the event outbox. */
export class CreateOutbox1732406400000 implements MigrationInterface {
  name = "CreateOutbox1732406400000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "kiosk_outbox",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "name", type: "varchar" },
          { name: "data", type: "text" },
          { name: "created_at", type: "datetime" },
        ],
      }),
    );
    await queryRunner.createIndex(
      "kiosk_outbox",
      new TableIndex({ name: "IDX_kiosk_outbox_created_at", columnNames: ["created_at"] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("kiosk_outbox");
  }
}

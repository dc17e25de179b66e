import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

export class CreateBatchJob1730000760000 implements MigrationInterface {
  name = "CreateBatchJob1730000760000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "batch_job",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "type", type: "varchar" },
          { name: "status", type: "varchar", default: "'created'" },
          { name: "created_by", type: "varchar", isNullable: true },
          { name: "context", type: "jsonb", isNullable: true },
          { name: "result", type: "jsonb", isNullable: true },
          { name: "dry_run", type: "boolean", default: false },
          { name: "pre_processed_at", type: "datetime", isNullable: true },
          { name: "confirmed_at", type: "datetime", isNullable: true },
          { name: "processing_at", type: "datetime", isNullable: true },
          { name: "completed_at", type: "datetime", isNullable: true },
          { name: "failed_at", type: "datetime", isNullable: true },
          { name: "canceled_at", type: "datetime", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        indices: [{ columnNames: ["status"] }, { columnNames: ["created_by"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("batch_job");
  }
}

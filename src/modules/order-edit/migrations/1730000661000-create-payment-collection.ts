import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

/** Payment collections of order edits and their payment sessions. */
export class CreatePaymentCollection1730000661000 implements MigrationInterface {
  name = "CreatePaymentCollection1730000661000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "payment_collection",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "type", type: "varchar", default: "'order_edit'" },
          { name: "status", type: "varchar", default: "'not_paid'" },
          { name: "description", type: "text", isNullable: true },
          { name: "amount", type: "bigint" },
          { name: "authorized_amount", type: "bigint", isNullable: true },
          { name: "region_id", type: "varchar" },
          { name: "currency_code", type: "varchar" },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_by", type: "varchar" },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        indices: [{ columnNames: ["region_id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "payment_collection_session",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "payment_collection_id", type: "varchar" },
          { name: "provider_id", type: "varchar" },
          { name: "amount", type: "bigint" },
          { name: "status", type: "varchar", default: "'pending'" },
          { name: "data", type: "jsonb" },
          { name: "is_selected", type: "boolean", default: true },
          { name: "is_initiated", type: "boolean", default: true },
          { name: "payment_authorized_at", type: "datetime", isNullable: true },
          { name: "payment_id", type: "varchar", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        foreignKeys: [
          { columnNames: ["payment_collection_id"], referencedTableName: "payment_collection", referencedColumnNames: ["id"], onDelete: "CASCADE" },
        ],
        indices: [{ columnNames: ["payment_collection_id"] }, { columnNames: ["payment_id"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("payment_collection_session");
    await queryRunner.dropTable("payment_collection");
  }
}

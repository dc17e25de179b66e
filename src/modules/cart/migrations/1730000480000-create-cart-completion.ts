import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

export class CreateCartCompletion1730000480000 implements MigrationInterface {
  name = "CreateCartCompletion1730000480000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "cart_completion",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "cart_id", type: "varchar", isUnique: true },
          { name: "token", type: "varchar" },
          { name: "step", type: "varchar" },
          { name: "idempotency_key", type: "varchar", isNullable: true },
          { name: "cart_updated_at", type: "datetime" },
          { name: "payment_session_id", type: "varchar" },
          { name: "provider_id", type: "varchar" },
          { name: "amount", type: "integer" },
          { name: "currency_code", type: "varchar" },
          { name: "reserved", type: "jsonb" },
          { name: "discount_ids", type: "jsonb" },
          { name: "data", type: "jsonb" },
          { name: "expires_at", type: "datetime" },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        foreignKeys: [
          { columnNames: ["cart_id"], referencedTableName: "cart", referencedColumnNames: ["id"], onDelete: "CASCADE" },
        ],
        indices: [{ columnNames: ["expires_at"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("cart_completion");
  }
}

import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

const stamps = [
  { name: "created_at", type: "datetime" },
  { name: "updated_at", type: "datetime" },
];

/** After the cart and order tables. */
export class CreatePayment1730000460000 implements MigrationInterface {
  name = "CreatePayment1730000460000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "payment_session",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "cart_id", type: "varchar" },
          { name: "provider_id", type: "varchar" },
          { name: "is_selected", type: "boolean" },
          { name: "is_initiated", type: "boolean" },
          { name: "status", type: "varchar" },
          { name: "data", type: "jsonb" },
          { name: "amount", type: "integer" },
          { name: "payment_authorized_at", type: "datetime", isNullable: true },
          ...stamps,
        ],
        foreignKeys: [{ columnNames: ["cart_id"], referencedTableName: "cart", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
        indices: [{ columnNames: ["cart_id", "provider_id"], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "payment",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "order_id", type: "varchar", isNullable: true },
          { name: "cart_id", type: "varchar", isNullable: true, isUnique: true },
          { name: "provider_id", type: "varchar" },
          { name: "amount", type: "integer" },
          { name: "currency_code", type: "varchar" },
          { name: "amount_refunded", type: "integer", default: 0 },
          { name: "data", type: "jsonb" },
          { name: "captured_at", type: "datetime", isNullable: true },
          { name: "canceled_at", type: "datetime", isNullable: true },
          { name: "idempotency_key", type: "varchar", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          ...stamps,
        ],
        foreignKeys: [
          { columnNames: ["order_id"], referencedTableName: "order", referencedColumnNames: ["id"] },
          { columnNames: ["cart_id"], referencedTableName: "cart", referencedColumnNames: ["id"] },
        ],
        indices: [{ columnNames: ["order_id"] }],
        checks: [
          { name: "CHK_payment_amount", expression: `"amount" >= 0` },
          { name: "CHK_payment_refunded", expression: `"amount_refunded" >= 0 AND "amount_refunded" <= "amount"` },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "refund",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "order_id", type: "varchar" },
          { name: "payment_id", type: "varchar", isNullable: true },
          { name: "amount", type: "integer" },
          { name: "reason", type: "varchar" },
          { name: "note", type: "text", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          ...stamps,
        ],
        foreignKeys: [
          { columnNames: ["order_id"], referencedTableName: "order", referencedColumnNames: ["id"] },
          { columnNames: ["payment_id"], referencedTableName: "payment", referencedColumnNames: ["id"] },
        ],
        indices: [{ columnNames: ["order_id"] }, { columnNames: ["payment_id"] }],
        checks: [{ name: "CHK_refund_amount", expression: `"amount" > 0` }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("refund");
    await queryRunner.dropTable("payment");
    await queryRunner.dropTable("payment_session");
  }
}

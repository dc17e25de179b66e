import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

const stamps = [
  { name: "created_at", type: "datetime" },
  { name: "updated_at", type: "datetime" },
];

export class CreateGiftCard1730000630000 implements MigrationInterface {
  name = "CreateGiftCard1730000630000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "gift_card",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "code", type: "varchar", isUnique: true },
          { name: "value", type: "bigint" },
          { name: "balance", type: "bigint" },
          { name: "region_id", type: "varchar" },
          { name: "order_id", type: "varchar", isNullable: true },
          { name: "is_disabled", type: "boolean", default: false },
          { name: "ends_at", type: "datetime", isNullable: true },
          { name: "tax_rate", type: "real", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          ...stamps,
          { name: "deleted_at", type: "datetime", isNullable: true },
        ],
        indices: [{ columnNames: ["region_id"] }, { columnNames: ["order_id"] }],
        checks: [{ name: "CHK_gift_card_balance", expression: `"balance" >= 0` }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "gift_card_transaction",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "gift_card_id", type: "varchar" },
          { name: "order_id", type: "varchar" },
          { name: "amount", type: "bigint" },
          { name: "is_taxable", type: "boolean", default: false },
          { name: "tax_rate", type: "real", isNullable: true },
          ...stamps,
        ],
        foreignKeys: [{ columnNames: ["gift_card_id"], referencedTableName: "gift_card", referencedColumnNames: ["id"] }],
        indices: [
          // One transaction per card and order: a second redemption for the same order cannot be written.
          { name: "IDX_gift_card_transaction_card_order", columnNames: ["gift_card_id", "order_id"], isUnique: true },
          { columnNames: ["order_id"] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "cart_gift_cards",
        columns: [
          { name: "cart_id", type: "varchar", isPrimary: true },
          { name: "gift_card_id", type: "varchar", isPrimary: true },
        ],
        foreignKeys: [
          { columnNames: ["gift_card_id"], referencedTableName: "gift_card", referencedColumnNames: ["id"], onDelete: "CASCADE" },
        ],
        indices: [{ columnNames: ["gift_card_id"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("cart_gift_cards");
    await queryRunner.dropTable("gift_card_transaction");
    await queryRunner.dropTable("gift_card");
  }
}

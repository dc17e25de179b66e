import { generateId, Table, type MigrationInterface, type QueryRunner } from "kiosk";

export class CreateSalesChannel1730000730000 implements MigrationInterface {
  name = "CreateSalesChannel1730000730000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "sales_channel",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "name", type: "varchar" },
          { name: "description", type: "varchar", isNullable: true },
          { name: "is_disabled", type: "boolean", default: false },
          { name: "is_default", type: "boolean", default: false },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "deleted_at", type: "datetime", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "product_sales_channel",
        columns: [
          { name: "sales_channel_id", type: "varchar", isPrimary: true },
          { name: "product_id", type: "varchar", isPrimary: true },
        ],
        foreignKeys: [{ columnNames: ["sales_channel_id"], referencedTableName: "sales_channel", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
        indices: [{ columnNames: ["product_id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "publishable_api_key",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "title", type: "varchar" },
          { name: "created_by", type: "varchar", isNullable: true },
          { name: "revoked_by", type: "varchar", isNullable: true },
          { name: "revoked_at", type: "datetime", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        indices: [{ columnNames: ["created_by"] }, { columnNames: ["revoked_by"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "publishable_api_key_sales_channel",
        columns: [
          { name: "publishable_key_id", type: "varchar", isPrimary: true },
          { name: "sales_channel_id", type: "varchar", isPrimary: true },
        ],
        foreignKeys: [
          { columnNames: ["publishable_key_id"], referencedTableName: "publishable_api_key", referencedColumnNames: ["id"], onDelete: "CASCADE" },
          { columnNames: ["sales_channel_id"], referencedTableName: "sales_channel", referencedColumnNames: ["id"], onDelete: "CASCADE" },
        ],
        indices: [{ columnNames: ["sales_channel_id"] }],
      }),
    );
    // The default channel, as Medusa makes it (booleans by SQL literal: the table's only row).
    const now = new Date();
    await queryRunner.manager
      .createQueryBuilder()
      .insert()
      .into("sales_channel")
      .values({ id: generateId("sc"), name: "Default Sales Channel", description: "Created by Kiosk", created_at: now, updated_at: now })
      .execute();
    await queryRunner.query(`UPDATE "sales_channel" SET "is_default" = true`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("publishable_api_key_sales_channel");
    await queryRunner.dropTable("publishable_api_key");
    await queryRunner.dropTable("product_sales_channel");
    await queryRunner.dropTable("sales_channel");
  }
}

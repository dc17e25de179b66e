import { generateId, Table, type MigrationInterface, type QueryRunner } from "kiosk";
import { STORE_DEFAULTS } from "../lib/store-defaults";

export class CreateStore1730000680000 implements MigrationInterface {
  name = "CreateStore1730000680000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "store",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "name", type: "varchar" },
          { name: "default_currency_code", type: "varchar" },
          { name: "default_region_id", type: "varchar", isNullable: true },
          { name: "swap_link_template", type: "text", isNullable: true },
          { name: "payment_link_template", type: "text", isNullable: true },
          { name: "invite_link_template", type: "text", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        indices: [{ columnNames: ["default_region_id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "store_currencies",
        columns: [
          { name: "store_id", type: "varchar", isPrimary: true },
          { name: "currency_code", type: "varchar", isPrimary: true },
        ],
        foreignKeys: [{ columnNames: ["store_id"], referencedTableName: "store", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
        indices: [{ columnNames: ["currency_code"] }],
      }),
    );
    // The one row, with Medusa's defaults: the store sells in its default currency.
    const id = generateId("store");
    const now = new Date();
    const { default_currency_code } = STORE_DEFAULTS;
    await queryRunner.manager
      .createQueryBuilder()
      .insert()
      .into("store")
      .values({ id, ...STORE_DEFAULTS, created_at: now, updated_at: now })
      .execute();
    await queryRunner.manager.createQueryBuilder().insert().into("store_currencies").values({ store_id: id, currency_code: default_currency_code }).execute();
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("store_currencies");
    await queryRunner.dropTable("store");
  }
}

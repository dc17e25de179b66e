import { Table, type MigrationInterface, type QueryRunner } from "kiosk";
import { allCurrencies } from "../lib/iso-codes";

export class CreateRegion1730000100000 implements MigrationInterface {
  name = "CreateRegion1730000100000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "currency",
        columns: [
          { name: "code", type: "varchar", isPrimary: true },
          { name: "name", type: "varchar" },
          { name: "symbol", type: "varchar" },
          { name: "symbol_native", type: "varchar" },
          { name: "decimal_digits", type: "integer" },
          { name: "includes_tax", type: "boolean" },
        ],
      }),
    );
    const rows = allCurrencies().map((c) => ({ ...c, includes_tax: false }));
    await queryRunner.manager.createQueryBuilder().insert().into("currency").values(rows).execute();

    await queryRunner.createTable(
      new Table({
        name: "region",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "name", type: "varchar" },
          { name: "currency_code", type: "varchar" },
          { name: "tax_rate", type: "real" },
          { name: "tax_code", type: "varchar", isNullable: true },
          { name: "includes_tax", type: "boolean" },
          { name: "automatic_taxes", type: "boolean" },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        foreignKeys: [{ columnNames: ["currency_code"], referencedTableName: "currency", referencedColumnNames: ["code"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "region_country",
        columns: [
          { name: "iso_2", type: "varchar", isPrimary: true },
          { name: "name", type: "varchar" },
          { name: "display_name", type: "varchar" },
          { name: "region_id", type: "varchar" },
        ],
        foreignKeys: [
          { columnNames: ["region_id"], referencedTableName: "region", referencedColumnNames: ["id"], onDelete: "CASCADE" },
        ],
        indices: [{ columnNames: ["region_id"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("region_country");
    await queryRunner.dropTable("region");
    await queryRunner.dropTable("currency");
  }
}

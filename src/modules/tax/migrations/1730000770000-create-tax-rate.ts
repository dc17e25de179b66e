import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

const link = (name: string, column: string) =>
  new Table({
    name,
    columns: [
      { name: "rate_id", type: "varchar", isPrimary: true },
      { name: column, type: "varchar", isPrimary: true },
    ],
    foreignKeys: [{ columnNames: ["rate_id"], referencedTableName: "tax_rate", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
    indices: [{ columnNames: [column] }],
  });

/** Tax rates of regions and the products, product types and shipping options they apply to. */
export class CreateTaxRate1730000770000 implements MigrationInterface {
  name = "CreateTaxRate1730000770000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "tax_rate",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "rate", type: "real", isNullable: true },
          { name: "code", type: "varchar", isNullable: true },
          { name: "name", type: "varchar" },
          { name: "region_id", type: "varchar" },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        indices: [{ columnNames: ["region_id"] }],
      }),
    );
    await queryRunner.createTable(link("product_tax_rate", "product_id"));
    await queryRunner.createTable(link("product_type_tax_rate", "product_type_id"));
    await queryRunner.createTable(link("shipping_tax_rate", "shipping_option_id"));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("shipping_tax_rate");
    await queryRunner.dropTable("product_type_tax_rate");
    await queryRunner.dropTable("product_tax_rate");
    await queryRunner.dropTable("tax_rate");
  }
}

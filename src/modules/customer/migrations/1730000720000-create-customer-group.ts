import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

export class CreateCustomerGroup1730000720000 implements MigrationInterface {
  name = "CreateCustomerGroup1730000720000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "customer_group",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "name", type: "varchar" },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
          { name: "deleted_at", type: "datetime", isNullable: true },
        ],
        // Unique among the groups not deleted: a deleted group's name can be used again.
        indices: [{ name: "IDX_customer_group_name_live", columnNames: ["name"], isUnique: true, where: `"deleted_at" IS NULL` }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "customer_group_customers",
        columns: [
          { name: "customer_id", type: "varchar", isPrimary: true },
          { name: "customer_group_id", type: "varchar", isPrimary: true },
        ],
        foreignKeys: [
          { columnNames: ["customer_id"], referencedTableName: "customer", referencedColumnNames: ["id"], onDelete: "CASCADE", onUpdate: "CASCADE" },
          {
            columnNames: ["customer_group_id"],
            referencedTableName: "customer_group",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
            onUpdate: "CASCADE",
          },
        ],
        indices: [{ columnNames: ["customer_id"] }, { columnNames: ["customer_group_id"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("customer_group_customers");
    await queryRunner.dropTable("customer_group");
  }
}

import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

const optional = (name: string) => ({ name, type: "varchar", isNullable: true });

export class CreateCustomer1730000300000 implements MigrationInterface {
  name = "CreateCustomer1730000300000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "customer",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "email", type: "varchar", isUnique: true },
          optional("first_name"),
          optional("last_name"),
          optional("phone"),
          { name: "has_account", type: "boolean" },
          optional("password_hash"),
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "customer_address",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "customer_id", type: "varchar" },
          ...["first_name", "last_name", "company", "address_1", "address_2", "city", "country_code", "province", "postal_code", "phone"].map(optional),
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        foreignKeys: [
          { columnNames: ["customer_id"], referencedTableName: "customer", referencedColumnNames: ["id"], onDelete: "CASCADE" },
        ],
        indices: [{ columnNames: ["customer_id"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("customer_address");
    await queryRunner.dropTable("customer");
  }
}

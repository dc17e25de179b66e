import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

export class CreateInventory1730000781000 implements MigrationInterface {
  name = "CreateInventory1730000781000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "inventory_item",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "variant_id", type: "varchar" },
          { name: "sku", type: "varchar", isNullable: true },
          { name: "origin_country", type: "varchar", isNullable: true },
          { name: "hs_code", type: "varchar", isNullable: true },
          { name: "mid_code", type: "varchar", isNullable: true },
          { name: "material", type: "varchar", isNullable: true },
          { name: "weight", type: "integer", isNullable: true },
          { name: "length", type: "integer", isNullable: true },
          { name: "height", type: "integer", isNullable: true },
          { name: "width", type: "integer", isNullable: true },
          { name: "title", type: "varchar", isNullable: true },
          { name: "description", type: "varchar", isNullable: true },
          { name: "thumbnail", type: "varchar", isNullable: true },
          { name: "requires_shipping", type: "boolean", default: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        indices: [{ columnNames: ["variant_id"], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "inventory_level",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "inventory_item_id", type: "varchar" },
          { name: "location_id", type: "varchar" },
          { name: "stocked_quantity", type: "integer", default: 0 },
          { name: "reserved_quantity", type: "integer", default: 0 },
          { name: "incoming_quantity", type: "integer", default: 0 },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        foreignKeys: [{ columnNames: ["inventory_item_id"], referencedTableName: "inventory_item", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
        indices: [{ columnNames: ["inventory_item_id", "location_id"], isUnique: true }, { columnNames: ["location_id"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "reservation_item",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "inventory_item_id", type: "varchar" },
          { name: "location_id", type: "varchar" },
          { name: "line_item_id", type: "varchar", isNullable: true },
          { name: "quantity", type: "integer" },
          { name: "description", type: "varchar", isNullable: true },
          { name: "created_by", type: "varchar", isNullable: true },
          { name: "external_id", type: "varchar", isNullable: true },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        foreignKeys: [{ columnNames: ["inventory_item_id"], referencedTableName: "inventory_item", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
        indices: [{ columnNames: ["inventory_item_id"] }, { columnNames: ["location_id"] }, { columnNames: ["line_item_id"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("reservation_item");
    await queryRunner.dropTable("inventory_level");
    await queryRunner.dropTable("inventory_item");
  }
}

import { generateId, Table, type MigrationInterface, type QueryRunner } from "kiosk";
import { BUILT_IN_PROFILES } from "../lib/built-in-profiles";

export class CreateShippingProfile1730000682000 implements MigrationInterface {
  name = "CreateShippingProfile1730000682000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "shipping_profile",
        columns: [
          { name: "id", type: "varchar", isPrimary: true },
          { name: "name", type: "varchar" },
          { name: "type", type: "varchar" },
          { name: "metadata", type: "jsonb", isNullable: true },
          { name: "created_at", type: "datetime" },
          { name: "updated_at", type: "datetime" },
        ],
        indices: [{ columnNames: ["type"] }],
      }),
    );
    // A millisecond apart, so they list in this order (oldest first) whatever their random ids.
    const now = Date.now();
    const rows = BUILT_IN_PROFILES.map((profile, i) => {
      const at = new Date(now + i);
      return { id: generateId("sp"), ...profile, created_at: at, updated_at: at };
    });
    await queryRunner.manager.createQueryBuilder().insert().into("shipping_profile").values(rows).execute();
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("shipping_profile");
  }
}

import { Table, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * The kernel's settings: a few named values a store keeps for good, such as
 * `instance_id` (written at first boot), which names its Redis keys.
 */
export class CreateKioskSetting1732406400001 implements MigrationInterface {
  name = "CreateKioskSetting1732406400001";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "kiosk_setting",
        columns: [
          { name: "name", type: "varchar", isPrimary: true },
          { name: "value", type: "varchar" },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("kiosk_setting");
  }
}

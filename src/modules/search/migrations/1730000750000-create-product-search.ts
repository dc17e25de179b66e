import { Table, type MigrationInterface, type QueryRunner } from "kiosk";

/**
 * The product search index: one row per published product, its searchable text in
 * `document`. On PostgreSQL a plain table with a GIN index on
 * `to_tsvector('simple', document)`; on SQLite an FTS5 virtual table of the same
 * columns. No entity maps it, so `kiosk migrate check` (which diffs the entities
 * against the migrated schema) does not see it; the search service reads and
 * writes it with hand-written SQL.
 */
export class CreateProductSearch1730000750000 implements MigrationInterface {
  name = "CreateProductSearch1730000750000";

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== "postgres") {
      await queryRunner.query(`CREATE VIRTUAL TABLE "product_search" USING fts5("product_id" UNINDEXED, "document", tokenize = 'unicode61 remove_diacritics 2')`);
      return;
    }
    await queryRunner.createTable(
      new Table({
        name: "product_search",
        columns: [
          { name: "product_id", type: "varchar", isPrimary: true },
          { name: "document", type: "text" },
        ],
      }),
    );
    await queryRunner.query(`CREATE INDEX "IDX_product_search_document" ON "product_search" USING GIN (to_tsvector('simple', "document"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "product_search"`);
  }
}

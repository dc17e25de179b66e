import type { EntityManager } from "kiosk";
import { dialectOf, runSql, sql } from "kiosk/sql";
import { fts5Query, tsQuery } from "./search-terms";

/**
 * The `product_search` table, in each dialect's full-text search: PostgreSQL's
 * `to_tsvector('simple', …) @@ to_tsquery('simple', …)` over a GIN index, SQLite's
 * FTS5 `MATCH`. Both rank the matches (`ts_rank`, FTS5's bm25 `rank`).
 */

/** Puts a product's text in the index, replacing what it had. */
export async function writeDocument(manager: EntityManager, productId: string, document: string): Promise<void> {
  if (dialectOf(manager) === "postgres") {
    await runSql(
      manager,
      sql`INSERT INTO "product_search" ("product_id", "document") VALUES (${productId}, ${document})
          ON CONFLICT ("product_id") DO UPDATE SET "document" = EXCLUDED."document"`,
    );
    return;
  }
  await removeDocument(manager, productId);
  await runSql(manager, sql`INSERT INTO "product_search" ("product_id", "document") VALUES (${productId}, ${document})`);
}

export async function removeDocument(manager: EntityManager, productId: string): Promise<void> {
  await runSql(manager, sql`DELETE FROM "product_search" WHERE "product_id" = ${productId}`);
}

/**
 * Serializes the indexing of one product on PostgreSQL for the rest of the
 * transaction (an advisory lock on the id), so two indexers of the same product
 * cannot write out of order; SQLite's transactions already take turns.
 */
export async function lockDocument(manager: EntityManager, productId: string): Promise<void> {
  if (dialectOf(manager) === "postgres") await runSql(manager, sql`SELECT pg_advisory_xact_lock(hashtext(${`product_search:${productId}`}))`);
}

/** The ids of every product with a document. */
export async function indexedIds(manager: EntityManager): Promise<string[]> {
  const rows: { product_id: string }[] = await runSql(manager, sql`SELECT "product_id" FROM "product_search"`);
  return rows.map((r) => r.product_id);
}

/** The ids of the products matching every term, best first (all indexed products, by id, when there is no term). */
export async function matchingIds(manager: EntityManager, terms: string[], max: number): Promise<string[]> {
  let rows: { product_id: string }[];
  if (!terms.length) {
    rows = await runSql(manager, sql`SELECT "product_id" FROM "product_search" ORDER BY "product_id" LIMIT ${max}`);
  } else if (dialectOf(manager) === "postgres") {
    const query = sql`to_tsquery('simple', ${tsQuery(terms)})`;
    const vector = sql`to_tsvector('simple', "document")`;
    rows = await runSql(
      manager,
      sql`SELECT "product_id" FROM "product_search" WHERE ${vector} @@ ${query} ORDER BY ts_rank(${vector}, ${query}) DESC, "product_id" LIMIT ${max}`,
    );
  } else {
    rows = await runSql(
      manager,
      sql`SELECT "product_id" FROM "product_search" WHERE "product_search" MATCH ${fts5Query(terms)} ORDER BY rank, "product_id" LIMIT ${max}`,
    );
  }
  return rows.map((r) => r.product_id);
}

import { createRequire } from "node:module";

/** The CLI's own PostgreSQL administration (create-store and `migrate check` use it), from the build. */
const { createDatabase, dropDatabase, withDatabaseName } = createRequire(import.meta.url)(
  "../../dist/src/kernel/database/postgres-admin.js",
) as typeof import("../../src/kernel/database/postgres-admin");

/** The databases a suite runs on: SQLite always, PostgreSQL when KIOSK_TEST_DATABASE_URL is set. */
export const DATABASES: { name: "sqlite" | "postgres" }[] = [
  { name: "sqlite" },
  ...(process.env.KIOSK_TEST_DATABASE_URL ? [{ name: "postgres" as const }] : []),
];

/**
 * A URL naming a fresh PostgreSQL database that does not exist yet (for a command
 * that creates its own, as create-store does), and a drop function for afterAll.
 */
export function postgresDatabaseToCreate(label: string): { name: string; url: string; drop: () => Promise<void> } {
  const adminUrl = process.env.KIOSK_TEST_DATABASE_URL!;
  const name = `kiosk_test_${label}_${process.pid}_${Date.now()}`.toLowerCase().replace(/\W/g, "_");
  return { name, url: withDatabaseName(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}

/** Creates a fresh PostgreSQL database for one suite; returns its URL and a drop function. */
export async function createPostgresDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const db = postgresDatabaseToCreate(label);
  if (!(await createDatabase(process.env.KIOSK_TEST_DATABASE_URL!, db.name))) throw new Error(`database ${db.name} already exists`);
  return { url: db.url, drop: db.drop };
}

/** A database URL for the suite (undefined = the project's SQLite file) and its cleanup. */
export async function suiteDatabase(db: "sqlite" | "postgres", label: string) {
  if (db === "sqlite") return { url: undefined, drop: async () => {} };
  return createPostgresDatabase(label);
}

import { Client } from "pg";

/** The databases a suite runs on: SQLite always, PostgreSQL when KIOSK_TEST_DATABASE_URL is set. */
export const DATABASES: { name: "sqlite" | "postgres" }[] = [
  { name: "sqlite" },
  ...(process.env.KIOSK_TEST_DATABASE_URL ? [{ name: "postgres" as const }] : []),
];

/** Creates a fresh PostgreSQL database for one suite; returns its URL and a drop function. */
export async function createPostgresDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.KIOSK_TEST_DATABASE_URL!;
  const name = `kiosk_test_${label}_${process.pid}_${Date.now()}`.toLowerCase().replace(/\W/g, "_");
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A database URL for the suite (undefined = the project's SQLite file) and its cleanup. */
export async function suiteDatabase(db: "sqlite" | "postgres", label: string) {
  if (db === "sqlite") return { url: undefined, drop: async () => {} };
  return createPostgresDatabase(label);
}

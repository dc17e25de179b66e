import { defineConfig } from "kiosk";

// Settings come from the environment: DATABASE_URL, REDIS_URL, PORT, JWT_SECRET,
// STORE_CORS, ADMIN_CORS. Every kiosk command reads a `.env` file beside this config
// (written by create-store, never committed) for the ones that are not set.
// Tests leave it alone.
export default defineConfig({
  http: { port: 9000 },
  // Without DATABASE_URL the store runs on an embedded SQLite file; tests get one of their own.
  database: { path: process.env.NODE_ENV === "test" ? ".kiosk/test.sqlite" : ".kiosk/kiosk.sqlite" },
});

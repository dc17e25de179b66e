import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "kiosk";

// Settings come from the environment: DATABASE_URL, REDIS_URL, PORT, JWT_SECRET,
// STORE_CORS, ADMIN_CORS. A `.env` file beside this config (written by create-store,
// never committed) fills in the ones that are not set. Tests leave it alone.
const projectDir = path.basename(__dirname) === "dist" ? path.dirname(__dirname) : __dirname;
const envFile = path.join(projectDir, ".env");
if (process.env.NODE_ENV !== "test" && fs.existsSync(envFile)) process.loadEnvFile(envFile);

export default defineConfig({
  http: { port: 9000 },
  // Without DATABASE_URL the store runs on an embedded SQLite file; tests get one of their own.
  database: { path: process.env.NODE_ENV === "test" ? ".kiosk/test.sqlite" : ".kiosk/kiosk.sqlite" },
});

import { defineConfig } from "kiosk";

/** Environment variables win: DATABASE_URL, REDIS_URL, PORT, JWT_SECRET, STORE_CORS, ADMIN_CORS. */
export default defineConfig({
  http: { port: 9000 },
});

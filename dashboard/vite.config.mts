import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The dashboard's build: `npm run build` writes it to `dist/dashboard`, which the kernel serves at `/app`.
 * Assets are relative (`base: "./"`): the kernel adds `<base href>` for whatever path it is mounted at.
 * `vite --config dashboard/vite.config.mts` serves it with hot reload, the Admin API proxied to a running store
 * (KIOSK_URL, default http://localhost:9000).
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("../dist/dashboard", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 300,
  },
  server: {
    proxy: { "/admin": process.env.KIOSK_URL ?? "http://localhost:9000" },
  },
});

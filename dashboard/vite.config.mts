import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { ADMIN_EXPORTS } from "./src/extension-api.ts";

const require = createRequire(import.meta.url);

/** `export const { a, b } = <the dashboard's copy>`: what `react`, `react/jsx-runtime` and `kiosk/admin` are to an extension. */
function shim(key: string, names: string[]): string {
  const valid = names.filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== "default");
  return `const m = globalThis.__kioskAdmin.${key};\nexport default m;\nexport const { ${valid.join(", ")} } = m;\n`;
}

/** The modules the import map in index.html points extensions at (`shims/*.js`), written with the build. */
function extensionShims(): Plugin {
  return {
    name: "kiosk-extension-shims",
    generateBundle() {
      const files = {
        "shims/react.js": shim("react", Object.keys(require("react"))),
        "shims/jsx-runtime.js": shim("jsxRuntime", Object.keys(require("react/jsx-runtime"))),
        "shims/admin.js": shim("admin", [...ADMIN_EXPORTS]),
      };
      for (const [fileName, source] of Object.entries(files)) this.emitFile({ type: "asset", fileName, source });
    },
  };
}

/**
 * The dashboard's build: `npm run build` writes it to `dist/dashboard`, which the kernel serves at `/app`.
 * Assets are relative (`base: "./"`): the kernel adds `<base href>` for whatever path it is mounted at.
 * `vite --config dashboard/vite.config.mts` serves it with hot reload, the Admin API proxied to a running store
 * (KIOSK_URL, default http://localhost:9000).
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  plugins: [react(), extensionShims()],
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

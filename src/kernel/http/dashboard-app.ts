import fs from "node:fs";
import path from "node:path";
import express, { type Request, type Response, type Router } from "express";
import type { ResolvedConfig } from "../config/resolved-config";
import { mountExtensions } from "./admin-extensions";

/** The kiosk package's folder: the nearest one up from here whose package.json is named `kiosk`. */
function packageRoot(): string {
  let dir = __dirname;
  for (;;) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string };
      if (pkg.name === "kiosk") return dir;
    } catch {
      // not here; look one folder up
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(__dirname, "../../../..");
    dir = parent;
  }
}

/** Where `npm run build` puts the dashboard: `dist/dashboard` in the kiosk package. */
export function dashboardDir(): string {
  return path.join(packageRoot(), "dist", "dashboard");
}

/** `index.html` with `<base href="<path>/">`, so its relative assets and the client router follow the mount path. */
function indexHtml(dir: string, mountPath: string): string | undefined {
  let html: string;
  try {
    html = fs.readFileSync(path.join(dir, "index.html"), "utf8");
  } catch {
    return undefined;
  }
  const base = `<base href="${mountPath}/">`;
  return html.includes("<base ") ? html.replace(/<base [^>]*>/, base) : html.replace(/<head>/i, `<head>\n    ${base}`);
}

/**
 * The admin dashboard at `config.admin.path`: hashed assets with a long cache, and
 * `index.html` for every other GET below the path (the client router takes it from there).
 * Without a built dashboard every request is a 503 `dashboard_not_built`.
 */
export function dashboardApp(config: ResolvedConfig, dir = dashboardDir()): Router {
  const router = express.Router();
  const mountPath = config.admin.path;
  let html: { mtimeMs: number; text: string } | undefined;
  /** index.html with its base, read again when a new build replaced it (its asset names changed). */
  const page = (): string | undefined => {
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(path.join(dir, "index.html")).mtimeMs;
    } catch {
      return undefined;
    }
    if (html?.mtimeMs !== mtimeMs) {
      const text = indexHtml(dir, mountPath);
      html = text === undefined ? undefined : { mtimeMs, text };
    }
    return html?.text;
  };
  router.use("/assets", express.static(path.join(dir, "assets"), { immutable: true, maxAge: "365d", fallthrough: true, index: false }));
  router.use("/shims", express.static(path.join(dir, "shims"), { fallthrough: true, index: false }));
  mountExtensions(router, config.projectDir, config.env === "development");
  router.use((req: Request, res: Response) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.status(405).json({ type: "not_allowed", code: "method_not_allowed", message: `The dashboard answers GET only` });
      return;
    }
    if (/^\/(assets|shims|extensions)\//.test(req.path)) {
      res.status(404).json({ type: "not_found", code: "not_found", message: `No dashboard file ${req.path}` });
      return;
    }
    const body = page();
    if (body === undefined) {
      res.status(503).json({
        type: "unavailable",
        code: "dashboard_not_built",
        message: "The admin dashboard is not built: run `npm run build` in the kiosk package (it writes dist/dashboard)",
      });
      return;
    }
    res.setHeader("cache-control", "no-cache");
    res.type("html").send(body);
  });
  return router;
}

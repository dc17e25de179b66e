import fs from "node:fs";
import path from "node:path";
import type { Request, Response, Router } from "express";

/** The kinds of dashboard extension a project writes in `src/admin/<kind>/<name>.tsx`. */
export const EXTENSION_KINDS = ["pages", "widgets"] as const;
type Kind = (typeof EXTENSION_KINDS)[number];

const SOURCE = /^([a-z0-9][a-z0-9-]*)\.(tsx|jsx)$/;
const BUILT = /^([a-z0-9][a-z0-9-]*)\.js$/;

/**
 * A project's dashboard extensions: `src/admin/{pages,widgets}/<name>.tsx|jsx` when the project has
 * its sources (`kiosk develop`, or `kiosk start` beside them), else what `kiosk build` wrote to
 * `dist/admin/{pages,widgets}/<name>.js`.
 */
export function extensionFiles(projectDir: string): { kind: Kind; name: string; file: string; source: boolean }[] {
  const src = path.join(projectDir, "src", "admin");
  const source = fs.existsSync(src);
  const root = source ? src : path.join(projectDir, "dist", "admin");
  return EXTENSION_KINDS.flatMap((kind) => {
    const dir = path.join(root, kind);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .sort()
      .flatMap((f) => {
        const m = (source ? SOURCE : BUILT).exec(f);
        return m ? [{ kind, name: m[1], file: path.join(dir, f), source }] : [];
      });
  });
}

/**
 * An extension's source as a browser module: TypeScript and JSX (the automatic runtime) compiled by
 * SWC, imports left as they are. The dashboard's import map resolves `react`, `react/jsx-runtime`
 * and `kiosk/admin` to the dashboard's own copies.
 */
export function transpileExtension(file: string, code = fs.readFileSync(file, "utf8")): string {
  // Loaded on first use: a store without extensions never pays for SWC's native binding.
  const { transformSync } = require("@swc/core") as typeof import("@swc/core");
  return transformSync(code, {
    filename: file,
    swcrc: false,
    configFile: false,
    sourceMaps: "inline",
    module: { type: "es6" },
    jsc: {
      target: "es2022",
      parser: file.endsWith(".jsx") ? { syntax: "ecmascript", jsx: true } : { syntax: "typescript", tsx: true },
      transform: { react: { runtime: "automatic" } },
    },
  }).code;
}

/** Compiled sources by file, kept while the file's mtime holds (an edit under `kiosk develop` shows on the next load). */
const compiled = new Map<string, { mtimeMs: number; code: string }>();

function moduleOf(file: string, source: boolean): string {
  if (!source) return fs.readFileSync(file, "utf8");
  const { mtimeMs } = fs.statSync(file);
  const cached = compiled.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.code;
  const code = transpileExtension(file);
  compiled.set(file, { mtimeMs, code });
  return code;
}

/** A file's modification time, for the `?v=` of its URL: an edit makes a new URL, so the browser loads the new module. */
function versionOf(file: string): number {
  try {
    return Math.floor(fs.statSync(file).mtimeMs);
  } catch {
    return 0;
  }
}

/**
 * `extensions.json` and `extensions/<kind>/<name>.js` under the dashboard's path. With `watch`
 * (`kiosk develop`) the dashboard polls the list and swaps an extension in as soon as its file changes.
 */
export function mountExtensions(router: Router, projectDir: string, watch: boolean): void {
  router.get("/extensions.json", (_req: Request, res: Response) => {
    const files = extensionFiles(projectDir);
    res.setHeader("cache-control", "no-cache");
    res.json({
      ...Object.fromEntries(
        EXTENSION_KINDS.map((kind) => [
          kind,
          files.filter((f) => f.kind === kind).map((f) => ({ name: f.name, url: `extensions/${kind}/${f.name}.js?v=${versionOf(f.file)}` })),
        ]),
      ),
      watch,
    });
  });
  router.get("/extensions/:kind/:file", (req: Request, res: Response) => {
    const name = /^([a-z0-9][a-z0-9-]*)\.js$/.exec(String(req.params.file))?.[1];
    const found = extensionFiles(projectDir).find((f) => f.kind === req.params.kind && f.name === name);
    if (!found) {
      res.status(404).json({ type: "not_found", code: "not_found", message: `No dashboard extension ${req.params.kind}/${req.params.file}` });
      return;
    }
    let code: string;
    try {
      code = moduleOf(found.file, found.source);
    } catch (err) {
      const message = String((err as Error).message ?? err).trim().split("\n").slice(0, 8).join("\n");
      res.status(422).json({ type: "invalid_data", code: "extension_not_compiled", message: `src/admin/${found.kind}/${path.basename(found.file)}: ${message}` });
      return;
    }
    res.setHeader("cache-control", "no-cache");
    res.type("text/javascript").send(code);
  });
}

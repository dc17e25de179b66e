import fs from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";

/** One file the project generator writes, relative to the project directory. */
export interface PlannedFile {
  path: string;
  contents: string | Buffer;
  /** file mode: `.env` holds secrets and is written 0600 */
  mode?: number;
}

/** What rendering the starter would write: nothing is touched until `applyProjectPlan`. */
export interface ProjectPlan {
  files: PlannedFile[];
}

/** The values `.hbs` files of the starter see. Every key is always present (templates compile in strict mode). */
export interface ProjectTemplateData {
  /** the package name */
  name: string;
  db: "sqlite" | "postgres";
  postgres: boolean;
  /** PostgreSQL URL written to .env, or "" for SQLite */
  databaseUrl: string;
  /** the database name create-store would use on PostgreSQL */
  dbName: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  /** how to run a script with the chosen package manager: "npm run", "pnpm", "yarn" */
  run: string;
  adminEmail: string;
  jwtSecret: string;
}

/** Left behind in starter/ by `npm run dev:starter` or an editor: never copied. */
const IGNORED = new Set(["node_modules", "dist", ".kiosk", ".env", ".git", ".DS_Store"]);

/** Files only their owner may read. */
const PRIVATE = new Set([".env"]);

/** Names npm would drop or act on when it packs the starter, so they are stored under another name. */
const RENAMED: Record<string, string> = { _gitignore: ".gitignore", _env: ".env" };

function handlebars(): typeof Handlebars {
  const hb = Handlebars.create();
  // {{{json value 2}}}: a JSON literal, indented to sit at that depth in a JSON file.
  hb.registerHelper("json", (value: unknown, ...rest: unknown[]) => {
    const indent = typeof rest[0] === "number" ? rest[0] : 0;
    return JSON.stringify(value, null, 2).replace(/\n/g, `\n${" ".repeat(indent)}`);
  });
  return hb;
}

function starterFiles(dir: string, rel = ""): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    if (IGNORED.has(entry.name)) continue;
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...starterFiles(dir, child));
    else if (entry.isFile()) out.push(child);
  }
  return out.sort();
}

/** Where a starter file lands: `.hbs` is dropped, `_gitignore` becomes `.gitignore`. */
export function targetPath(starterPath: string): string {
  const parts = starterPath.replace(/\.hbs$/, "").split("/");
  const base = parts.pop()!;
  return [...parts, RENAMED[base] ?? base].join("/");
}

/**
 * Plans a new project from the starter: files ending in `.hbs` are rendered with
 * `data` (and lose the suffix), every other file is copied as it is.
 */
export function planProject(starterDir: string, data: ProjectTemplateData): ProjectPlan {
  const hb = handlebars();
  const files = starterFiles(starterDir).map((rel): PlannedFile => {
    const source = path.join(starterDir, rel);
    if (!rel.endsWith(".hbs")) return { path: targetPath(rel), contents: fs.readFileSync(source) };
    try {
      const template = hb.compile(fs.readFileSync(source, "utf8"), { noEscape: true, strict: true });
      const target = targetPath(rel);
      return { path: target, contents: template(data), ...(PRIVATE.has(target) ? { mode: 0o600 } : {}) };
    } catch (err) {
      throw new Error(`starter/${rel}: ${(err as Error).message.split("\n")[0]}`);
    }
  });
  return { files };
}

/** Writes a plan under `dir` (which must exist); returns the paths written. */
export function applyProjectPlan(plan: ProjectPlan, dir: string): string[] {
  for (const file of plan.files) {
    const target = path.join(dir, ...file.path.split("/"));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.contents, { flag: "wx", mode: file.mode });
  }
  return plan.files.map((f) => f.path);
}

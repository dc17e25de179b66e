import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { copyFixture, removeProject } from "./fixture-project";
import { run } from "./processes";

const REPO = path.resolve(__dirname, "..", "..");
const TSC = path.join(REPO, "node_modules", ".bin", "tsc");

/** What `tsc` said: its exit status and its output (empty when the project type-checks). */
export interface TypeCheck {
  status: number | null;
  output: string;
}

/**
 * A copy of `test/fixtures/<name>` type-checked as a project's own `tsc` would:
 * `node_modules/kiosk` linked to this repo (so through the built package's
 * `exports` and `.d.ts`), `@types/node` beside it, the fixture's `tsconfig.json`.
 */
export function typeCheckedProject(name: string) {
  const dir = copyFixture(name);
  fs.mkdirSync(path.join(dir, "node_modules", "@types"), { recursive: true });
  fs.symlinkSync(path.join(REPO, "node_modules", "@types", "node"), path.join(dir, "node_modules", "@types", "node"), "dir");

  const tsc = (): TypeCheck => {
    const r = run(TSC, ["-p", dir], {}, 120_000);
    return { status: r.status, output: r.stdout + r.stderr };
  };

  return {
    dir,
    tsc,
    /** `tsc` with each `from` replaced by its `to` in its `file`; the files are restored afterwards. */
    tscWith(...edits: [file: string, from: string, to: string][]): TypeCheck {
      const originals = new Map<string, string>();
      try {
        for (const [file, from, to] of edits) {
          const full = path.join(dir, file);
          const text = fs.readFileSync(full, "utf8");
          if (!originals.has(full)) originals.set(full, text);
          expect(text, `${file} holds ${from}`).toContain(from);
          fs.writeFileSync(full, text.replace(from, to));
        }
        return tsc();
      } finally {
        for (const [full, text] of originals) fs.writeFileSync(full, text);
      }
    },
    remove: () => removeProject(dir),
  };
}

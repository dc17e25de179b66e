import fs from "node:fs";
import path from "node:path";
import { ts } from "ts-morph";
import { describe, expect, it } from "vitest";

const REPO = path.resolve(__dirname, "..", "..");

/**
 * Which way imports may point. The kernel is the floor: it imports nothing
 * from the modules, the CLI or the generators. Generators may use the kernel,
 * never the CLI. The CLI sits on top and may import any of them.
 */
const RULES: { layer: string; mustNotImport: string[] }[] = [
  { layer: "src/kernel", mustNotImport: ["src/modules", "src/cli", "generators"] },
  { layer: "generators", mustNotImport: ["src/cli"] },
];

/** Every .ts file under `dir` (not .d.ts), repository-relative, with `/`. */
function tsFiles(dir: string): string[] {
  return fs.readdirSync(path.join(REPO, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return tsFiles(rel);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [rel] : [];
  });
}

/**
 * The module specifiers a source names: static imports and re-exports,
 * `import type`, `require("…")`, `import("…")` and `typeof import("…")`.
 */
function specifiers(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

const inside = (file: string, dir: string) => file === dir || file.startsWith(`${dir}/`);

/** Where a relative specifier of `file` points, repository-relative; undefined for a package. */
function target(file: string, spec: string): string | undefined {
  if (!spec.startsWith(".")) return undefined;
  return path.relative(REPO, path.resolve(REPO, path.dirname(file), spec)).split(path.sep).join("/");
}

/** `file -> specifier` for each import of `file` that lands in one of `forbidden`. */
function wrongArrows(file: string, source: string, forbidden: string[]): string[] {
  return specifiers(source)
    .filter((spec) => forbidden.some((dir) => inside(target(file, spec) ?? "", dir)))
    .map((spec) => `${file} -> ${spec}`);
}

const read = (file: string) => fs.readFileSync(path.join(REPO, file), "utf8");

describe("the arrows between the kernel, the generators and the CLI", () => {
  it.each(RULES.map((r) => ({ ...r, names: r.mustNotImport.join(", ") })))("$layer imports nothing from $names", ({ layer, mustNotImport }) => {
    const files = tsFiles(layer);
    expect(files.length).toBeGreaterThan(5);
    expect(files.flatMap((file) => wrongArrows(file, read(file), mustNotImport))).toEqual([]);
  });

  it("src/cli is where they meet: it imports both the kernel and the generators", () => {
    const targets = tsFiles("src/cli").flatMap((file) => specifiers(read(file)).map((spec) => target(file, spec) ?? ""));
    expect(targets.some((t) => inside(t, "src/kernel"))).toBe(true);
    expect(targets.some((t) => inside(t, "generators"))).toBe(true);
  });

  it("sees every form of import, so a wrong arrow cannot hide", () => {
    const source = [
      'import { a } from "../../cli/a";',
      'import type { B } from "../../cli/b";',
      'export { c } from "../../cli/c";',
      'const d = require("../../cli/d") as typeof import("../../cli/d");',
      'const e = await import("../../../generators/e");',
      'type F = import("../../modules/f").F;',
      'import { ok } from "../boot/project";',
      'import { Column } from "typeorm";',
    ].join("\n");
    expect(wrongArrows("src/kernel/database/x.ts", source, RULES[0].mustNotImport)).toEqual([
      "src/kernel/database/x.ts -> ../../cli/a",
      "src/kernel/database/x.ts -> ../../cli/b",
      "src/kernel/database/x.ts -> ../../cli/c",
      "src/kernel/database/x.ts -> ../../cli/d",
      "src/kernel/database/x.ts -> ../../cli/d",
      "src/kernel/database/x.ts -> ../../../generators/e",
      "src/kernel/database/x.ts -> ../../modules/f",
    ]);
  });
});
